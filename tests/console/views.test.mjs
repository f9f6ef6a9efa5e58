import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByTier } from '../../functions/InfoFloPay.Functions/Console/wwwroot/view-sla.mjs';
import { splitList } from '../../functions/InfoFloPay.Functions/Console/wwwroot/view-customers.mjs';
import { targetState, describeTarget } from '../../functions/InfoFloPay.Functions/Console/wwwroot/view-monitoring.mjs';
import { assigneeChoices, assigneeLabel } from '../../functions/InfoFloPay.Functions/Console/wwwroot/view-queue.mjs';

test('the SLA glance counts tickets per tier, every tier shown even at zero', () => {
  const counts = countByTier([{ sla: { tier: 'vip' } }, { sla: { tier: 'vip' } }, { sla: { tier: 'reserve' } }]);
  assert.deepEqual(counts, { vip: 2, reserve: 1, essentials: 0 });
});

test('lists are typed one per line or separated by commas', () => {
  assert.deepEqual(splitList('contoso.com, contoso.example\n\n  fabrikam.example '), ['contoso.com', 'contoso.example', 'fabrikam.example']);
  assert.deepEqual(splitList(''), []);
});

test('a target\'s state comes from the list when the server has it there, else from its own GET', () => {
  assert.equal(targetState({ name: 'api', kind: 'http', url: 'https://x', status: 'maintenance' }, null).status, 'maintenance');
  const v1 = targetState({ name: 'api', kind: 'http', url: 'https://x' }, { status: 'down', consecutiveFailures: 3, openIncident: 'IFP-1042' });
  assert.deepEqual([v1.status, v1.failures, v1.openIncident], ['down', 3, 'IFP-1042']);
  assert.equal(targetState({ name: 'db', kind: 'tcp' }, null).status, 'unknown');
});

test('the Assignee picker offers the agents list, or the people the console knows when there is none', () => {
  const me = { email: 'ava@x' };
  assert.deepEqual(assigneeChoices({ me, agents: [{ email: 'ben@x', name: 'Ben', availability: 'away' }] }), [['ben@x', 'Ben (away)']]);
  assert.deepEqual(assigneeChoices({ me, agents: null }, ['ben@x', null, 'ava@x']), [['ava@x', 'ava@x (me)'], ['ben@x', 'ben@x']]);
  assert.equal(assigneeLabel({ agents: [{ email: 'ben@x', name: 'Ben' }] }, 'BEN@x'), 'Ben');
  assert.equal(assigneeLabel({ agents: null }, null), 'Unassigned');
});

test('a target line says what it watches: a heartbeat waits for beats, a URL target names its URL and cadence', () => {
  const beat = targetState({ name: 'nightly-payouts', kind: 'heartbeat', intervalSeconds: 3600, graceSeconds: 300, failureThreshold: 1 }, null);
  assert.equal(describeTarget(beat), 'heartbeat: expects a beat every 3600 s (+300 s grace) · a missed beat opens an incident');
  const api = targetState({ name: 'api', kind: 'http', url: 'https://status.example/health', intervalSeconds: 10, failureThreshold: 3 }, null);
  assert.equal(describeTarget(api), 'http https://status.example/health · every 10 s · 3 failed checks in a row open an incident');
  assert.equal(describeTarget(targetState({ name: 'db', kind: 'tcp', url: 'tcp://db:5432' }, null)), 'tcp tcp://db:5432');
});
