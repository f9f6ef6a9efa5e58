import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEvent, humanize } from '../../functions/InfoFloPay.Functions/Console/wwwroot/timeline.mjs';

const ava = { email: 'ava.agent@infoflopay.example', name: 'Ava Agent', role: 'agent' };
const carol = { email: 'carol@contoso.com', name: 'Carol Jensen', role: 'customer' };

test('an internal note is marked internal and says so', () => {
  const d = describeEvent({ kind: 'reply', visibility: 'internal', actor: ava, body: 'Checked the ledger.' });
  assert.equal(d.internal, true);
  assert.equal(d.tone, 'internal');
  assert.equal(d.title, 'Internal note by Ava Agent');
  assert.equal(d.text, 'Checked the ledger.');
});

test('a public staff reply and a customer reply look different', () => {
  const staff = describeEvent({ kind: 'reply', visibility: 'public', actor: ava, body: 'Fixed.', firstResponse: true });
  const customer = describeEvent({ kind: 'reply', visibility: 'public', actor: carol, body: 'Thanks!' });
  assert.equal(staff.title, 'Ava Agent replied to the customer (first response)');
  assert.equal(staff.tone, 'staff');
  assert.equal(staff.internal, false);
  assert.equal(customer.title, 'Carol Jensen wrote');
  assert.equal(customer.tone, 'customer');
});

test('status, triage and assignment read as sentences', () => {
  assert.equal(describeEvent({ kind: 'status', actor: ava, fromStatus: 'open', toStatus: 'pending', note: 'Waiting on bank' }).title, 'Status open → pending by Ava Agent');
  assert.equal(describeEvent({ kind: 'triaged', actor: ava, priority: 'urgent', fromPriority: 'medium' }).title, 'Triaged by Ava Agent: priority medium → urgent');
  assert.equal(describeEvent({ kind: 'triaged', actor: ava, priority: 'medium', fromPriority: 'medium' }).title, 'Triaged by Ava Agent: medium priority');
  assert.equal(describeEvent({ kind: 'assigned', actor: ava, assignee: 'ben.agent@infoflopay.example' }).title, 'Assigned to ben.agent@infoflopay.example');
});

test('SLA events name the target and the Eastern due time', () => {
  const d = describeEvent({ kind: 'sla-breached', channel: 'first-response', dueAt: '2026-11-24T15:00:00Z', visibility: 'internal' });
  assert.equal(d.title, 'SLA breached: first response was due Tue, Nov 24, 10:00 AM ET');
  assert.equal(d.tone, 'bad');
});

test('notifications are compact system lines', () => {
  const d = describeEvent({ kind: 'notification-sent', channel: 'email', recipients: ['carol@contoso.com'], note: 'We received your request' });
  assert.equal(d.title, 'Email sent to carol@contoso.com');
  assert.equal(d.compact, true);
});

test('paging events from the escalation chain', () => {
  assert.equal(describeEvent({ kind: 'paged', recipients: ['olivia.pager@infoflopay.example'] }).title, 'Paged olivia.pager@infoflopay.example');
  assert.equal(describeEvent({ kind: 'acknowledged', actor: ava }).title, 'Page acknowledged by Ava Agent');
});

test('a kind the console does not know is still shown', () => {
  const d = describeEvent({ kind: 'attachment-added', visibility: 'public', actor: carol, note: 'invoice.pdf' });
  assert.equal(d.title, 'Attachment added');
  assert.equal(d.text, 'invoice.pdf');
  assert.equal(humanize(''), 'Event');
});
