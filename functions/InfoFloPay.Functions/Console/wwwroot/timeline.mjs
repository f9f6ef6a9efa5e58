// What each timeline event says, for the console: a title, optional text, whether only staff can see it, and a
// tone. Kinds the console does not know yet (new features add them) are shown generically, never dropped.

import { formatEastern } from './eastern.mjs';

const TARGET_NAMES = { 'first-response': 'first response', resolution: 'resolution' };
const targetName = (channel) => TARGET_NAMES[channel] ?? channel ?? 'an SLA';

export const actorName = (actor) => actor?.name || actor?.email || 'The desk';

function isStaff(actor) {
  return ['agent', 'manager'].includes(actor?.role);
}

/** { title, text, internal, tone, kind, who, compact } for one event. */
export function describeEvent(event) {
  const who = actorName(event.actor);
  const internal = event.visibility === 'internal';
  const base = { kind: event.kind, who, internal, text: '', tone: 'neutral', compact: false };

  switch (event.kind) {
    case 'created':
      return { ...base, title: `Opened by ${who}${event.channel ? ` (${event.channel})` : ''}`, text: '' };
    case 'reply':
      if (internal) return { ...base, title: `Internal note by ${who}`, text: event.body ?? '', tone: 'internal' };
      return isStaff(event.actor)
        ? { ...base, title: `${who} replied to the customer${event.firstResponse ? ' (first response)' : ''}`, text: event.body ?? '', tone: 'staff' }
        : { ...base, title: `${who} wrote`, text: event.body ?? '', tone: 'customer' };
    case 'status':
      return {
        ...base,
        title: event.fromStatus ? `Status ${event.fromStatus} → ${event.toStatus} by ${who}` : `Status → ${event.toStatus} by ${who}`,
        text: event.note ?? '',
      };
    case 'triaged':
      return {
        ...base,
        title: event.fromPriority && event.fromPriority !== event.priority
          ? `Triaged by ${who}: priority ${event.fromPriority} → ${event.priority}`
          : `Triaged by ${who}: ${event.priority} priority`,
      };
    case 'assigned':
      return { ...base, title: event.assignee ? `Assigned to ${event.assignee}` : `Unassigned by ${who}` };
    case 'routed':
      return {
        ...base,
        title: event.assignee ? `Routing suggests ${event.assignee}` : 'Routed',
        text: event.note ?? event.reason ?? '',
        compact: true,
      };
    case 'notification-sent': {
      const to = (event.recipients ?? []).join(', ');
      return { ...base, title: `${event.channel === 'pager' ? 'Page' : 'Email'} sent${to ? ` to ${to}` : ''}`, text: event.note ?? '', compact: true, tone: 'system' };
    }
    case 'sla-applied':
      return { ...base, title: 'SLA targets set', compact: true, tone: 'system' };
    case 'sla-warning':
      return { ...base, title: `SLA warning: ${targetName(event.channel)} due ${formatEastern(event.dueAt)}`, tone: 'warn' };
    case 'sla-breached':
      return { ...base, title: `SLA breached: ${targetName(event.channel)} was due ${formatEastern(event.dueAt)}`, tone: 'bad' };
    case 'sla-met':
      return { ...base, title: `SLA met: ${targetName(event.channel)}`, compact: true, tone: 'system' };
    case 'paged':
      return { ...base, title: `Paged ${(event.recipients ?? []).join(', ') || 'the on-call manager'}`, text: event.note ?? '', tone: 'warn' };
    case 'acknowledged':
      return { ...base, title: `Page acknowledged by ${who}`, text: event.note ?? '' };
    case 'attachment-refused':
      return { ...base, title: 'Attachment refused', text: event.note ?? '', tone: 'warn' };
    case 'escalated':
      return { ...base, title: `Escalated${event.recipients?.length ? ` to ${event.recipients.join(', ')}` : ''}`, text: event.note ?? '', tone: 'warn' };
    default:
      return { ...base, title: humanize(event.kind ?? 'event'), text: event.body ?? event.note ?? '' };
  }
}

/** "sla-paused" → "Sla paused": readable enough for a kind this console has not learned yet. */
export function humanize(kind) {
  const words = String(kind).replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Event';
}
