import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusChoices, statusHint, triageDefaults, routingReason, neighbour, COMPOSER_MODES } from '../../functions/InfoFloPay.Functions/Console/wwwroot/workspace.mjs';

test('the status picker offers the moves the desk allows', () => {
  assert.deepEqual(statusChoices('open').map(([v]) => v), ['pending', 'resolved']);
  assert.deepEqual(statusChoices('resolved'), [['closed', 'Closed'], ['open', 'Open (reopen)']]);
  assert.deepEqual(statusChoices('closed'), []);
});

test('setting pending says it pauses the clock', () => {
  assert.match(statusHint('open', 'pending'), /pauses the SLA clock/);
  assert.match(statusHint('pending', 'open'), /starts its SLA clock again/);
  assert.equal(statusHint('new', 'open'), '');
});

test('triage starts from the owner, else routing\'s suggestion', () => {
  assert.deepEqual(triageDefaults({ priority: 'high', assignee: 'ben@x', suggestedAssignee: 'ava@x' }), { priority: 'high', assignee: 'ben@x', suggested: false });
  assert.deepEqual(triageDefaults({ priority: 'medium', assignee: null, suggestedAssignee: 'ava@x' }), { priority: 'medium', assignee: 'ava@x', suggested: true });
  assert.deepEqual(triageDefaults({ priority: 'low', assignee: null }), { priority: 'low', assignee: '', suggested: false });
});

test('the routing reason is the latest routed event', () => {
  assert.equal(routingReason([{ kind: 'routed', note: 'account' }, { kind: 'reply' }, { kind: 'routed', note: 'fewest open tickets' }]), 'fewest open tickets');
  assert.equal(routingReason([]), null);
});

test('next and previous follow the queue the agent came from', () => {
  const ids = ['IFP-3', 'IFP-1', 'IFP-2'];
  assert.equal(neighbour(ids, 'IFP-1', 1), 'IFP-2');
  assert.equal(neighbour(ids, 'IFP-1', -1), 'IFP-3');
  assert.equal(neighbour(ids, 'IFP-2', 1), null);
  assert.equal(neighbour(ids, 'IFP-9', 1), null);
});

test('the two reply modes say different things before sending', () => {
  assert.notEqual(COMPOSER_MODES.public.button, COMPOSER_MODES.internal.button);
  assert.match(COMPOSER_MODES.internal.hint, /only the support team/);
  assert.match(COMPOSER_MODES.public.hint, /emailed/);
});
