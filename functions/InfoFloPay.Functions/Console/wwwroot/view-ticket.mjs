// The ticket workspace: everything an agent needs to work one ticket from the queue to resolved — the description and
// the whole timeline (internal entries look different), the requester and the account with its SLA tier, triage,
// replies and internal notes, status changes, reopen and page acknowledgement. Every change is sent with the ETag
// the agent's view was drawn from, so a change someone else made in between is reported, never overwritten.

import { h, byId, fill, field, select, formMessage, badge } from './dom.mjs';
import { showFormErrors, clearFormErrors, setFormMessage } from './forms.mjs';
import { slaClocks } from './sla.mjs';
import { clockChips, slaFacts, timelineEntries, pagingPanel, peopleFacts } from './ticket-panels.mjs';
import { PRIORITIES, queueById } from './queues.mjs';
import { routeHref, ticketHref } from './router.mjs';
import { segment } from './api.mjs';
import { attachmentPanel } from './attachments.mjs';
import { statusChoices, statusHint, triageDefaults, routingReason, neighbour, COMPOSER_MODES } from './workspace.mjs';
import { assigneeChoices, assigneeLabel, queueIds } from './view-queue.mjs';

const DRAFT_KEY = (id) => `infoflopay.console.draft.${id}`;

export function createTicketView(ctx) {
  const state = { id: null, from: null, ticket: null, etag: null, events: [], account: null, attachments: [] };
  const path = () => `/tickets/${segment(state.id)}`;

  async function render(route) {
    state.id = (route.arg ?? '').toUpperCase();
    state.from = queueById(route.params.from) ? route.params.from : null;
    ctx.lastTicketId = state.id;
    try {
      await loadAll();
    } catch (error) {
      if (error.isNotFound) return renderNotFound();
      throw error;
    }
    skeleton();
    draw({ forms: true });
    byId('view-title').focus();
    if (state.from && ctx.queueContext?.queueId !== state.from) {
      // Opened from a link or a reload: learn the queue's order so next / previous work here too.
      const ids = await queueIds(ctx, state.from);
      if (ids.length && byId('ws-neighbours')) {
        ctx.queueContext = { queueId: state.from, filters: {}, ids };
        drawNeighbours();
      }
    }
  }

  async function loadAll() {
    const [ticket] = await Promise.all([ctx.api.get(path()), loadFilesAndEvents()]);
    state.ticket = ticket.data;
    state.etag = ticket.etag;
    state.account = await accountOf(state.ticket.customerId);
  }

  async function accountOf(customerId) {
    if (!customerId) return null;
    if (ctx.customers.has(customerId)) return ctx.customers.get(customerId);
    try {
      const { data } = await ctx.api.get(`/customers/${segment(customerId)}`);
      ctx.customers.set(customerId, data);
      return data;
    } catch {
      return null;
    }
  }

  function renderNotFound() {
    fill(byId('view'), h('section', { class: 'card' },
      h('h1', { id: 'view-title', tabIndex: -1 }, `No ticket ${state.id}`),
      h('p', {}, 'There is no ticket with that id on this desk. Check the id, or search by subject.'),
      h('p', {}, h('a', { href: routeHref({ view: 'queue', arg: state.from ?? 'triage' }) }, `Back to ${queueById(state.from ?? 'triage').title}`))));
    byId('view-title').focus();
  }

  // ---- Layout (built once per ticket) ------------------------------------------------------------------------

  function skeleton() {
    const queue = queueById(state.from ?? ctx.queueContext?.queueId ?? 'triage');
    fill(byId('view'), h('article', { class: 'workspace', 'aria-labelledby': 'view-title' },
      h('div', { class: 'ws-head' },
        h('nav', { class: 'crumbs', 'aria-label': 'Ticket navigation' },
          h('a', { href: routeHref({ view: 'queue', arg: queue.id, params: ctx.queueContext?.queueId === queue.id ? ctx.queueContext.filters : {} }), id: 'ws-back' }, `← ${queue.title}`),
          h('span', { id: 'ws-neighbours', class: 'neighbours' })),
        h('h1', { id: 'view-title', tabIndex: -1 }),
        h('div', { id: 'ws-badges', class: 'badges' }),
        h('ul', { id: 'ws-clocks', class: 'clocks', 'aria-label': 'SLA' })),
      h('div', { id: 'ws-banner', class: 'banner', role: 'alert', hidden: true }),
      h('div', { id: 'ws-paging' }),
      h('div', { class: 'ws-grid' },
        h('section', { class: 'ws-main' },
          h('h2', { id: 'description-title' }, 'Description'),
          h('div', { id: 'ws-description', class: 'description' }),
          h('h2', { id: 'timeline-title' }, 'Timeline'),
          h('ol', { id: 'ws-timeline', class: 'timeline', 'aria-labelledby': 'timeline-title' }),
          composer()),
        h('aside', { class: 'ws-side', 'aria-label': 'Ticket actions and details' },
          // No accessible name on these two panels: "Priority", "Assignee" and "Status" name the controls alone.
          h('section', { class: 'panel' }, h('h2', { id: 'triage-title' }, 'Triage'), h('div', { id: 'ws-triage' })),
          h('section', { class: 'panel' }, h('h2', { id: 'status-title' }, 'Status'), h('div', { id: 'ws-status' })),
          h('section', { class: 'panel', 'aria-labelledby': 'attachments-title' }, h('h2', { id: 'attachments-title' }, 'Attachments'), h('div', { id: 'ws-attachments' })),
          h('section', { class: 'panel', 'aria-labelledby': 'people-title' }, h('h2', { id: 'people-title' }, 'Requester and account'), h('dl', { id: 'ws-people', class: 'facts' })),
          h('section', { class: 'panel', 'aria-labelledby': 'sla-title' }, h('h2', { id: 'sla-title' }, 'Service level'), h('div', { id: 'ws-sla' }))))));
  }

  /** Draws the ticket; the triage and status forms only when asked and the agent is not in the middle of them. */
  function draw({ forms }) {
    const t = state.ticket;
    const now = ctx.now();
    document.title = `${t.id} ${t.subject} · InfoFlo Pay Console`;
    fill(byId('view-title'), h('span', { class: 'ticket-id' }, t.id), ' ', t.subject);
    fill(byId('ws-badges'),
      badge('priority', t.priority, `${t.priority} priority`),
      badge('status', t.status),
      h('span', { class: 'badge plain' }, `via ${t.channel}`),
      t.category ? h('span', { class: 'badge plain' }, t.category) : null,
      h('span', { class: 'badge plain' }, t.assignee ? `owner ${assigneeLabel(ctx, t.assignee)}` : 'no owner yet'));
    drawClocks(now);
    drawNeighbours();
    byId('ws-description').textContent = t.description || '(no description)';
    drawTimeline();
    drawPaging();
    drawPeople();
    drawAttachments(forms);
    drawComposerState();
    for (const [slot, build] of [['ws-triage', triageForm], ['ws-status', statusForm]]) {
      const holder = byId(slot);
      const form = holder.querySelector('form');
      const busy = form && (form.dataset.dirty === 'true' || form.contains(document.activeElement));
      if (forms || !form) {
        if (!busy || forms === 'force') fill(holder, build());
      }
    }
  }

  function drawClocks(now) {
    fill(byId('ws-clocks'), clockChips(slaClocks(state.ticket, now)));
    fill(byId('ws-sla'), slaFacts(state.ticket));
  }

  function drawNeighbours() {
    const ids = ctx.queueContext?.ids ?? [];
    const previous = neighbour(ids, state.id, -1);
    const next = neighbour(ids, state.id, 1);
    const from = state.from ?? ctx.queueContext?.queueId;
    fill(byId('ws-neighbours'),
      previous ? h('a', { href: ticketHref(previous, from), id: 'ws-previous' }, '← Previous', h('kbd', {}, 'k')) : null,
      next ? h('a', { href: ticketHref(next, from), id: 'ws-next' }, 'Next ticket →', h('kbd', {}, 'j')) : null);
  }

  function drawTimeline() {
    fill(byId('ws-timeline'), timelineEntries(state.events, ctx.now()));
  }

  function drawPaging() {
    fill(byId('ws-paging'), pagingPanel(state.ticket.paging, ctx.now(), acknowledge));
  }

  /** The files and the upload form; a refresh leaves the form alone while the agent is choosing a file. */
  function drawAttachments(force) {
    const holder = byId('ws-attachments');
    const form = byId('attach-form');
    if (!force && form && (form.contains(document.activeElement) || byId('attach-file')?.files.length)) return;
    fill(holder, attachmentPanel({
      api: ctx.api,
      root: ctx.apiRoot ?? '',
      path: path(),
      items: state.attachments,
      closed: state.ticket.status === 'closed',
      now: ctx.now(),
      onAdded: async (message) => {
        await loadFilesAndEvents();
        drawTimeline();
        drawAttachments(true);
        setFormMessage(byId('attach-form'), message, 'ok');
        ctx.announce(message);
        byId('attach-file')?.focus();
      },
    }));
  }

  function drawPeople() {
    fill(byId('ws-people'), peopleFacts(state.ticket, state.account, ctx.now()));
  }

  // ---- Triage ------------------------------------------------------------------------------------------------

  function triageForm() {
    const t = state.ticket;
    const defaults = triageDefaults(t);
    const choices = assigneeChoices(ctx, [t.assignee, t.suggestedAssignee]);
    const reason = routingReason(state.events);
    const hint = defaults.suggested
      ? (reason ? `Routing: ${reason}` : `Suggested by routing: ${assigneeLabel(ctx, t.suggestedAssignee)}.`)
      : t.assignee ? null : 'Nobody owns this ticket yet.';
    const priority = select('triage-priority', 'priority', PRIORITIES.map((p) => [p, p[0].toUpperCase() + p.slice(1)]), defaults.priority);
    const assignee = select('triage-assignee', 'assignee', [['', 'Unassigned'], ...choices.map(([email, label]) => [email, email === t.suggestedAssignee && !t.assignee ? `${label} — suggested` : label])], defaults.assignee);
    const form = h('form', { id: 'triage-form', novalidate: true },
      field('Priority', priority, { hint: t.priority === 'urgent' ? null : 'Urgent pages the Operations Manager and alerts the whole team.' }),
      field('Assignee', assignee, { hint }),
      formMessage(),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', id: 'triage-submit' }, t.status === 'new' ? 'Triage' : 'Save'),
        assignee.value === ctx.me.email ? null : h('button', {
          type: 'button', class: 'secondary', onclick: () => { assignee.value = ctx.me.email; form.dataset.dirty = 'true'; form.requestSubmit(); },
        }, 'Take it')));
    track(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(form, () => ctx.api.post(`${path()}/triage`, { priority: priority.value, assignee: assignee.value || null }, { etag: state.etag }),
        () => (assignee.value ? `Triaged: ${priority.value} priority, owner ${assigneeLabel(ctx, assignee.value)}.` : `Triaged: ${priority.value} priority, unassigned.`));
    });
    return form;
  }

  // ---- Status ------------------------------------------------------------------------------------------------

  function statusForm() {
    const t = state.ticket;
    const choices = statusChoices(t.status);
    if (choices.length === 0) {
      return h('form', { id: 'status-form' },
        field('Status', select('status-status', 'status', [[t.status, t.status]], t.status)),
        h('p', { class: 'hint' }, 'A closed ticket stays closed; the customer can open a new one.'));
    }
    const status = select('status-status', 'status', [['', `${t.status[0].toUpperCase()}${t.status.slice(1)} (now) — choose…`], ...choices], '');
    const note = h('textarea', { id: 'status-note', name: 'note', rows: 2 });
    const standing = { pending: 'The SLA clock is paused while the ticket is pending.', resolved: 'Reopening starts a new resolution clock.' }[t.status]
      ?? 'Pending pauses the SLA clock.';
    const hint = h('p', { class: 'hint status-hint', id: 'status-effect', 'aria-live': 'polite' }, standing);
    const form = h('form', { id: 'status-form', novalidate: true },
      field('Status', status),
      hint,
      field('Note (optional)', note),
      formMessage(),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', id: 'status-submit' }, 'Change status'),
        t.status === 'resolved' ? h('button', { type: 'button', class: 'secondary', id: 'ws-reopen', onclick: () => { status.value = 'open'; form.requestSubmit(); } }, 'Reopen') : null));
    status.addEventListener('change', () => { hint.textContent = statusHint(t.status, status.value) || standing; });
    track(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!status.value) {
        showFormErrors(form, { errors: { status: ['Choose the status to move the ticket to.'] } });
        return;
      }
      const to = status.value;
      send(form, () => ctx.api.post(`${path()}/status`, { status: to, note: note.value.trim() || undefined }, { etag: state.etag }),
        () => (to === 'pending' ? 'Pending: the SLA clock is paused.' : `Status is now ${to}.`));
    });
    return form;
  }

  // ---- Replies -----------------------------------------------------------------------------------------------

  function composer() {
    const radio = (mode, label) => h('label', { class: `mode-option mode-${mode}`, for: `reply-mode-${mode}` },
      h('input', { type: 'radio', id: `reply-mode-${mode}`, name: 'mode', value: mode, checked: mode === 'public' }), label);
    const body = h('textarea', { id: 'reply-body', name: 'body', rows: 6 });
    body.value = sessionStorage.getItem(DRAFT_KEY(state.id)) ?? '';
    body.addEventListener('input', () => sessionStorage.setItem(DRAFT_KEY(state.id), body.value));
    const form = h('form', { id: 'reply-form', class: 'composer mode-public', novalidate: true, 'aria-labelledby': 'composer-title' },
      h('h2', { id: 'composer-title' }, 'Respond'),
      h('fieldset', { class: 'modes' }, h('legend', {}, 'Send as'), radio('public', 'Public reply'), radio('internal', 'Internal note')),
      h('p', { class: 'mode-hint', id: 'reply-mode-hint' }),
      field('Reply', body),
      formMessage(),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'reply-submit' }), h('span', { class: 'hint' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' sends')));
    form.addEventListener('change', (event) => { if (event.target.name === 'mode') drawComposerState(); });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitReply(form, body);
    });
    return form;
  }

  function composerMode() {
    return byId('reply-mode-internal')?.checked ? 'internal' : 'public';
  }

  function drawComposerState() {
    const form = byId('reply-form');
    if (!form) return;
    const mode = composerMode();
    form.className = `composer mode-${mode}`;
    byId('reply-mode-hint').textContent = COMPOSER_MODES[mode].hint;
    byId('reply-submit').textContent = COMPOSER_MODES[mode].button;
    const closed = state.ticket.status === 'closed';
    form.hidden = closed;
  }

  async function submitReply(form, body) {
    clearFormErrors(form);
    if (!body.value.trim()) {
      showFormErrors(form, { errors: { body: ['Write something first.'] } });
      return;
    }
    const mode = composerMode();
    const button = byId('reply-submit');
    button.disabled = true;
    try {
      const { data, etag } = await ctx.api.post(`${path()}/replies`, { body: body.value, internal: mode === 'internal' });
      body.value = '';
      sessionStorage.removeItem(DRAFT_KEY(state.id));
      await applyChange(data, etag);
      setFormMessage(form, COMPOSER_MODES[mode].sent, 'ok');
      ctx.announce(COMPOSER_MODES[mode].sent);
      body.focus();
    } catch (error) {
      showFormErrors(form, error);
    } finally {
      button.disabled = false;
    }
  }

  async function acknowledge() {
    const button = byId('ws-acknowledge');
    button.disabled = true;
    try {
      const { data, etag } = await ctx.api.post(`${path()}/acknowledge`, {});
      await applyChange(data, etag);
      ctx.announce('Page acknowledged: the escalation stops.');
    } catch (error) {
      button.disabled = false;
      ctx.showAlert(error.message);
    }
  }

  // ---- Sending changes and conflicts -------------------------------------------------------------------------

  function track(form) {
    form.addEventListener('input', () => { form.dataset.dirty = 'true'; });
    form.addEventListener('change', () => { form.dataset.dirty = 'true'; });
  }

  async function send(form, request, success) {
    clearFormErrors(form);
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const { data, etag } = await request();
      form.dataset.dirty = '';
      await applyChange(data, etag, { forms: 'force' });
      const message = success();
      const again = byId(form.id);
      if (again) setFormMessage(again, message, 'ok');
      ctx.announce(message);
      again?.querySelector('button[type="submit"]')?.focus();
    } catch (error) {
      buttons.forEach((b) => { b.disabled = false; });
      if (error.isConflict) showConflict();
      else showFormErrors(form, error);
    }
  }

  /** After a change of ours: the ticket the API answered with, its ETag, and the timeline again. */
  async function applyChange(ticket, etag, { forms = 'force' } = {}) {
    state.ticket = ticket;
    state.etag = etag ?? state.etag;
    try {
      state.events = (await ctx.api.get(`${path()}/events`)).data.items;
    } catch {
      // The timeline catches up at the next refresh.
    }
    hideBanner();
    draw({ forms });
  }

  /** The change could not be made (or would not be, polling saw): say so, keep every draft, offer a reload. */
  function showConflict({ focus = true } = {}) {
    const banner = byId('ws-banner');
    fill(banner,
      h('p', {}, h('strong', {}, 'Someone changed this ticket — reload'), ' to see what changed before you try again. Your reply draft is kept.'),
      h('button', { type: 'button', id: 'ws-reload', onclick: reload }, 'Reload'));
    banner.hidden = false;
    if (focus) byId('ws-reload').focus();
  }

  function hideBanner() {
    const banner = byId('ws-banner');
    if (banner) {
      banner.hidden = true;
      banner.replaceChildren();
    }
  }

  async function reload() {
    try {
      await loadAll();
      for (const form of document.querySelectorAll('#ws-triage form, #ws-status form')) form.dataset.dirty = '';
      hideBanner();
      draw({ forms: 'force' });
      ctx.announce(`${state.id} reloaded.`);
      byId('view-title').focus();
    } catch (error) {
      ctx.showAlert(error.message);
    }
  }

  /** Polling: a changed ticket is redrawn, except forms the agent is working in, whose change would now conflict. */
  async function refresh() {
    if (!state.ticket) return;
    const { data, etag } = await ctx.api.get(path());
    if (etag && etag === state.etag) {
      drawClocks(ctx.now());
      await refreshAttachments();
      return;
    }
    const busy = [...document.querySelectorAll('#ws-triage form, #ws-status form')]
      .some((form) => form.dataset.dirty === 'true' || form.contains(document.activeElement));
    await loadFilesAndEvents();
    state.ticket = data;
    if (busy) {
      draw({ forms: false });
      showConflict({ focus: false });
      return;
    }
    state.etag = etag;
    draw({ forms: true });
    ctx.announce(`${state.id} was updated.`);
  }

  async function loadFilesAndEvents() {
    const [attachments, events] = await Promise.all([ctx.api.get(`${path()}/attachments`), ctx.api.get(`${path()}/events`)]);
    state.attachments = attachments.data.items;
    state.events = events.data.items;
  }

  /** An upload writes its own rows beside the ticket's (the ticket's ETag stays), so the files are polled on their own. */
  async function refreshAttachments() {
    const items = (await ctx.api.get(`${path()}/attachments`)).data.items;
    const ids = (list) => list.map((a) => a.id).join(' ');
    if (ids(items) === ids(state.attachments)) return;
    state.attachments = items;
    state.events = (await ctx.api.get(`${path()}/events`)).data.items;
    drawTimeline();
    drawAttachments(false);
    ctx.announce(`A file was attached to ${state.id}.`);
  }

  // ---- Shortcuts ---------------------------------------------------------------------------------------------

  function go(step) {
    const target = neighbour(ctx.queueContext?.ids ?? [], state.id, step);
    if (!target) {
      ctx.announce(step > 0 ? 'This is the last ticket in the queue.' : 'This is the first ticket in the queue.');
      return;
    }
    ctx.navigate(ticketHref(target, state.from ?? ctx.queueContext?.queueId));
  }

  function focusComposer(mode) {
    const radio = byId(`reply-mode-${mode}`);
    if (!radio || byId('reply-form').hidden) return false;
    radio.checked = true;
    drawComposerState();
    const body = byId('reply-body');
    body.focus();
    body.scrollIntoView({ block: 'center' });
    return true;
  }

  return {
    render,
    refresh,
    shortcuts: {
      next: () => go(1),
      previous: () => go(-1),
      reply: () => focusComposer('public'),
      internal: () => focusComposer('internal'),
      send: (event) => {
        if (event.target?.id !== 'reply-body') return false;
        byId('reply-form').requestSubmit();
        return true;
      },
      leave: (event) => {
        if (event.target?.id !== 'reply-body') return false;
        event.target.blur();
        byId('composer-title').setAttribute('tabindex', '-1');
        byId('composer-title').focus();
        return true;
      },
      up: () => { byId('ws-back').click(); },
    },
  };
}
