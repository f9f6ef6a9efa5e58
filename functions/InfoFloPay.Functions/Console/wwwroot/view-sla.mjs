// SLA at a glance, for managers: open tickets past their SLA warning and those that missed a target, counted per
// SLA tier, then listed. Both lists are the API's SLA index ranges (GET /api/tickets?sla=at-risk|breached).

import { h, byId, fill } from './dom.mjs';
import { requestFor, keepMatching } from './queues.mjs';
import { isBreached } from './sla.mjs';
import { routeHref } from './router.mjs';
import { ticketRow } from './view-queue.mjs';

export const TIERS = ['vip', 'reserve', 'essentials'];
const TIER_NAMES = { vip: 'VIP', reserve: 'Reserve', essentials: 'Essentials' };

/** Counts of `tickets` per tier: { vip: n, … } (unknown tiers are counted under their own name). */
export function countByTier(tickets) {
  const counts = Object.fromEntries(TIERS.map((tier) => [tier, 0]));
  for (const t of tickets) counts[t.sla?.tier ?? 'essentials'] = (counts[t.sla?.tier ?? 'essentials'] ?? 0) + 1;
  return counts;
}

export function createSlaView(ctx) {
  const state = { atRisk: [], breached: [] };

  async function fetchList(queueId) {
    const ask = async (compatible) => {
      const { path, params } = requestFor(queueId, {}, ctx.me.email, { compatible });
      return (await ctx.api.get(path, { params })).data.items;
    };
    let items;
    try {
      items = await ask(false);
    } catch (error) {
      if (error.status !== 400) throw error;
      items = await ask(true);
    }
    const now = ctx.now();
    return keepMatching(items, queueId, {}, ctx.me.email, { isBreached: (t) => isBreached(t, now) });
  }

  async function load() {
    const [atRisk, breached] = await Promise.all([fetchList('at-risk'), fetchList('breached')]);
    state.atRisk = atRisk;
    state.breached = breached;
  }

  function draw() {
    const risk = countByTier(state.atRisk);
    const late = countByTier(state.breached);
    const tiers = [...new Set([...TIERS, ...Object.keys(risk), ...Object.keys(late)])];
    fill(byId('sla-summary'),
      h('table', { class: 'glance' },
        h('caption', {}, 'Open tickets by SLA tier'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tier'), h('th', { scope: 'col' }, 'At risk'), h('th', { scope: 'col' }, 'Breached'))),
        h('tbody', {}, tiers.map((tier) => h('tr', { dataset: { tier } },
          h('th', { scope: 'row' }, TIER_NAMES[tier] ?? tier),
          h('td', { class: risk[tier] ? 'count warn' : 'count' }, String(risk[tier] ?? 0)),
          h('td', { class: late[tier] ? 'count bad' : 'count' }, String(late[tier] ?? 0)))))));
    drawList('sla-breached', state.breached, 'breached', 'No open ticket has missed a target.');
    drawList('sla-at-risk', state.atRisk, 'at-risk', 'No open ticket is past its SLA warning.');
  }

  function drawList(id, tickets, from, empty) {
    const holder = byId(id);
    if (tickets.length === 0) {
      fill(holder, h('p', { class: 'empty' }, empty));
      return;
    }
    fill(holder, TIERS.concat([...new Set(tickets.map((t) => t.sla?.tier))].filter((t) => t && !TIERS.includes(t)))
      .filter((tier) => tickets.some((t) => (t.sla?.tier ?? 'essentials') === tier))
      .map((tier) => [
        h('h3', {}, TIER_NAMES[tier] ?? tier),
        h('ul', { class: 'ticket-list', 'aria-label': `${TIER_NAMES[tier] ?? tier} tickets` },
          tickets.filter((t) => (t.sla?.tier ?? 'essentials') === tier).map((t) => ticketRow(ctx, t, from))),
      ]));
  }

  return {
    async render() {
      fill(byId('view'),
        h('div', { class: 'view-head' },
          h('h1', { id: 'view-title', tabIndex: -1 }, 'SLA at a glance'),
          h('p', { class: 'hint' }, 'Open tickets past their SLA warning or past a target, per tier. Times are Eastern; business-hours targets say so.')),
        h('div', { id: 'sla-summary' }),
        h('section', { 'aria-labelledby': 'sla-breached-title' },
          h('h2', { id: 'sla-breached-title' }, 'Breached ', h('a', { href: routeHref({ view: 'queue', arg: 'breached' }), class: 'small' }, 'open as a queue')),
          h('div', { id: 'sla-breached' })),
        h('section', { 'aria-labelledby': 'sla-at-risk-title' },
          h('h2', { id: 'sla-at-risk-title' }, 'At risk ', h('a', { href: routeHref({ view: 'queue', arg: 'at-risk' }), class: 'small' }, 'open as a queue')),
          h('div', { id: 'sla-at-risk' })));
      await load();
      draw();
      byId('view-title').focus();
    },
    async refresh() {
      await load();
      // Keep the manager's place: the ticket row that had the focus gets it back after the redraw.
      const row = document.activeElement?.closest?.('li[data-ticket-id]');
      const where = row ? [row.closest('section')?.getAttribute('aria-labelledby'), row.dataset.ticketId] : null;
      draw();
      if (where) {
        document.querySelector(`section[aria-labelledby="${where[0]}"] li[data-ticket-id="${CSS.escape(where[1])}"] a`)?.focus({ preventScroll: true });
      }
    },
  };
}
