// The queue views: one list of tickets per queue (triage, mine, all open, pending, at risk, breached), filters by
// priority, assignee, account and status, search, an SLA countdown on every row, and a refresh every few seconds that
// updates rows in place so the agent's focus and scroll position stay where they were.

import { h, byId, fill, select, badge } from './dom.mjs';
import { QUEUES, PRIORITIES, STATUS_CHOICES, queueById, filtersFor, requestFor, keepMatching, sortFor, arrivals } from './queues.mjs';
import { pressingClock, isBreached } from './sla.mjs';
import { formatRelative, formatEastern } from './eastern.mjs';
import { routeHref, ticketHref } from './router.mjs';

const FILTER_KEYS = ['priority', 'assignee', 'customer', 'status', 'q'];

/** The people the Assignee pickers offer: GET /api/agents when the server has it, else whoever the console has seen
 * owning a ticket (and the agent signed in). */
export function assigneeChoices(ctx, seen = []) {
  if (ctx.agents?.length) {
    return ctx.agents.map((agent) => [agent.email, `${agent.name || agent.email}${agent.availability === 'away' ? ' (away)' : ''}`]);
  }
  const emails = new Set([ctx.me.email, ...(ctx.knownAssignees ?? []), ...seen.filter(Boolean)]);
  return [...emails].map((email) => [email, email === ctx.me.email ? `${email} (me)` : email]);
}

export const assigneeLabel = (ctx, email) =>
  email ? ctx.agents?.find((a) => a.email.toLowerCase() === email.toLowerCase())?.name ?? email : 'Unassigned';

/** One ticket as a row of a list: a single link (one tab stop), priority first, the most pressing SLA clock last. */
export function ticketRow(ctx, ticket, from) {
  const row = h('li', { dataset: { ticketId: ticket.id } }, h('a', { class: 'row-link', href: ticketHref(ticket.id, from) }));
  updateRow(ctx, row, ticket);
  return row;
}

export function updateRow(ctx, row, ticket) {
  const now = ctx.now();
  const clock = pressingClock(ticket, now);
  const account = ctx.customers.get(ticket.customerId);
  row.className = `ticket-row row-${ticket.priority}${clock && clock.tone === 'bad' ? ' late' : ''}`;
  fill(row.firstChild,
    h('span', { class: 'row-main' },
      badge('priority', ticket.priority),
      h('span', { class: 'ticket-id' }, ticket.id),
      h('span', { class: 'subject' }, ticket.subject)),
    h('span', { class: 'row-meta' },
      h('span', { class: 'account' }, account ? `${account.name} · ${account.tier}` : ticket.customerId ?? 'No account'),
      badge('status', ticket.status),
      h('span', { class: 'assignee' }, assigneeLabel(ctx, ticket.assignee)),
      h('span', { class: 'age', title: formatEastern(ticket.createdAt) }, `opened ${formatRelative(ticket.createdAt, now)}`)),
    clock
      ? h('span', { class: `sla-chip tone-${clock.tone}` }, h('span', { class: 'sla-headline' }, clock.headline), h('span', { class: 'sla-detail' }, clock.detail))
      : h('span', { class: 'sla-chip tone-muted' }, h('span', { class: 'sla-headline' }, 'No SLA clock running')));
}

/**
 * The ids of a queue view, in the order the view shows them, for "next ticket" when the workspace was opened without
 * going through the queue (a link, a reload). Empty when the list cannot be had.
 */
export async function queueIds(ctx, queueId, filters = {}) {
  const ask = async (compatible) => {
    const { path, params } = requestFor(queueId, filters, ctx.me.email, { compatible });
    return (await ctx.api.get(path, { params })).data.items;
  };
  try {
    const items = await ask(false).catch((error) => (error.status === 400 ? ask(true) : Promise.reject(error)));
    const now = ctx.now();
    return sortFor(queueId, keepMatching(items, queueId, filters, ctx.me.email, { isBreached: (t) => isBreached(t, now) })).map((t) => t.id);
  } catch {
    return [];
  }
}

