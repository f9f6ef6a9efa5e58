// The staff console: signs the agent in, draws the navigation, routes the URL hash to a view, refreshes the view
// every few seconds and dispatches keyboard shortcuts to it. Views live in view-*.mjs; each is an object with
// render(route), and optionally refresh() for polling and handlers for the shortcuts it supports.

import { createApi } from './api.mjs';
import { discoverIdentity, LOCAL_USERS, principalHeaderFor, isStaff, PRINCIPAL_HEADER } from './identity.mjs';
import { parseRoute, routeHref } from './router.mjs';
import { QUEUES, ticketIdIn } from './queues.mjs';
import { installShortcuts, SHORTCUTS } from './shortcuts.mjs';
import { createPoller } from './poller.mjs';
import { h, byId, fill, field } from './dom.mjs';
import { createQueueView } from './view-queue.mjs';
import { createTicketView } from './view-ticket.mjs';
import { createSlaView } from './view-sla.mjs';
import { createMonitoringView } from './view-monitoring.mjs';
import { createCustomersView } from './view-customers.mjs';
import { createArticlesView } from './view-articles.mjs';

const POLL_MS = 15000;
const LOCAL_USER_KEY = 'infoflopay.console.localUser';

// The page lives at <prefix>/console/; the API is <prefix>/…, whatever the host's route prefix is.
const apiRoot = location.pathname.replace(/\/console(\/.*)?$/, '');

const identity = { mode: 'platform', me: null, user: null };

const ctx = {
  api: createApi({
    root: apiRoot,
    headers: () => (identity.mode === 'local' && identity.user ? { [PRINCIPAL_HEADER]: principalHeaderFor(identity.user) } : {}),
    onUnauthorized: () => { if (identity.mode === 'platform' && identity.me) location.reload(); },
  }),
  apiRoot,
  me: null,
  customers: new Map(),
  agents: null,
  knownAssignees: new Set(),
  queueContext: null,
  lastTicketId: null,
  now: () => Date.now(),
  navigate: (href) => { location.hash = href; },
  announce,
  showAlert,
  clearAlert: () => showAlert(''),
  loadCustomers,
  customerName: (id) => (id ? ctx.customers.get(id)?.name ?? id : 'No account'),
};

let current = null;

function announce(message) {
  // The same message twice in a row must still be heard: alternate a trailing no-break space so the text changes.
  const announcer = byId('announcer');
  announcer.textContent = announcer.textContent === message ? `${message}\u00a0` : message;
}

function showAlert(message, kind = 'error') {
  const alert = byId('alert');
  alert.textContent = message ?? '';
  alert.dataset.kind = kind;
  alert.hidden = !message;
}

async function fetchJson(url, headers) {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' });
    const data = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
    return { status: response.status, data };
  } catch {
    return { status: 0, data: null };
  }
}

// ---- Sign-in -------------------------------------------------------------------------------------------------

function renderAccount() {
  const account = byId('account');
  account.replaceChildren();
  byId('local-banner').hidden = identity.mode !== 'local';
  const me = identity.me;
  if (!me) return;
  if (identity.mode === 'local') account.append(h('span', { class: 'badge-local' }, 'Local sign-in'));
  account.append(
    h('span', { class: 'who', title: me.email }, me.name || me.email),
    h('span', { class: 'role' }, { agent: 'Agent', manager: 'Manager', customer: 'Customer' }[me.role] ?? me.role));
  if (identity.mode === 'platform') {
    account.append(h('a', { href: `/.auth/logout?post_logout_redirect_uri=${encodeURIComponent(location.pathname)}` }, 'Sign out'));
  } else {
    account.append(h('button', {
      type: 'button', class: 'link', onclick: () => {
        sessionStorage.removeItem(LOCAL_USER_KEY);
        location.hash = '';
        location.reload();
      },
    }, 'Sign out'));
  }
}

function renderSignIn() {
  const view = byId('view');
  if (identity.mode === 'local') {
    const picker = h('select', { id: 'local-user', name: 'user' }, LOCAL_USERS.map((u) => h('option', { value: u.email }, u.label)));
    const form = h('form', { class: 'card signin' },
      h('h1', {}, 'Sign in'),
      h('p', {}, 'Local sign-in: choose one of the support team from the local settings.'),
      field('Staff member', picker),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in locally')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(LOCAL_USER_KEY, picker.value);
      location.reload();
    });
    fill(view, form);
    picker.focus();
    return;
  }
  const back = encodeURIComponent(location.pathname + location.hash);
  fill(view, h('section', { class: 'card signin' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'The console is the support team\'s workspace. Sign in with your InfoFlo Pay work account.'),
    h('p', {}, h('a', { class: 'button', href: `/.auth/login/aad?post_login_redirect_uri=${back}` }, 'Sign in'))));
}

function renderNotStaff() {
  fill(byId('view'), h('section', { class: 'card signin' },
    h('h1', {}, 'This workspace is for the support team'),
    h('p', {}, `You are signed in as ${identity.me.email}, which has no support role. Customers follow their tickets in the portal.`),
    h('p', {}, h('a', { class: 'button', href: `${apiRoot}/portal/` }, 'Go to the customer portal'))));
}

