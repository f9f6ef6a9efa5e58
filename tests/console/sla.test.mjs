import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slaClocks, pressingClock, isBreached, calendarLabel } from '../../functions/InfoFloPay.Functions/Console/wwwroot/sla.mjs';

const now = '2026-11-24T14:00:00Z'; // Tuesday 9:00 AM in New York

function ticket(overrides = {}, sla = {}) {
  return {
    id: 'IFP-1001', status: 'new', priority: 'medium', firstRespondedAt: null, ...overrides,
    sla: { tier: 'reserve', firstResponseDueAt: null, resolutionDueAt: null, paused: false, breaches: [], calendar: 'business', ...sla },
  };
}

test('a running first-response clock says how long is left and when it is due, in Eastern business hours', () => {
  const [clock] = slaClocks(ticket({}, { firstResponseDueAt: '2026-11-24T16:10:00Z' }), now);
  assert.equal(clock.state, 'running');
  assert.equal(clock.headline, 'First response due in 2h 10m');
  assert.equal(clock.detail, 'due 11:10 AM ET · business hours');
});

test('a business-hours due time on the next morning keeps its day', () => {
  const [clock] = slaClocks(ticket({}, { firstResponseDueAt: '2026-11-25T14:40:00Z' }), now);
  assert.equal(clock.detail, 'due Wed, Nov 25, 9:40 AM ET · business hours');
});

test('24x7 targets say so', () => {
  const [clock] = slaClocks(ticket({ priority: 'urgent' }, { firstResponseDueAt: '2026-11-24T14:45:00Z', calendar: '24x7' }), now);
  assert.equal(clock.state, 'soon');
  assert.equal(clock.tone, 'warn');
  assert.equal(clock.detail, 'due 9:45 AM ET · 24x7');
});

test('past its due time a clock is overdue even before the sweep records the breach', () => {
  const [clock] = slaClocks(ticket({}, { firstResponseDueAt: '2026-11-24T13:35:00Z' }), now);
  assert.equal(clock.state, 'overdue');
  assert.equal(clock.headline, 'First response overdue by 25m');
  assert.equal(clock.tone, 'bad');
});

test('a recorded breach stays a breach after the target stopped', () => {
  const t = ticket({ status: 'open', firstRespondedAt: '2026-11-24T13:50:00Z' },
    { firstResponseDueAt: '2026-11-24T13:35:00Z', breaches: [{ target: 'first-response', at: '2026-11-24T13:35:00Z' }] });
  const [clock] = slaClocks(t, now);
  assert.equal(clock.state, 'breached');
  assert.equal(clock.headline, 'First response target missed');
  assert.ok(isBreached(t, now));
});

test('pending with the due time frozen says the clock is paused', () => {
  const clocks = slaClocks(ticket({ status: 'pending', firstRespondedAt: '2026-11-24T13:00:00Z' }, { paused: true, resolutionDueAt: null }), now);
  assert.deepEqual(clocks.map((c) => c.state), ['met', 'paused']);
  assert.match(clocks[1].detail, /runs again when the ticket is open/);
});

test('a resolved ticket shows its targets as met, not as counting down', () => {
  const clocks = slaClocks(ticket({ status: 'resolved', firstRespondedAt: '2026-11-24T13:00:00Z' },
    { firstResponseDueAt: '2026-11-24T15:00:00Z', resolutionDueAt: '2026-11-26T15:00:00Z' }), now);
  assert.deepEqual(clocks.map((c) => c.state), ['met', 'met']);
  assert.equal(isBreached(ticket({ status: 'resolved' }), now), false);
});

test('the queue row shows the most pressing clock', () => {
  const t = ticket({ status: 'open' }, { firstResponseDueAt: '2026-11-25T14:00:00Z', resolutionDueAt: '2026-11-24T14:30:00Z' });
  assert.equal(pressingClock(t, now).target, 'resolution');
  assert.equal(pressingClock(ticket(), now), null);
});

test('the calendar label is empty when the server did not say', () => {
  assert.equal(calendarLabel({}), '');
  assert.equal(calendarLabel({ calendar: 'business' }), 'business hours');
});
