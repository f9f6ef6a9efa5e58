// Monitoring for managers: every target with its state, the incidents open now (each an urgent ticket), and the
// maintenance windows during which failures page nobody. Managers add and remove windows here, and replace a
// heartbeat target's URL (a leaked one) without losing its history; times are typed and shown in Eastern time.

import { h, byId, fill, field, formMessage, badge } from './dom.mjs';
import { showFormErrors, clearFormErrors } from './forms.mjs';
import { formatEastern, easternWallTimeToUtc } from './eastern.mjs';
import { ticketHref } from './router.mjs';
import { segment } from './api.mjs';

/** A target's state from the list (monitoring v2 carries it) or its own GET (v1). */
export function targetState(item, detail) {
  return {
    name: item.name,
    kind: item.kind,
    url: item.url ?? '',
    status: item.status ?? detail?.status ?? 'unknown',
    lastCheckedAt: item.lastCheckedAt ?? detail?.lastCheckedAt ?? null,
    failures: item.consecutiveFailures ?? detail?.consecutiveFailures ?? 0,
    openIncident: item.openIncident ?? detail?.openIncident ?? null,
    outageStartedAt: item.outageStartedAt ?? detail?.outageStartedAt ?? null,
    customerId: item.customerId ?? null,
    public: item.public ?? null,
    intervalSeconds: item.intervalSeconds ?? null,
    failureThreshold: item.failureThreshold ?? null,
    graceSeconds: item.graceSeconds ?? null,
  };
}

/** What a target watches and how often, for the line under its name: a heartbeat has no URL, it waits for beats. */
export function describeTarget(t) {
  const every = t.intervalSeconds ? ` every ${t.intervalSeconds} s` : '';
  const n = t.failureThreshold;
  if (t.kind === 'heartbeat') {
    const grace = t.graceSeconds ? ` (+${t.graceSeconds} s grace)` : '';
    const opens = n ? ` · ${n === 1 ? 'a missed beat opens' : `${n} missed beats open`} an incident` : '';
    return `heartbeat: expects a beat${every}${grace}${opens}`;
  }
  const opens = n ? ` · ${n === 1 ? 'a failed check opens' : `${n} failed checks in a row open`} an incident` : '';
  return `${t.kind} ${t.url}${every ? ` ·${every}` : ''}${opens}`;
}

