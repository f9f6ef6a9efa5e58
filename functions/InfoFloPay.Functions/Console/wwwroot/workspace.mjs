// The ticket workspace's rules, apart from the page: which status moves the desk allows, what the triage form
// starts with, what the reply box says in each mode, and which ticket is next in the queue the agent came from.

/** The moves TicketStatusGraph allows (functions/InfoFloPay.Domain/Tickets/TicketStatusGraph.cs). */
export const STATUS_MOVES = {
  new: ['open'],
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

const STATUS_WORDS = {
  open: 'Open', pending: 'Pending (waiting on the customer)', resolved: 'Resolved', closed: 'Closed',
};

/** The Status picker's options from `status`: [value, label]; reopening a resolved ticket says so. */
export function statusChoices(status) {
  return (STATUS_MOVES[status] ?? []).map((to) => [to, status === 'resolved' && to === 'open' ? 'Open (reopen)' : STATUS_WORDS[to] ?? to]);
}

/** What a status change does to the SLA clocks, said before the agent makes it. */
export function statusHint(from, to) {
  if (to === 'pending') return 'Pending pauses the SLA clock until the ticket is open again (a customer reply reopens it).';
  if (from === 'pending' && to === 'open') return 'Opening the ticket starts its SLA clock again.';
  if (from === 'resolved' && to === 'open') return 'Reopening starts a new resolution clock.';
  if (to === 'resolved') return 'Resolving stops the SLA clocks; the customer can still reopen it.';
  if (to === 'closed') return 'A closed ticket cannot be reopened.';
  return '';
}

/**
 * The triage form's starting values: the ticket's priority and assignee; for a ticket nobody owns yet, routing's
 * suggestion when there is one (and `suggested` says so, for the hint beside the picker).
 */
export function triageDefaults(ticket) {
  if (ticket.assignee) return { priority: ticket.priority, assignee: ticket.assignee, suggested: false };
  if (ticket.suggestedAssignee) return { priority: ticket.priority, assignee: ticket.suggestedAssignee, suggested: true };
  return { priority: ticket.priority, assignee: '', suggested: false };
}

/** Why routing suggested someone: the note of the latest `routed` event, if the timeline has one. */
export function routingReason(events) {
  const routed = [...(events ?? [])].reverse().find((e) => e.kind === 'routed');
  return routed?.note ?? routed?.reason ?? null;
}

export const COMPOSER_MODES = {
  public: {
    button: 'Send reply',
    hint: 'The customer sees this reply on the ticket and is emailed a copy.',
    sent: 'Reply sent to the customer.',
  },
  internal: {
    button: 'Add internal note',
    hint: 'Internal note: only the support team sees it. The customer is not told.',
    sent: 'Internal note added; the customer does not see it.',
  },
};

/** The ticket `step` places after (or before) `id` in `ids`; null at either end or when `id` is not there. */
export function neighbour(ids, id, step) {
  const at = (ids ?? []).indexOf(id);
  if (at < 0) return null;
  return ids[at + step] ?? null;
}
