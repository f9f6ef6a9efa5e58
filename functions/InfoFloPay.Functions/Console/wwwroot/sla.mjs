// Where a ticket's SLA clocks stand, in words an agent acts on. The server does the business-hours arithmetic (a due
// time already skips nights, weekends and holidays); the console only compares it with now and says which calendar
// it was counted on.

import { formatDuration, formatEastern } from './eastern.mjs';

/** How close a running clock may get to its due time before the console calls it "due soon". */
export const DUE_SOON_MS = 60 * 60000;

const OPEN = new Set(['new', 'open', 'pending']);
const TARGETS = [
  { key: 'first-response', label: 'First response', due: 'firstResponseDueAt' },
  { key: 'resolution', label: 'Resolution', due: 'resolutionDueAt' },
];

/** "business hours" or "24x7", as the ticket's policy row counts time; empty when the server did not say. */
export function calendarLabel(sla) {
  if (sla?.calendar === 'business') return 'business hours';
  if (sla?.calendar === '24x7') return '24x7';
  return '';
}

/**
 * Each SLA clock of the ticket: { target, label, state, tone, dueAt, headline, detail }.
 * state: running | soon | overdue | breached | paused | met | stopped; tone: ok | warn | bad | muted.
 */
export function slaClocks(ticket, now) {
  const sla = ticket?.sla ?? {};
  const nowMs = new Date(now).getTime();
  const breaches = new Map((sla.breaches ?? []).map((breach) => [breach.target, breach.at]));
  const open = OPEN.has(ticket?.status);
  const calendar = calendarLabel(sla);
  const clocks = [];

  for (const target of TARGETS) {
    const dueAt = sla[target.due] ?? null;
    const breachedAt = breaches.get(target.key) ?? null;
    const stopped = target.key === 'first-response' ? Boolean(ticket?.firstRespondedAt) || !open : !open;
    const clock = { target: target.key, label: target.label, dueAt, calendar };

    if (stopped) {
      if (target.key === 'resolution' && dueAt === null && breachedAt === null) continue;
      if (target.key === 'first-response' && !ticket?.firstRespondedAt && breachedAt === null) continue;
      clocks.push(breachedAt
        ? { ...clock, state: 'breached', tone: 'bad', headline: `${target.label} target missed`, detail: `was due ${formatEastern(breachedAt)}` }
        : { ...clock, state: 'met', tone: 'muted', headline: `${target.label} met`, detail: '' });
      continue;
    }

    if (dueAt === null) {
      // Paused in pending before the due time: the time left is frozen until the ticket is open again.
      if (sla.paused) clocks.push({ ...clock, state: 'paused', tone: 'muted', headline: `${target.label} clock paused`, detail: 'pending: the clock runs again when the ticket is open' });
      continue;
    }

    const left = new Date(dueAt).getTime() - nowMs;
    const where = [formatEastern(dueAt, { now, short: true }), calendar].filter(Boolean).join(' · ');
    if (breachedAt !== null || left <= 0) {
      clocks.push({ ...clock, state: breachedAt !== null ? 'breached' : 'overdue', tone: 'bad', headline: `${target.label} overdue by ${formatDuration(left)}`, detail: `was due ${where}` });
    } else if (sla.paused) {
      clocks.push({ ...clock, state: 'paused', tone: 'muted', headline: `${target.label} clock paused`, detail: `due ${where} if it ran now` });
    } else {
      const soon = left <= DUE_SOON_MS;
      clocks.push({ ...clock, state: soon ? 'soon' : 'running', tone: soon ? 'warn' : 'ok', headline: `${target.label} due in ${formatDuration(left)}`, detail: `due ${where}` });
    }
  }
  return clocks;
}

/** The one clock a queue row shows: the first that is late, else the one due first, else the first there is. */
export function pressingClock(ticket, now) {
  const clocks = slaClocks(ticket, now);
  const rank = { breached: 0, overdue: 0, soon: 1, running: 2, paused: 3, met: 4, stopped: 4 };
  return clocks
    .map((clock, index) => ({ clock, index }))
    .sort((a, b) => rank[a.clock.state] - rank[b.clock.state]
      || (a.clock.dueAt && b.clock.dueAt ? new Date(a.clock.dueAt) - new Date(b.clock.dueAt) : 0)
      || a.index - b.index)[0]?.clock ?? null;
}

/** True when the ticket has missed (or is now past) a target: what "breached" lists show. */
export function isBreached(ticket, now) {
  return slaClocks(ticket, now).some((clock) => clock.state === 'breached' || clock.state === 'overdue');
}
