// The queue views an agent works from, and how each one is asked of the API. Every list is one request the server
// answers from an index range (GET /api/queue, GET /api/tickets with status / assignee / sla / q filters); the
// console only re-checks the filters on what comes back, so a server that does not know a filter yet can never make
// a view show tickets that do not belong in it.

export const QUEUES = [
  { id: 'triage', title: 'Triage', description: 'New tickets to triage: urgent first, then oldest first.' },
  { id: 'mine', title: 'My tickets', description: 'Open tickets assigned to you, newest first.' },
  { id: 'open', title: 'All open', description: 'Every new, open and pending ticket, newest first.' },
  { id: 'pending', title: 'Pending', description: 'Waiting on the customer; their SLA clocks are paused.' },
  { id: 'at-risk', title: 'At risk', description: 'Open tickets past their SLA warning, not yet breached.' },
  { id: 'breached', title: 'Breached', description: 'Open tickets that missed an SLA target.' },
];

export const PRIORITIES = ['urgent', 'high', 'medium', 'low'];

/** The Status filter: the API's groups and single statuses. */
export const STATUS_CHOICES = [
  { value: '', label: 'Any open' },
  { value: 'new', label: 'New' },
  { value: 'pending', label: 'Pending' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'Any status' },
];

const OPEN_GROUP = new Set(['new', 'open', 'pending']);

export const queueById = (id) => QUEUES.find((queue) => queue.id === id) ?? null;

/** Which filters a queue offers (the triage queue is all new tickets, so no Status there). */
export function filtersFor(queueId) {
  return queueId === 'triage' || queueId === 'pending' ? ['priority', 'assignee', 'customer'] : ['priority', 'assignee', 'customer', 'status'];
}

/**
 * The request behind a queue view: { path, params }. `filters` are the view's {priority, assignee, customer, status,
 * q}; `me` is the signed-in agent's email. `compatible` asks only what the v1 list understands (status groups,
 * assignee email, priority, customerId), for a server that refuses the newer filters.
 */
export function requestFor(queueId, filters, me, { compatible = false, top = 100 } = {}) {
  const f = filters ?? {};
  // The triage queue is its own index (new tickets, urgent → low, oldest first); its filters are applied here.
  if (queueId === 'triage') return { path: '/queue', params: { top } };

  const params = { top, priority: f.priority, customerId: f.customer };
  const status = f.status || (queueId === 'pending' ? 'pending' : 'open');
  params.status = status;
  params.assignee = queueId === 'mine' ? me : f.assignee;
  if (queueId === 'at-risk') params.sla = 'at-risk';
  if (queueId === 'breached') params.sla = 'breached';
  if (f.q) params.q = f.q;

  if (compatible) {
    if (!['open', 'closed', 'all'].includes(status)) params.status = status === 'resolved' ? 'closed' : 'open';
    if (params.assignee === 'none') delete params.assignee;
    delete params.sla;
    delete params.q;
  }
  return { path: '/tickets', params };
}

/** The tickets of `items` that belong in the view; the server's answer, re-checked (see the top of this file). */
export function keepMatching(items, queueId, filters, me, { isBreached } = {}) {
  const f = filters ?? {};
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const idQuery = ticketIdIn(f.q);
  const status = queueId === 'triage' ? 'new' : f.status || (queueId === 'pending' ? 'pending' : 'open');
  const assignee = queueId === 'mine' ? me : f.assignee;
  return items.filter((t) => {
    if (f.priority && t.priority !== f.priority) return false;
    if (f.customer && t.customerId !== f.customer) return false;
    if (assignee === 'none' ? Boolean(t.assignee) : assignee && (t.assignee ?? '').toLowerCase() !== assignee.toLowerCase()) return false;
    if (status === 'open' ? !OPEN_GROUP.has(t.status) : status === 'closed' ? !['resolved', 'closed'].includes(t.status) : status !== 'all' && t.status !== status) return false;
    if (queueId === 'breached' && isBreached && !isBreached(t)) return false;
    if (queueId === 'at-risk' && isBreached && isBreached(t)) return false;
    if (idQuery) return t.id.toUpperCase() === idQuery;
    const subject = (t.subject ?? '').toLowerCase();
    return words.every((word) => subject.includes(word));
  });
}

const PRIORITY_RANK = { urgent: 0, high: 1, medium: 2, low: 3 };

/** The order a view shows: triage is urgent → low, oldest first; lists are newest first, as the API gives them. */
export function sortFor(queueId, items) {
  if (queueId !== 'triage') return items;
  return [...items].sort((a, b) => (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9)
    || new Date(a.createdAt) - new Date(b.createdAt));
}

/** "IFP-1042" when the text is a ticket id (any case, spaces around), else null. */
export function ticketIdIn(text) {
  const match = /^\s*(ifp-\d+)\s*$/i.exec(text ?? '');
  return match ? match[1].toUpperCase() : null;
}

/** Ticket ids of `after` not in `before`: the ones a refresh brought in. */
export function arrivals(before, after) {
  const known = new Set(before.map((t) => t.id));
  return after.filter((t) => !known.has(t.id)).map((t) => t.id);
}
