import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatEastern, formatDuration, formatRelative, easternWallTimeToUtc, utcToEasternWallTime,
} from '../../functions/InfoFloPay.Functions/Console/wwwroot/eastern.mjs';

test('an instant is shown in Eastern time, winter and summer', () => {
  assert.equal(formatEastern('2026-11-24T14:00:00Z'), 'Tue, Nov 24, 9:00 AM ET');
  assert.equal(formatEastern('2026-07-01T14:00:00Z'), 'Wed, Jul 1, 10:00 AM ET');
});

test('the short form drops the day only when it is the same Eastern day', () => {
  // 03:30Z on the 25th is still the evening of the 24th in New York.
  assert.equal(formatEastern('2026-11-25T03:30:00Z', { now: '2026-11-24T14:00:00Z', short: true }), '10:30 PM ET');
  assert.equal(formatEastern('2026-11-25T14:00:00Z', { now: '2026-11-24T14:00:00Z', short: true }), 'Wed, Nov 25, 9:00 AM ET');
});

test('nothing to show for a missing or unreadable instant', () => {
  assert.equal(formatEastern(null), '');
  assert.equal(formatEastern('not a time'), '');
});

test('durations read as people say them', () => {
  assert.equal(formatDuration(30 * 1000), 'under 1m');
  assert.equal(formatDuration(45 * 60000), '45m');
  assert.equal(formatDuration(2 * 3600000), '2h');
  assert.equal(formatDuration(130 * 60000), '2h 10m');
  assert.equal(formatDuration(76 * 3600000), '3d 4h');
  assert.equal(formatDuration(-25 * 60000), '25m');
});

test('relative times say which side of now they are on', () => {
  assert.equal(formatRelative('2026-11-24T16:10:00Z', '2026-11-24T14:00:00Z'), 'in 2h 10m');
  assert.equal(formatRelative('2026-11-24T13:35:00Z', '2026-11-24T14:00:00Z'), '25m ago');
  assert.equal(formatRelative('2026-11-24T14:00:20Z', '2026-11-24T14:00:00Z'), 'just now');
});

test('Eastern wall-clock input becomes the right UTC instant across daylight saving time', () => {
  assert.equal(easternWallTimeToUtc('2026-11-24T09:30'), '2026-11-24T14:30:00Z');
  assert.equal(easternWallTimeToUtc('2026-07-01T09:30'), '2026-07-01T13:30:00Z');
  // The morning DST ends (Nov 1, 2026): 03:00 EST is after the change.
  assert.equal(easternWallTimeToUtc('2026-11-01T03:00'), '2026-11-01T08:00:00Z');
  assert.equal(easternWallTimeToUtc('24/11/2026'), null);
});

test('a UTC instant shows as the Eastern wall clock in a datetime-local field', () => {
  assert.equal(utcToEasternWallTime('2026-11-24T14:30:00Z'), '2026-11-24T09:30');
  assert.equal(utcToEasternWallTime('2026-07-01T13:30:00Z'), '2026-07-01T09:30');
});