// ---- Navigation and routing ----------------------------------------------------------------------------------

function renderNav() {
  fill(byId('nav-queue-list'), QUEUES.map((queue) =>
    h('li', {}, h('a', { href: routeHref({ view: 'queue', arg: queue.id }), dataset: { nav: `queue-${queue.id}` } }, queue.title))));
  byId('nav').hidden = false;
  byId('search-form').hidden = false;
}

function markNav(route) {
  const key = route.view === 'queue' ? `queue-${route.arg}` : route.view === 'ticket' && route.params.from ? `queue-${route.params.from}` : route.view;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === key) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function createView(route) {
  switch (route.view) {
    case 'ticket': return createTicketView(ctx);
    case 'sla': return createSlaView(ctx);
    case 'monitoring': return createMonitoringView(ctx);
    case 'customers': return createCustomersView(ctx);
    case 'articles': return createArticlesView(ctx);
    case 'shortcuts': return shortcutsView();
    default: return createQueueView(ctx);
  }
}

async function route() {
  const parsed = parseRoute(location.hash);
  markNav(parsed);
  ctx.clearAlert();
  current?.dispose?.();
  current = createView(parsed);
  try {
    await current.render(parsed);
  } catch (error) {
    showAlert(error.message);
  }
  if (parsed.view !== 'ticket') document.title = `${byId('view-title')?.textContent ?? 'Console'} · InfoFlo Pay Console`;
  document.body.dataset.view = parsed.view;
  // Which route the page has finished drawing, for anything that waits on it (tests, the agent's own scripts).
  document.body.dataset.route = location.hash || '#/';
}

function shortcutsView() {
  return {
    render() {
      fill(byId('view'), h('section', { class: 'card' },
        h('h1', { tabIndex: -1, id: 'view-title' }, 'Keyboard shortcuts'),
        h('p', {}, 'Letters work whenever you are not typing in a field.'),
        h('table', { class: 'shortcuts' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, 'What it does'), h('th', { scope: 'col' }, 'Where'))),
          h('tbody', {}, SHORTCUTS.map((s) => h('tr', {},
            h('td', {}, s.keys.map((k, i) => [i ? ' or ' : '', h('kbd', {}, k)])),
            h('td', {}, s.description),
            h('td', {}, s.where)))))));
      byId('view-title').focus();
    },
  };
}

// ---- Shared data ---------------------------------------------------------------------------------------------

async function loadCustomers() {
  try {
    const { data } = await ctx.api.get('/customers');
    ctx.customers = new Map(data.items.map((c) => [c.id, c]));
  } catch {
    // Names fall back to ids; the console works without them.
  }
  return ctx.customers;
}

async function loadAgents() {
  try {
    const { data } = await ctx.api.get('/agents');
    ctx.agents = Array.isArray(data) ? data : data?.items ?? null;
  } catch {
    ctx.agents = null; // GET /api/agents not on this server yet: the Assignee picker offers the people it knows.
  }
}

// ---- Start ---------------------------------------------------------------------------------------------------

async function start() {
  try {
    Object.assign(identity, await discoverIdentity({
      fetchJson, apiRoot, hostname: location.hostname, storedEmail: sessionStorage.getItem(LOCAL_USER_KEY),
    }));
  } catch (error) {
    showAlert(error.message);
  }
  ctx.me = identity.me;
  renderAccount();
  if (!identity.me) {
    renderSignIn();
  } else if (!isStaff(identity.me)) {
    renderNotStaff();
  } else {
    renderNav();
    await Promise.all([loadCustomers(), loadAgents()]);
    wire();
    await route();
  }
  document.body.dataset.ready = 'true';
}

function wire() {
  window.addEventListener('hashchange', route);
  byId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = byId('search-q').value.trim();
    if (!q) return;
    const id = ticketIdIn(q);
    ctx.navigate(id ? routeHref({ view: 'ticket', arg: id }) : routeHref({ view: 'queue', arg: 'open', params: { q, status: 'all' } }));
  });

  const poller = createPoller({
    intervalMs: POLL_MS,
    isHidden: () => document.hidden,
    run: async () => { await current?.refresh?.(); },
    onError: () => {},
  });
  poller.start();
  document.addEventListener('visibilitychange', () => { if (!document.hidden) poller.poke(); });
  ctx.refreshNow = () => poller.poke();

  const forward = (action) => (event) => (current?.shortcuts?.[action] ? current.shortcuts[action](event) : false);
  installShortcuts(document, {
    next: forward('next'),
    previous: forward('previous'),
    reply: forward('reply'),
    internal: forward('internal'),
    send: forward('send'),
    leave: forward('leave'),
    up: forward('up'),
    search: () => { byId('search-q').focus(); byId('search-q').select(); },
    help: () => ctx.navigate('#/shortcuts'),
  });
}

start();
