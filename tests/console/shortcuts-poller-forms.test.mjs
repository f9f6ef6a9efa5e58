import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveShortcut, isTyping, installShortcuts } from '../../functions/InfoFloPay.Functions/Console/wwwroot/shortcuts.mjs';
import { createPoller } from '../../functions/InfoFloPay.Functions/Console/wwwroot/poller.mjs';
import { placeErrors, fieldOf } from '../../functions/InfoFloPay.Functions/Console/wwwroot/forms.mjs';

const body = { tagName: 'BODY' };
const textarea = { tagName: 'TEXTAREA' };
const checkbox = { tagName: 'INPUT', type: 'checkbox' };
const search = { tagName: 'INPUT', type: 'search' };

test('letters are shortcuts only when the agent is not typing', () => {
  assert.equal(resolveShortcut({ key: 'j', target: body }), 'next');
  assert.equal(resolveShortcut({ key: 'r', target: body }), 'reply');
  assert.equal(resolveShortcut({ key: 'i', target: checkbox }), 'internal');
  assert.equal(resolveShortcut({ key: 'r', target: textarea }), null);
  assert.equal(resolveShortcut({ key: 'j', target: search }), null);
  assert.equal(resolveShortcut({ key: 'j', ctrlKey: true, target: body }), null);
  assert.equal(isTyping({ tagName: 'DIV', isContentEditable: true }), true);
});

test('Ctrl+Enter sends and Escape leaves the reply box', () => {
  assert.equal(resolveShortcut({ key: 'Enter', ctrlKey: true, target: textarea }), 'send');
  assert.equal(resolveShortcut({ key: 'Enter', metaKey: true, target: textarea }), 'send');
  assert.equal(resolveShortcut({ key: 'Escape', target: textarea }), 'leave');
  assert.equal(resolveShortcut({ key: 'Escape', target: body }), null);
});

test('a handled shortcut keeps the key from the browser; an unhandled one does not', () => {
  let listener;
  const doc = { addEventListener: (_, l) => { listener = l; }, removeEventListener: () => {} };
  const calls = [];
  installShortcuts(doc, { next: () => calls.push('next'), reply: () => false });
  const press = (key) => {
    const event = { key, target: body, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    listener(event);
    return event.defaultPrevented;
  };
  assert.equal(press('j'), true);
  assert.equal(press('r'), false);
  assert.equal(press('x'), false);
  assert.deepEqual(calls, ['next']);
});

function fakeTimers() {
  let queue = [];
  let id = 0;
  return {
    setTimeout: (fn, ms) => { queue.push({ id: ++id, fn, ms }); return id; },
    clearTimeout: (handle) => { queue = queue.filter((t) => t.id !== handle); },
    pending: () => queue.length,
    async fire() {
      const next = queue.shift();
      await next.fn();
      return next.ms;
    },
  };
}

test('the poller runs on its interval and never while the tab is hidden', async () => {
  const timers = fakeTimers();
  let hidden = false;
  let runs = 0;
  const poller = createPoller({ intervalMs: 15000, run: async () => { runs += 1; }, isHidden: () => hidden, timers });
  poller.start();
  assert.equal(await timers.fire(), 15000);
  assert.equal(runs, 1);
  hidden = true;
  await timers.fire();
  assert.equal(runs, 1);
  assert.equal(timers.pending(), 1, 'still scheduled while hidden');
  hidden = false;
  await poller.poke();
  assert.equal(runs, 2);
  poller.stop();
  assert.equal(timers.pending(), 0);
});

test('a failing refresh is reported and polling goes on', async () => {
  const timers = fakeTimers();
  const errors = [];
  const poller = createPoller({ intervalMs: 1000, run: async () => { throw new Error('503'); }, timers, onError: (e) => errors.push(e.message) });
  poller.start();
  await timers.fire();
  assert.deepEqual(errors, ['503']);
  assert.equal(timers.pending(), 1);
});

test('API errors go beside the fields the form has, the rest to the form message', () => {
  const error = { message: 'The request is not valid.', errors: { note: ['Too long.'], 'members[1]': ['Not an email.'], other: ['Unknown property.'] } };
  const placed = placeErrors(error, ['note', 'members', 'status']);
  assert.deepEqual(placed.byField, { note: ['Too long.'], members: ['Not an email.'] });
  assert.equal(placed.message, 'Unknown property.');
  assert.equal(placeErrors({ message: 'Ticket IFP-9 not found.', errors: {} }, ['note']).message, 'Ticket IFP-9 not found.');
  assert.equal(placeErrors({ message: 'x', errors: { note: ['Too long.'] } }, ['note']).message, 'Please correct the highlighted fields.');
  assert.equal(fieldOf('requester.email'), 'requester');
});