export function createMonitoringView(ctx) {
  const state = { targets: [], windows: null };
  const manager = ctx.me.role === 'manager';

  async function load() {
    const { data } = await ctx.api.get('/monitoring/targets');
    const items = data.items ?? [];
    const details = await Promise.all(items.map((item) => (item.status
      ? null
      : ctx.api.get(`/monitoring/targets/${segment(item.name)}`).then((r) => r.data).catch(() => null))));
    state.targets = items.map((item, i) => targetState(item, details[i]));
    try {
      state.windows = (await ctx.api.get('/monitoring/maintenance')).data.items ?? [];
    } catch (error) {
      if (!error.isNotFound) throw error;
      state.windows = null; // This desk has no maintenance windows (yet).
    }
  }

  function draw() {
    const now = ctx.now();
    const incidents = state.targets.filter((t) => t.openIncident);
    fill(byId('mon-incidents'), incidents.length === 0
      ? h('p', { class: 'empty' }, 'No open incidents.')
      : h('ul', { class: 'plain-list' }, incidents.map((t) => h('li', { class: 'incident' },
        h('a', { href: ticketHref(t.openIncident) }, `${t.openIncident}: ${t.name} is down`),
        t.outageStartedAt ? ` since ${formatEastern(t.outageStartedAt, { now, short: true })}` : ''))));

    fill(byId('mon-targets'), state.targets.length === 0
      ? h('p', { class: 'empty' }, 'No monitoring targets yet. Managers add them with PUT /api/monitoring/targets/{name}.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'Monitoring targets'),
        h('thead', {}, h('tr', {}, ['Target', 'State', 'Checks', 'Last check', 'Incident', ...(manager ? ['Actions'] : [])].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, state.targets.map((t) => h('tr', { dataset: { target: t.name } },
          h('th', { scope: 'row' }, h('span', { class: 'target-name' }, t.name), h('span', { class: 'target-url' }, describeTarget(t))),
          h('td', {}, badge('target', t.status)),
          h('td', {}, t.failures ? `${t.failures} failing in a row` : 'passing'),
          h('td', {}, t.lastCheckedAt ? formatEastern(t.lastCheckedAt, { now, short: true }) : 'not yet'),
          h('td', {}, t.openIncident ? h('a', { href: ticketHref(t.openIncident) }, t.openIncident) : '—'),
          manager ? h('td', {}, t.kind === 'heartbeat'
            ? h('button', { type: 'button', class: 'link', onclick: () => rotate(t.name), 'aria-label': `New URL for ${t.name}` }, 'New URL')
            : '—') : null))))));
  }

  // The new URL is shown once, outside the table the poller redraws, until the manager leaves the view.
  async function rotate(name) {
    if (!window.confirm(`Replace the heartbeat URL of ${name}? The old URL stops working at once; the job must use the new one before its next beat is due.`)) {
      return;
    }
    try {
      const { data } = await ctx.api.post(`/monitoring/targets/${segment(name)}/heartbeat-url`, {});
      const url = h('input', { id: 'mon-rotated-url', type: 'text', readOnly: true, value: data.heartbeatUrl });
      fill(byId('mon-rotated'), h('div', { class: 'card', role: 'status' },
        h('p', {}, `${name} has a new heartbeat URL. Copy it into the job now: it is not shown again, and the old URL no longer works.`),
        field(`New heartbeat URL of ${name}`, url, { wide: true })));
      url.focus();
      url.select();
    } catch (error) {
      ctx.showAlert(error.message);
    }
  }

  function drawWindows(now = ctx.now()) {
    const holder = byId('mon-windows');
    if (state.windows === null) {
      fill(holder, h('p', { class: 'empty' }, 'Maintenance windows are not available on this desk yet.'));
      return;
    }
    fill(holder,
      state.windows.length === 0 ? h('p', { class: 'empty' }, 'No maintenance windows.') : h('ul', { class: 'plain-list windows' }, state.windows.map((w) => h('li', { dataset: { window: w.id } },
        h('strong', {}, w.id), ': ',
        (w.targets ?? []).includes('*') ? 'every target' : (w.targets ?? []).join(', '),
        w.cron ? ` · recurring ${w.cron} (${w.timeZone ?? 'UTC'}) for ${w.durationMinutes} min` : '',
        w.startsAt ? ` · ${w.cron ? (w.active ? 'now ' : 'next ') : ''}${formatEastern(w.startsAt, { now })} to ${formatEastern(w.endsAt, { now })}` : '',
        w.active ? ' · in progress' : '',
        w.reason ? ` · ${w.reason}` : '',
        manager ? [' ', h('button', { type: 'button', class: 'link danger', onclick: () => removeWindow(w.id), 'aria-label': `Delete maintenance window ${w.id}` }, 'Delete')] : null))),
      manager ? windowForm() : h('p', { class: 'hint' }, 'Managers add and remove maintenance windows.'));
  }

  function windowForm() {
    const id = h('input', { id: 'mw-id', name: 'id', type: 'text', autocomplete: 'off', required: true });
    const targets = h('input', { id: 'mw-targets', name: 'targets', type: 'text', autocomplete: 'off', value: '*' });
    const startsAt = h('input', { id: 'mw-starts', name: 'startsAt', type: 'datetime-local' });
    const endsAt = h('input', { id: 'mw-ends', name: 'endsAt', type: 'datetime-local' });
    const reason = h('input', { id: 'mw-reason', name: 'reason', type: 'text', autocomplete: 'off' });
    const form = h('form', { id: 'maintenance-form', class: 'card form-grid', novalidate: true, 'aria-labelledby': 'mw-title' },
      h('h3', { id: 'mw-title' }, 'Add a maintenance window'),
      field('Window id', id, { hint: 'Letters, digits and dashes, e.g. db-upgrade-nov.' }),
      field('Targets', targets, { hint: 'Target names separated by commas, or * for every target.' }),
      field('Starts (Eastern)', startsAt),
      field('Ends (Eastern)', endsAt),
      field('Reason', reason, { wide: true }),
      formMessage(),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add window')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      if (!id.value.trim()) {
        showFormErrors(form, { errors: { id: ['Give the window an id.'] } });
        return;
      }
      const body = {
        targets: targets.value.split(',').map((t) => t.trim()).filter(Boolean),
        startsAt: easternWallTimeToUtc(startsAt.value),
        endsAt: easternWallTimeToUtc(endsAt.value),
        reason: reason.value.trim(),
      };
      try {
        await ctx.api.put(`/monitoring/maintenance/${segment(id.value.trim())}`, body);
        await load();
        draw();
        drawWindows();
        ctx.announce(`Maintenance window ${id.value.trim()} added.`);
        byId('mon-windows-title').focus();
      } catch (error) {
        showFormErrors(form, error);
      }
    });
    return form;
  }

  async function removeWindow(id) {
    try {
      await ctx.api.delete(`/monitoring/maintenance/${segment(id)}`);
      await load();
      draw();
      drawWindows();
      ctx.announce(`Maintenance window ${id} deleted.`);
      byId('mon-windows-title').focus();
    } catch (error) {
      ctx.showAlert(error.message);
    }
  }

  return {
    async render() {
      fill(byId('view'),
        h('div', { class: 'view-head' },
          h('h1', { id: 'view-title', tabIndex: -1 }, 'Monitoring'),
          h('p', { class: 'hint' }, 'Health probes of InfoFlo Pay\'s services. An outage opens one urgent incident ticket.')),
        h('section', { 'aria-labelledby': 'mon-incidents-title' }, h('h2', { id: 'mon-incidents-title' }, 'Open incidents'), h('div', { id: 'mon-incidents' })),
        h('section', { 'aria-labelledby': 'mon-targets-title' }, h('h2', { id: 'mon-targets-title' }, 'Targets'), h('div', { id: 'mon-targets' }), h('div', { id: 'mon-rotated' })),
        h('section', { 'aria-labelledby': 'mon-windows-title' }, h('h2', { id: 'mon-windows-title', tabIndex: -1 }, 'Maintenance windows'), h('div', { id: 'mon-windows' })));
      await load();
      draw();
      drawWindows();
      byId('view-title').focus();
    },
    async refresh() {
      // Targets and incidents only: the windows section holds the form a manager may be typing in.
      await load();
      draw();
    },
  };
}
