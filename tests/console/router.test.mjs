import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, routeHref, ticketHref } from '../../functions/InfoFloPay.Functions/Console/wwwroot/router.mjs';

test('an empty hash is the triage queue', () => {
  assert.deepEqual(parseRoute(''), { view: 'queue', arg: 'triage', params: {} });
  assert.deepEqual(parseRoute('#/'), { view: 'queue', arg: 'triage', params: {} });
});

test('a queue view keeps its filters', () => {
  assert.deepEqual(parseRoute('#/queue/open?priority=urgent&customer=contoso'),
    { view: 'queue', arg: 'open', params: { priority: 'urgent', customer: 'contoso' } });
});

test('a ticket route carries the id and the queue it was opened from', () => {
  assert.deepEqual(parseRoute('#/ticket/IFP-1042?from=mine'), { view: 'ticket', arg: 'IFP-1042', params: { from: 'mine' } });
});

test('an unknown view falls back to triage rather than a blank page', () => {
  assert.equal(parseRoute('#/nowhere/x').view, 'queue');
});

test('links round-trip, leaving out empty filters and encoding ids', () => {
  const href = routeHref({ view: 'queue', arg: 'open', params: { priority: 'high', assignee: '', q: 'refund stuck' } });
  assert.equal(href, '#/queue/open?priority=high&q=refund+stuck');
  assert.deepEqual(parseRoute(href), { view: 'queue', arg: 'open', params: { priority: 'high', q: 'refund stuck' } });
  assert.equal(routeHref({ view: 'articles', arg: 'a b/c' }), '#/articles/a%20b%2Fc');
  assert.equal(parseRoute('#/articles/a%20b%2Fc').arg, 'a b/c');
  assert.equal(ticketHref('IFP-7', 'triage'), '#/ticket/IFP-7?from=triage');
  assert.equal(routeHref({ view: 'sla' }), '#/sla');
});