export function createQueueView(ctx) {
  const state = { queueId: 'triage', filters: {}, items: [], continuationToken: null, compatible: false, loading: null };
  let list;
  let count;

  function filtersFromRoute(params) {
    return Object.fromEntries(FILTER_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
  }

  function href() {
    return routeHref({ view: 'queue', arg: state.queueId, params: state.filters });
  }

  async function render(route) {
    state.queueId = queueById(route.arg) ? route.arg : 'triage';
    state.filters = filtersFromRoute(route.params);
    const queue = queueById(state.queueId);
    list = h('ul', { class: 'ticket-list', id: 'ticket-list', 'aria-labelledby': 'view-title' });
    count = h('span', { class: 'count', id: 'queue-count' });
    fill(byId('view'),
      h('div', { class: 'view-head' },
        h('h1', { id: 'view-title', tabIndex: -1 }, queue.title, ' ', count),
        h('p', { class: 'hint' }, queue.description)),
      filterBar(),
      state.filters.q ? h('p', { class: 'search-note' }, `Subject or id matching “${state.filters.q}”. `,
        h('a', { href: routeHref({ view: 'queue', arg: state.queueId, params: { ...state.filters, q: undefined } }) }, 'Clear search')) : null,
      list,
      h('p', { class: 'empty', id: 'queue-empty', hidden: true }, state.queueId === 'triage' ? 'Nothing to triage: every new ticket has an owner.' : 'No tickets here.'),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'load-more', hidden: true, onclick: loadMore }, 'Load more')));
    await load({ fresh: true });
    const back = ctx.lastTicketId && list.querySelector(`[data-ticket-id="${CSS.escape(ctx.lastTicketId)}"] a`);
    (back || byId('view-title')).focus();
  }

  function filterBar() {
    const offered = filtersFor(state.queueId);
    const f = state.filters;
    const controls = [];
    if (offered.includes('priority')) {
      controls.push(filterField('Priority', select('filter-priority', 'priority', [['', 'Any priority'], ...PRIORITIES.map((p) => [p, p])], f.priority)));
    }
    if (offered.includes('assignee') && state.queueId !== 'mine') {
      controls.push(filterField('Assignee', select('filter-assignee', 'assignee',
        [['', 'Anyone'], ['none', 'Unassigned'], ...assigneeChoices(ctx, f.assignee && f.assignee !== 'none' ? [f.assignee] : [])], f.assignee)));
    }
    if (offered.includes('customer')) {
      controls.push(filterField('Account', select('filter-customer', 'customer',
        [['', 'Any account'], ...[...ctx.customers.values()].map((c) => [c.id, `${c.name} (${c.tier})`])], f.customer)));
    }
    if (offered.includes('status')) {
      controls.push(filterField('Status', select('filter-status', 'status', STATUS_CHOICES.map((c) => [c.value, c.label]), f.status)));
    }
    const form = h('form', { class: 'filters', 'aria-label': 'Filters' }, controls);
    form.addEventListener('change', (event) => {
      const { name, value } = event.target;
      state.filters = { ...state.filters, [name]: value || undefined };
      history.replaceState(null, '', href());
      load({ fresh: true });
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    return form;
  }

  function filterField(label, control) {
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  }

  async function fetchPage(continuationToken) {
    const ask = (compatible) => {
      const { path, params } = requestFor(state.queueId, state.filters, ctx.me.email, { compatible });
      return ctx.api.get(path, { params: { ...params, continuationToken } });
    };
    try {
      return (await ask(state.compatible)).data;
    } catch (error) {
      // A server that does not know a newer filter yet refuses it (400 naming it): ask what it knows, filter here.
      if (error.status !== 400 || state.compatible) throw error;
      state.compatible = true;
      return (await ask(true)).data;
    }
  }

  function matching(items) {
    const now = ctx.now();
    return sortFor(state.queueId, keepMatching(items, state.queueId, state.filters, ctx.me.email, { isBreached: (t) => isBreached(t, now) }));
  }

  async function load({ fresh }) {
    const mine = {};
    state.loading = mine;
    try {
      const page = await fetchPage(undefined);
      if (state.loading !== mine) return;
      for (const t of page.items) if (t.assignee) ctx.knownAssignees?.add(t.assignee);
      const items = matching(page.items);
      const arrived = fresh ? [] : arrivals(state.items, items);
      state.items = items;
      state.continuationToken = page.continuationToken ?? null;
      reconcile(items, arrived);
      if (arrived.length) ctx.announce(`${arrived.length} new ticket${arrived.length > 1 ? 's' : ''} in ${queueById(state.queueId).title}`);
      ctx.clearAlert();
    } catch (error) {
      if (state.loading === mine) ctx.showAlert(`The list could not be refreshed: ${error.message}`);
    }
  }

  async function loadMore() {
    if (!state.continuationToken) return;
    const button = byId('load-more');
    button.disabled = true;
    try {
      const page = await fetchPage(state.continuationToken);
      const known = new Set(state.items.map((t) => t.id));
      state.items = [...state.items, ...matching(page.items).filter((t) => !known.has(t.id))];
      state.continuationToken = page.continuationToken ?? null;
      reconcile(state.items, []);
    } catch (error) {
      ctx.showAlert(error.message);
    } finally {
      button.disabled = false;
    }
  }

  /** Updates the list to `items` keeping existing rows (and so the focused one) and the scroll position. */
  function reconcile(items, arrived) {
    const focusedId = document.activeElement?.closest?.('#ticket-list li')?.dataset.ticketId ?? null;
    const anchor = anchorRow(focusedId);
    const anchorTop = anchor?.getBoundingClientRect().top;
    const rows = new Map([...list.children].map((row) => [row.dataset.ticketId, row]));
    const wanted = new Set(items.map((t) => t.id));
    let focusIndex = focusedId ? [...list.children].findIndex((row) => row.dataset.ticketId === focusedId) : -1;

    for (const [id, row] of rows) if (!wanted.has(id)) row.remove();
    let previous = null;
    for (const ticket of items) {
      let row = rows.get(ticket.id);
      if (row) updateRow(ctx, row, ticket);
      else {
        row = ticketRow(ctx, ticket, state.queueId);
        if (arrived.includes(ticket.id)) row.classList.add('arrived');
      }
      const expected = previous ? previous.nextSibling : list.firstChild;
      if (expected !== row) list.insertBefore(row, expected);
      previous = row;
    }

    // Keep the agent's place: the focused row (or the first row on screen) stays where it was on the screen.
    if (anchor?.isConnected && anchorTop !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - anchorTop);
    const focusedRow = focusedId && list.querySelector(`[data-ticket-id="${CSS.escape(focusedId)}"]`);
    if (focusedRow) {
      if (!focusedRow.contains(document.activeElement)) focusedRow.firstChild.focus({ preventScroll: true });
    } else if (focusIndex >= 0) {
      // The focused ticket left the view (someone triaged it): the row now in its place takes the focus.
      (list.children[Math.min(focusIndex, list.children.length - 1)]?.firstChild ?? byId('view-title')).focus({ preventScroll: true });
    }

    count.textContent = `${items.length}${state.continuationToken ? '+' : ''}`;
    count.setAttribute('aria-label', `${items.length} tickets`);
    byId('queue-empty').hidden = items.length > 0;
    byId('load-more').hidden = !state.continuationToken;
    ctx.queueContext = { queueId: state.queueId, filters: state.filters, ids: items.map((t) => t.id) };
  }

  function anchorRow(focusedId) {
    if (focusedId) return list.querySelector(`[data-ticket-id="${CSS.escape(focusedId)}"]`);
    return [...list.children].find((row) => row.getBoundingClientRect().bottom > 0) ?? null;
  }

  function move(step) {
    const links = [...list.querySelectorAll('.row-link')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement);
    const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.max(0, Math.min(links.length - 1, at + step));
    links[next].focus();
    links[next].scrollIntoView({ block: 'nearest' });
  }

  return {
    render,
    refresh: () => load({ fresh: false }),
    shortcuts: { next: () => move(1), previous: () => move(-1) },
  };
}

export { QUEUES };
