import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestFor, keepMatching, sortFor, ticketIdIn, arrivals, filtersFor } from '../../functions/InfoFloPay.Functions/Console/wwwroot/queues.mjs';

const me = 'ava.agent@infoflopay.example';
const t = (id, fields = {}) => ({ id, subject: 'Refund stuck', status: 'open', priority: 'medium', assignee: null, customerId: 'contoso', createdAt: '2026-11-24T14:00:00Z', ...fields });

test('the triage queue reads the triage index', () => {
  assert.deepEqual(requestFor('triage', { priority: 'urgent' }, me), { path: '/queue', params: { top: 100 } });
});

test('each list view asks the API for its own index range', () => {
  assert.deepEqual(requestFor('mine', {}, me).params, { top: 100, priority: undefined, customerId: undefined, status: 'open', assignee: me });
  assert.equal(requestFor('pending', {}, me).params.status, 'pending');
  assert.equal(requestFor('breached', {}, me).params.sla, 'breached');
  assert.equal(requestFor('at-risk', {}, me).params.sla, 'at-risk');
  assert.deepEqual(requestFor('open', { assignee: 'none', customer: 'fabrikam', priority: 'high', q: 'payout' }, me).params,
    { top: 100, priority: 'high', customerId: 'fabrikam', status: 'open', assignee: 'none', q: 'payout' });
});

test('the compatible request keeps to the filters every server knows', () => {
  const { params } = requestFor('pending', { assignee: 'none', q: 'x' }, me, { compatible: true });
  assert.deepEqual(params, { top: 100, priority: undefined, customerId: undefined, status: 'open' });
  assert.equal(requestFor('breached', {}, me, { compatible: true }).params.sla, undefined);
  assert.equal(requestFor('open', { status: 'resolved' }, me, { compatible: true }).params.status, 'closed');
});

test('what comes back is re-checked against the view', () => {
  const items = [
    t('IFP-1', { status: 'pending' }), t('IFP-2', { assignee: me }), t('IFP-3', { priority: 'urgent' }),
    t('IFP-4', { customerId: 'fabrikam', subject: 'Payout file rejected' }), t('IFP-5', { status: 'resolved' }),
  ];
  assert.deepEqual(keepMatching(items, 'pending', {}, me).map((x) => x.id), ['IFP-1']);
  assert.deepEqual(keepMatching(items, 'mine', {}, me).map((x) => x.id), ['IFP-2']);
  assert.deepEqual(keepMatching(items, 'open', { assignee: 'none', priority: 'urgent' }, me).map((x) => x.id), ['IFP-3']);
  assert.deepEqual(keepMatching(items, 'open', { customer: 'fabrikam' }, me).map((x) => x.id), ['IFP-4']);
  assert.deepEqual(keepMatching(items, 'open', { q: 'PAYOUT rejected' }, me).map((x) => x.id), ['IFP-4']);
  assert.deepEqual(keepMatching(items, 'open', { q: 'ifp-2' }, me).map((x) => x.id), ['IFP-2']);
  assert.deepEqual(keepMatching(items, 'open', { status: 'all' }, me).length, 5);
  assert.deepEqual(keepMatching(items, 'open', { status: 'closed' }, me).map((x) => x.id), ['IFP-5']);
});

test('breached and at-risk views never mix', () => {
  const items = [t('IFP-1'), t('IFP-2')];
  const isBreached = (x) => x.id === 'IFP-1';
  assert.deepEqual(keepMatching(items, 'breached', {}, me, { isBreached }).map((x) => x.id), ['IFP-1']);
  assert.deepEqual(keepMatching(items, 'at-risk', {}, me, { isBreached }).map((x) => x.id), ['IFP-2']);
});

test('triage order is urgent to low, oldest first', () => {
  const items = [
    t('IFP-1', { priority: 'low', createdAt: '2026-11-24T10:00:00Z' }),
    t('IFP-2', { priority: 'urgent', createdAt: '2026-11-24T12:00:00Z' }),
    t('IFP-3', { priority: 'urgent', createdAt: '2026-11-24T11:00:00Z' }),
    t('IFP-4', { priority: 'medium', createdAt: '2026-11-24T09:00:00Z' }),
  ];
  assert.deepEqual(sortFor('triage', items).map((x) => x.id), ['IFP-3', 'IFP-2', 'IFP-4', 'IFP-1']);
  assert.deepEqual(sortFor('open', items).map((x) => x.id), ['IFP-1', 'IFP-2', 'IFP-3', 'IFP-4']);
});

test('a search for a ticket id is recognised', () => {
  assert.equal(ticketIdIn(' ifp-1042 '), 'IFP-1042');
  assert.equal(ticketIdIn('refund IFP-1042'), null);
});

test('a refresh names the tickets it brought in', () => {
  assert.deepEqual(arrivals([t('IFP-1')], [t('IFP-2'), t('IFP-1')]), ['IFP-2']);
});

test('the triage queue offers no status filter', () => {
  assert.ok(!filtersFor('triage').includes('status'));
  assert.ok(filtersFor('open').includes('status'));
});
