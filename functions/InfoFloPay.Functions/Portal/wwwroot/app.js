// InfoFlo Pay customer portal: a static page that calls the helpdesk API from the browser.
// No framework and no build step. Every string from the API is written with textContent; the only HTML inserted is an
// article body, which the API sanitizes before it is stored, and the page's Content-Security-Policy allows no inline script.
'use strict';

(() => {
  const SUBJECT_MAX = 200;
  const TEXT_MAX_BYTES = 32 * 1024;
  const CLOSED_WINDOW_DAYS = 30;
  const LOCAL_USER_KEY = 'infoflopay.portal.localUser';
  const PRINCIPAL_HEADER = 'X-MS-CLIENT-PRINCIPAL';

  // The users devhost/seed.json registers; only offered when there is no App Service Authentication (local runs).
  const LOCAL_USERS = [
    { email: 'carol@contoso.com', label: 'carol@contoso.com — customer, Contoso', roles: [] },
    { email: 'dana@fabrikam.example', label: 'dana@fabrikam.example — customer, Fabrikam', roles: [] },
    { email: 'ava.agent@infoflopay.example', label: 'ava.agent@infoflopay.example — Support.Agent', roles: ['Support.Agent'] },
  ];

  // The page lives at <prefix>/portal/; the API is <prefix>/…, whatever the host's route prefix is.
  const apiRoot = location.pathname.replace(/\/portal(\/.*)?$/, '');

  const $ = (id) => document.getElementById(id);
  const state = { identity: null, list: null, ticket: null, articlesShown: null };

  // ---- Identity ------------------------------------------------------------------------------------------------

  /** Same shape as App Service Authentication's header (see devhost/Seeding/PrincipalHeader.cs). */
  function principalHeaderFor(user) {
    const claims = [
      { typ: 'preferred_username', val: user.email },
      { typ: 'name', val: user.email.split('@')[0] },
      ...user.roles.map((role) => ({ typ: 'roles', val: role })),
    ];
    const json = JSON.stringify({
      auth_typ: 'aad',
      claims,
      name_typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
      role_typ: 'roles',
    });
    let binary = '';
    for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  // The made-up identity is only ever offered on this machine, whatever /.auth/me says elsewhere.
  const onLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

  /**
   * The API says who is signed in (/api/me): App Service Authentication injects the user's principal into every
   * request it lets through, token store or not, whereas /.auth/me answers only with the token store on. A 401 means
   * nobody is; only then, and only on this machine with no /.auth at all (404), does the page offer the local sign-in
   * picker. So a browser that already carries a principal (the platform's, or a test's) behaves as it does in Azure.
   */
  async function discoverIdentity() {
    const response = await fetch(apiRoot + '/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).catch(() => null);
    if (response?.ok) {
      const me = await response.json();
      return { mode: 'azure', user: { ...me, name: me.name || me.email } };
    }
    if (response?.status === 401 && onLoopback) {
      const auth = await fetch('/.auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).catch(() => null);
      if (auth === null || auth.status === 404) return { mode: 'local', user: storedLocalUser() };
    }
    if (response?.status !== 401) showAlert('We could not tell who is signed in. Please reload the page.');
    return { mode: 'azure', user: null };
  }

  function storedLocalUser() {
    const email = sessionStorage.getItem(LOCAL_USER_KEY);
    const user = LOCAL_USERS.find((u) => u.email === email);
    return user ? { ...user, name: user.email } : null;
  }

  function renderAccount() {
    const account = $('account');
    account.replaceChildren();
    const { mode, user } = state.identity;
    $('local-banner').hidden = mode !== 'local';
    $('unregistered-banner').hidden = !(user?.role === 'customer' && !user.customerId);
    if (!user) return;

    if (mode === 'local') account.append(el('span', 'badge-local', 'Local sign-in'));
    const who = el('span', 'who', user.name);
    if (user.email) who.title = user.email;
    account.append(who);
    const affiliation = user.customerName ?? { agent: 'Support agent', manager: 'Support manager' }[user.role];
    if (affiliation) account.append(el('span', 'affiliation', affiliation));
    $('unregistered-email').textContent = user.email ?? '';
    if (mode === 'azure') {
      const signOut = el('a', null, 'Sign out');
      signOut.href = '/.auth/logout?post_logout_redirect_uri=' + encodeURIComponent(location.pathname);
      account.append(signOut);
    } else {
      const signOut = el('button', 'link', 'Sign out');
      signOut.type = 'button';
      signOut.addEventListener('click', () => {
        sessionStorage.removeItem(LOCAL_USER_KEY);
        state.identity.user = null;
        renderAccount();
        route();
      });
      account.append(signOut);
    }
  }

  function showSignIn() {
    const local = state.identity.mode === 'local';
    $('signin-local').hidden = !local;
    $('signin-azure').hidden = local;
    $('signin-link').href = '/.auth/login/aad?post_login_redirect_uri=' + encodeURIComponent(location.pathname + location.hash);
    showView('signin');
  }

  // ---- API -----------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `The request failed (${status}).`);
      this.status = status;
      this.errors = problem?.errors || {};
    }
  }

  async function api(method, path, { body, headers = {} } = {}) {
    const sent = { Accept: 'application/json', 'X-Client': 'portal', ...headers };
    if (body !== undefined) sent['Content-Type'] = 'application/json';
    if (state.identity.mode === 'local' && state.identity.user) sent[PRINCIPAL_HEADER] = principalHeaderFor(state.identity.user);

    const response = await fetch(apiRoot + path, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401 && state.identity.mode === 'azure') {
        state.identity.user = null;
        renderAccount();
        showSignIn();
      }
      throw new ApiError(response.status, json);
    }
    return { json, etag: response.headers.get('ETag') };
  }

  // ---- Rendering helpers ---------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');

  function statusBadge(status) {
    return el('span', `status status-${status}`, status);
  }

  function showAlert(message, kind = 'error') {
    const alert = $('alert');
    alert.textContent = message;
    alert.className = kind === 'error' ? 'alert' : 'alert info';
    alert.hidden = !message;
  }

  function clearAlert() {
    showAlert('');
  }

  /** The API's problem+json errors, beside the fields they name; anything else in the alert. */
  function showFieldErrors(form, error) {
    let shown = false;
    for (const [field, messages] of Object.entries(error.errors || {})) {
      const target = form.querySelector(`[name="${CSS.escape(field)}"]`);
      if (!target) continue;
      setFieldError(target, messages.join(' '));
      shown = true;
    }
    showAlert(shown ? 'Please correct the highlighted fields.' : error.message);
  }

  function setFieldError(input, message) {
    const error = $(input.id + '-error');
    if (error) error.textContent = message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function clearFieldErrors(form) {
    for (const input of form.querySelectorAll('input, textarea, select')) setFieldError(input, '');
  }

  const utf8Bytes = (text) => new TextEncoder().encode(text).length;

  function showView(name) {
    for (const view of document.querySelectorAll('.view')) view.hidden = view.id !== `view-${name}`;
    $('nav').hidden = name === 'signin';
    const section = name === 'ticket' || name === 'notfound' ? 'tickets' : name;
    for (const link of document.querySelectorAll('[data-nav]')) {
      if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  // ---- My tickets ----------------------------------------------------------------------------------------------

  async function showTickets(tab) {
    showView('tickets');
    const closed = tab === 'closed';
    $('tab-open').setAttribute('aria-selected', String(!closed));
    $('tab-closed').setAttribute('aria-selected', String(closed));
    $('tickets-hint').textContent = closed
      ? `Resolved and closed in the last ${CLOSED_WINDOW_DAYS} days, newest first.`
      : 'Tickets we are working on, newest first.';
    $('ticket-list').replaceChildren();
    $('tickets-empty').hidden = true;
    $('load-more').hidden = true;

    const query = new URLSearchParams({ status: closed ? 'closed' : 'open' });
    if (closed) query.set('closedSince', new Date(Date.now() - CLOSED_WINDOW_DAYS * 864e5).toISOString());
    state.list = { query, continuationToken: null, tab };
    await loadTicketPage();
  }

  async function loadTicketPage() {
    const list = state.list;
    const query = new URLSearchParams(list.query);
    if (list.continuationToken) query.set('continuationToken', list.continuationToken);
    const button = $('load-more');
    button.disabled = true;
    try {
      const { json } = await api('GET', '/tickets?' + query);
      if (state.list !== list) return;
      for (const ticket of json.items) $('ticket-list').append(ticketRow(ticket));
      list.continuationToken = json.continuationToken || null;
      button.hidden = !list.continuationToken;
      $('tickets-empty').hidden = $('ticket-list').children.length > 0;
    } catch (error) {
      showAlert(error.message);
    } finally {
      button.disabled = false;
    }
  }

  function ticketRow(ticket) {
    const item = el('li');
    item.dataset.ticketId = ticket.id;
    const link = el('a');
    link.href = '#ticket/' + encodeURIComponent(ticket.id);
    link.append(
      el('span', 'ticket-id', ticket.id),
      el('span', 'ticket-subject', ticket.subject),
      statusBadge(ticket.status),
      el('span', 'ticket-meta', `Opened ${when(ticket.createdAt)} · updated ${when(ticket.updatedAt)} · ${ticket.priority} priority`),
    );
    item.append(link);
    return item;
  }

  // ---- New ticket ----------------------------------------------------------------------------------------------

  let pendingIdempotencyKey = null;

  function showNewTicket() {
    showView('new');
    $('new-subject').focus();
  }

  async function submitNewTicket(event) {
    event.preventDefault();
    const form = event.currentTarget;
    clearAlert();
    clearFieldErrors(form);
    const subject = $('new-subject').value;
    const description = $('new-description').value;

    // The API's own rules, checked here first so the user hears about them without a round trip.
    let invalid = false;
    const trimmed = subject.trim();
    if (trimmed.length === 0 || trimmed.length > SUBJECT_MAX) {
      setFieldError($('new-subject'), `The subject must be 1 to ${SUBJECT_MAX} characters (now ${trimmed.length}).`);
      invalid = true;
    }
    if (utf8Bytes(description) > TEXT_MAX_BYTES) {
      setFieldError($('new-description'), 'The description must be at most 32 KB.');
      invalid = true;
    }
    if (invalid) {
      showAlert('Please correct the highlighted fields.');
      form.querySelector('[aria-invalid="true"]').focus();
      return;
    }

    // One key per ticket the user means to open: a double click or a retry after a lost response replays the first
    // answer instead of opening a second ticket. A new key only once the ticket exists or the form changes.
    pendingIdempotencyKey ??= crypto.randomUUID();
    const button = $('new-submit');
    button.disabled = true;
    try {
      const { json } = await api('POST', '/tickets', {
        body: { subject, description },
        headers: { 'Idempotency-Key': pendingIdempotencyKey },
      });
      pendingIdempotencyKey = null;
      form.reset();
      showAlert(`Ticket ${json.id} is open. We have emailed you a confirmation.`, 'info');
      location.hash = '#ticket/' + encodeURIComponent(json.id);
    } catch (error) {
      if (error.status === 400 || error.status === 422) pendingIdempotencyKey = null;
      showFieldErrors(form, error);
    } finally {
      button.disabled = false;
    }
  }

  // ---- Ticket detail -------------------------------------------------------------------------------------------

  async function showTicket(id) {
    showView('ticket');
    $('ticket-title').textContent = id;
    $('ticket-facts').replaceChildren();
    $('ticket-description').replaceChildren();
    $('timeline').replaceChildren();
    $('ticket-status-actions').hidden = true;
    $('attachment-list').replaceChildren();
    $('attachments-empty').hidden = true;
    clearFieldErrors($('reply-form'));
    clearFieldErrors($('attach-form'));
    try {
      const path = '/tickets/' + encodeURIComponent(id);
      const [ticket, events, attachments] = await Promise.all([api('GET', path), api('GET', path + '/events'), api('GET', path + '/attachments')]);
      state.ticket = { id, etag: ticket.etag };
      renderTicket(ticket.json, events.json.items);
      renderAttachments(id, attachments.json.items);
    } catch (error) {
      state.ticket = null;
      if (error.status === 404) {
        // No reply box, no timeline: there is nothing here to reply to.
        $('notfound-text').textContent = `There is no ticket ${id} on your account.`;
        showView('notfound');
        return;
      }
      showAlert(error.message);
    }
  }

  function renderTicket(ticket, events) {
    $('ticket-title').replaceChildren(el('span', 'ticket-id', ticket.id), ' ', ticket.subject);
    $('ticket-back').href = ['resolved', 'closed'].includes(ticket.status) ? '#tickets/closed' : '#tickets/open';
    const facts = $('ticket-facts');
    const fact = (term, value) => {
      if (value === undefined || value === null || value === '') return;
      facts.append(el('dt', null, term), value instanceof Node ? wrap('dd', value) : el('dd', null, value));
    };
    fact('Status', statusBadge(ticket.status));
    fact('Priority', ticket.priority);
    fact('Requester', ticket.requester?.name ? `${ticket.requester.name} <${ticket.requester.email}>` : ticket.requester?.email);
    fact('Opened', when(ticket.createdAt));
    fact('First response due', ticket.firstRespondedAt ? null : when(ticket.sla?.firstResponseDueAt));
    fact('Resolution due', ['resolved', 'closed'].includes(ticket.status) ? null : when(ticket.sla?.resolutionDueAt));
    fact('Resolved', when(ticket.resolvedAt));
    fact('Closed', when(ticket.closedAt));
    $('ticket-description').textContent = ticket.description || '(no description)';
    $('ticket-description').hidden = false;
    $('ticket-status-actions').hidden = ticket.status !== 'resolved';
    $('reply-form').hidden = ticket.status === 'closed';
    $('attach-form').hidden = ticket.status === 'closed';

    // "Notification sent" entries are the desk's bookkeeping of its own mail: the customer has the mail itself.
    const timeline = $('timeline');
    timeline.replaceChildren(...events.filter((event) => event.kind !== 'notification-sent').map(timelineEntry));
  }

  function wrap(tag, child) {
    const node = el(tag);
    node.append(child);
    return node;
  }

  const actorName = (actor) => actor?.name || actor?.email || 'InfoFlo Pay';

  function timelineEntry(event) {
    const item = el('li', event.kind);
    const what = el('div', 'what');
    const who = actorName(event.actor);
    switch (event.kind) {
      case 'created': what.textContent = `Opened by ${who}`; break;
      case 'reply': what.textContent = `${who} replied${event.visibility === 'internal' ? ' (internal note)' : ''}`; break;
      case 'status': what.textContent = event.fromStatus ? `Status ${event.fromStatus} → ${event.toStatus}` : `Status → ${event.toStatus}`; break;
      case 'triaged': what.textContent = `Reviewed by support: ${event.priority} priority`; break;
      case 'assigned': what.textContent = event.assignee ? `Assigned to ${event.assignee}` : 'Unassigned'; break;
      case 'sla-applied': what.textContent = 'Service level targets set'; break;
      case 'sla-warning': what.textContent = 'Service level target approaching'; break;
      case 'sla-breached': what.textContent = 'Service level target missed'; break;
      case 'sla-met': what.textContent = 'Service level target met'; break;
      case 'attachment-added': what.textContent = `${who} attached a file`; break;
      case 'attachment-refused': what.textContent = `A file from ${who}'s email could not be attached`; break;
      default: what.textContent = event.kind;
    }
    item.append(el('div', 'when', when(event.occurredAt)), what);
    if (event.body) item.append(el('div', 'body', event.body));
    if (event.note) item.append(el('div', 'body', event.note));
    return item;
  }

  // ---- Attachments ---------------------------------------------------------------------------------------------

  const sizeText = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

  function renderAttachments(id, items) {
    const list = $('attachment-list');
    list.replaceChildren(...items.map((attachment) => {
      const item = el('li');
      item.dataset.attachmentId = attachment.id;
      const link = el('a', null, attachment.fileName);
      link.href = `${apiRoot}/tickets/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachment.id)}`;
      link.download = attachment.fileName;
      link.addEventListener('click', (event) => downloadAttachment(event, link));
      item.append(link, ' ', el('span', 'hint', `${sizeText(attachment.size)} · ${when(attachment.uploadedAt)}`));
      return item;
    }));
    $('attachments-empty').hidden = items.length > 0;
  }

  /** Signed in through App Service the link works as it is (the session cookie goes along); locally the identity is
   *  a header a link cannot send, so the file is fetched with it and handed to the browser as a download. */
  async function downloadAttachment(event, link) {
    if (state.identity.mode !== 'local') return;
    event.preventDefault();
    clearAlert();
    try {
      const response = await fetch(link.href, { headers: { [PRINCIPAL_HEADER]: principalHeaderFor(state.identity.user) }, credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      const url = URL.createObjectURL(await response.blob());
      const save = el('a');
      save.href = url;
      save.download = link.download;
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      showAlert(error.message);
    }
  }

  async function submitAttachment(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = $('attach-file');
    clearAlert();
    clearFieldErrors(form);
    const file = input.files[0];
    if (!file) {
      setFieldError(input, 'Choose a file first.');
      input.focus();
      return;
    }

    const { id } = state.ticket;
    const button = $('attach-submit');
    button.disabled = true;
    try {
      const data = new FormData();
      data.append('file', file, file.name);
      const headers = { Accept: 'application/json', 'X-Client': 'portal' };
      if (state.identity.mode === 'local' && state.identity.user) headers[PRINCIPAL_HEADER] = principalHeaderFor(state.identity.user);
      const response = await fetch(`${apiRoot}/tickets/${encodeURIComponent(id)}/attachments`, { method: 'POST', headers, body: data, credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      form.reset();
      await showTicket(id);
      showAlert(`${file.name} was attached.`, 'info');
    } catch (error) {
      // Too large (413), a type not allowed (415), empty (400): said beside the file field, where it can be fixed.
      setFieldError(input, error.message);
      input.focus();
    } finally {
      button.disabled = false;
    }
  }

  async function submitReply(event) {
    event.preventDefault();
    const form = event.currentTarget;
    clearAlert();
    clearFieldErrors(form);
    const body = $('reply-body').value;
    if (body.trim().length === 0) {
      setFieldError($('reply-body'), 'Write a reply first.');
      $('reply-body').focus();
      return;
    }
    if (utf8Bytes(body) > TEXT_MAX_BYTES) {
      setFieldError($('reply-body'), 'A reply must be at most 32 KB.');
      $('reply-body').focus();
      return;
    }

    const { id } = state.ticket;
    const button = $('reply-submit');
    button.disabled = true;
    try {
      await api('POST', `/tickets/${encodeURIComponent(id)}/replies`, { body: { body } });
      form.reset();
      await showTicket(id);
      showAlert('Your reply was added.', 'info');
    } catch (error) {
      showFieldErrors(form, error);
    } finally {
      button.disabled = false;
    }
  }

  async function changeStatus(status) {
    clearAlert();
    const { id, etag } = state.ticket;
    const headers = etag ? { 'If-Match': etag } : {};
    try {
      await api('POST', `/tickets/${encodeURIComponent(id)}/status`, { body: { status }, headers });
      await showTicket(id);
      showAlert(status === 'closed' ? 'The ticket is closed. Thank you!' : 'The ticket is open again; we will pick it up.', 'info');
    } catch (error) {
      if (error.status === 412) {
        await showTicket(id);
        showAlert('The ticket changed while you were reading it; here is the latest. Please try again.');
      } else {
        showAlert(error.message);
      }
    }
  }

  // ---- Help articles -------------------------------------------------------------------------------------------

  /** The Help page: every article by title until the customer searches; an article has its own address (#help/slug). */
  async function showHelp(slug) {
    showView('help');
    $('article').hidden = true;
    $('help-results').hidden = Boolean(slug);
    if (slug) {
      await showArticle(slug);
      return;
    }
    if (!state.articlesShown) await listArticles('');
  }

  async function listArticles(q) {
    try {
      const { json } = await api('GET', '/articles' + (q ? '?' + new URLSearchParams({ q }) : ''));
      const list = $('article-list');
      list.replaceChildren(...json.items.map(articleRow));
      $('articles-empty').hidden = json.items.length > 0;
      $('articles-heading').textContent = q ? `Articles matching “${q}”` : 'All articles';
      $('articles-heading').hidden = false;
      state.articlesShown = q || 'all';
    } catch (error) {
      showAlert(error.message);
    }
  }

  async function searchArticles(event) {
    event.preventDefault();
    clearAlert();
    $('article').hidden = true;
    $('help-results').hidden = false;
    if (location.hash !== '#help') history.pushState(null, '', '#help');
    await listArticles($('help-q').value.trim());
  }

  function articleRow(article) {
    const item = el('li');
    const open = el('a', null, article.title);
    open.href = '#help/' + encodeURIComponent(article.slug);
    item.append(open);
    if (article.tags?.length) item.append(el('div', 'tags', article.tags.join(' · ')));
    return item;
  }

  async function showArticle(slug) {
    clearAlert();
    try {
      const { json } = await api('GET', '/articles/' + encodeURIComponent(slug));
      $('article-title').textContent = json.title;
      // The one place HTML from the API is inserted: the server renders the markdown and sanitizes it (HtmlSanitizer),
      // and the CSP forbids inline script and event handlers should anything slip through.
      $('article-body').innerHTML = json.html;
      $('article').hidden = false;
      $('article-title').scrollIntoView({ block: 'start' });
    } catch (error) {
      showAlert(error.status === 404 ? `There is no article “${slug}”.` : error.message);
    }
  }

  // ---- Routing -------------------------------------------------------------------------------------------------

  async function route() {
    if (!state.identity.user) {
      showSignIn();
      return;
    }
    const hash = location.hash.replace(/^#/, '');
    const [section, arg] = [hash.split('/')[0], decodeURIComponent(hash.split('/').slice(1).join('/'))];
    switch (section) {
      case 'new': showNewTicket(); break;
      case 'help': await showHelp(arg); break;
      case 'ticket': await showTicket(arg); break;
      default: await showTickets(arg === 'closed' ? 'closed' : 'open');
    }
  }

  function onHashChange() {
    // A confirmation (e.g. "ticket opened") survives the one navigation it announces; anything else is stale.
    if ($('alert').classList.contains('info') && location.hash.startsWith('#ticket/')) {
      route();
      return;
    }
    clearAlert();
    route();
  }

  async function start() {
    const select = $('local-user');
    for (const user of LOCAL_USERS) {
      const option = el('option', null, user.label);
      option.value = user.email;
      select.append(option);
    }
    $('signin-local').addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem(LOCAL_USER_KEY, select.value);
      state.identity.user = storedLocalUser();
      renderAccount();
      clearAlert();
      route();
    });
    $('new-form').addEventListener('submit', submitNewTicket);
    $('new-form').addEventListener('input', () => { pendingIdempotencyKey = null; });
    $('reply-form').addEventListener('submit', submitReply);
    $('attach-form').addEventListener('submit', submitAttachment);
    $('ticket-close').addEventListener('click', () => changeStatus('closed'));
    $('ticket-reopen').addEventListener('click', () => changeStatus('open'));
    $('load-more').addEventListener('click', loadTicketPage);
    $('help-form').addEventListener('submit', searchArticles);
    window.addEventListener('hashchange', onHashChange);

    state.identity = await discoverIdentity();
    renderAccount();
    await route();
    document.body.dataset.ready = 'true';
  }

  start();
})();
