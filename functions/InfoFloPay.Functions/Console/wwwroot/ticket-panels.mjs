// The read-only parts of the ticket workspace, drawn from the ticket and its timeline: SLA chips and facts, the
// timeline entries (internal ones marked), the paging banner, and the requester and account.

import { h } from './dom.mjs';
import { describeEvent } from './timeline.mjs';
import { calendarLabel } from './sla.mjs';
import { formatEastern, formatRelative } from './eastern.mjs';

export function clockChips(clocks) {
  return clocks.map((clock) => h('li', { class: `sla-chip tone-${clock.tone}` },
    h('span', { class: 'sla-headline' }, clock.headline), clock.detail ? h('span', { class: 'sla-detail' }, clock.detail) : null));
}

export function slaFacts(t) {
  const closed = ['resolved', 'closed'].includes(t.status);
  return [
    h('dl', { class: 'facts' },
      h('dt', {}, 'Tier'), h('dd', {}, t.sla?.tier ?? '—'),
      h('dt', {}, 'Counted in'), h('dd', {}, calendarLabel(t.sla) || 'the policy\'s calendar'),
      h('dt', {}, 'First response due'), h('dd', {}, t.firstRespondedAt ? `answered ${formatEastern(t.firstRespondedAt)}` : formatEastern(t.sla?.firstResponseDueAt) || (t.sla?.paused ? 'paused' : '—')),
      h('dt', {}, 'Resolution due'), h('dd', {}, t.resolvedAt && closed ? `resolved ${formatEastern(t.resolvedAt)}` : formatEastern(t.sla?.resolutionDueAt) || (t.sla?.paused ? 'paused' : 'no target'))),
    t.sla?.paused ? h('p', { class: 'note' }, 'The ticket is pending: its SLA clocks are paused until it is open again.') : null,
    (t.sla?.breaches ?? []).length
      ? h('ul', { class: 'breaches' }, t.sla.breaches.map((b) => h('li', {}, `${b.target === 'first-response' ? 'First response' : 'Resolution'} target missed at ${formatEastern(b.at)}`)))
      : null,
  ];
}

export function timelineEntries(events, now) {
  return events.map((event) => {
    const d = describeEvent(event);
    return h('li', { class: `entry tone-${d.tone}${d.internal ? ' internal' : ' public'}${d.compact ? ' compact' : ''}`, dataset: { kind: d.kind, eventId: event.id } },
      h('div', { class: 'entry-head' },
        d.internal ? h('span', { class: 'visibility' }, 'Internal') : h('span', { class: 'visibility public' }, 'Public'),
        h('span', { class: 'entry-title' }, d.title),
        h('time', { datetime: event.occurredAt, title: formatEastern(event.occurredAt) }, formatEastern(event.occurredAt, { now, short: true }))),
      d.text ? h('div', { class: 'entry-body' }, d.text) : null);
  });
}

/** Nothing for a ticket never paged; who acknowledged it; or a red banner with the button that acknowledges. */
export function pagingPanel(paging, now, onAcknowledge) {
  if (!paging) return null;
  if (paging.acknowledgedAt) {
    return h('p', { class: 'paging acked' },
      `Page acknowledged by ${paging.acknowledgedBy ?? 'someone'} ${formatEastern(paging.acknowledgedAt, { now, short: true })}.`);
  }
  return h('div', { class: 'paging unacked', role: 'region', 'aria-label': 'Page' },
    h('p', {}, h('strong', {}, 'Paged, not acknowledged. '),
      `Paged ${formatRelative(paging.pagedAt, now)} (${formatEastern(paging.pagedAt, { now, short: true })})`,
      paging.escalationStep ? `; escalation step ${paging.escalationStep}` : '',
      paging.nextEscalationAt ? `; escalates again ${formatEastern(paging.nextEscalationAt, { now, short: true })}` : '',
      '.'),
    h('button', { type: 'button', id: 'ws-acknowledge', onclick: onAcknowledge }, 'Acknowledge page'));
}

export function peopleFacts(t, account, now) {
  const rows = [
    ['Requester', t.requester?.name ? `${t.requester.name} <${t.requester.email}>` : t.requester?.email],
    ['Account', account ? account.name : t.customerId ?? 'No account (staff ticket)'],
    ['SLA tier', account?.tier ?? t.sla?.tier],
    ['Account id', t.customerId],
    ['Opened', `${formatEastern(t.createdAt)} (${formatRelative(t.createdAt, now)})`],
    ['Last update', formatEastern(t.updatedAt)],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]);
}

