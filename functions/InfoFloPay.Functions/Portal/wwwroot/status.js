// InfoFlo Pay status page: public, no sign-in. Shows each public service as up, down or under maintenance and the
// incidents going on, from GET /api/status, and refreshes itself. Every string from the API is written with textContent.
'use strict';

(() => {
  const REFRESH_MS = 30 * 1000;
  const LABELS = { up: 'Up', down: 'Down', maintenance: 'Under maintenance' };

  // The page lives at <prefix>/portal/status; the API is <prefix>/status, whatever the host's route prefix is.
  const apiRoot = location.pathname.replace(/\/portal(\/.*)?$/, '');
  const $ = (id) => document.getElementById(id);
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso) => dateFormat.format(new Date(iso));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function serviceRow(target) {
    const item = el('li');
    item.dataset.service = target.name;
    item.dataset.status = target.status;
    item.append(el('span', 'service-name', target.name), el('span', `state state-${target.status}`, LABELS[target.status] ?? target.status));
    if (target.since) {
      const verb = { up: 'Up since', down: 'Down since' }[target.status];
      if (verb) item.append(el('span', 'service-since', `${verb} ${when(target.since)}`));
    }
    return item;
  }

  function incidentRow(incident) {
    const item = el('li');
    item.dataset.incident = incident.id;
    item.append(el('span', 'incident-title', incident.title), el('span', 'incident-since', `Since ${when(incident.startedAt)}`));
    return item;
  }

  function summary(targets) {
    const down = targets.filter((t) => t.status === 'down').length;
    const maintenance = targets.filter((t) => t.status === 'maintenance').length;
    if (targets.length === 0) return 'No services are listed.';
    if (down > 0) return down === 1 ? '1 service is down.' : `${down} services are down.`;
    if (maintenance > 0) return maintenance === 1 ? '1 service is under maintenance; the others are up.' : `${maintenance} services are under maintenance; the others are up.`;
    return 'All services are up.';
  }

  function render(status) {
    $('services').replaceChildren(...status.targets.map(serviceRow));
    $('services-empty').hidden = status.targets.length > 0;
    $('incidents').replaceChildren(...status.incidents.map(incidentRow));
    $('incidents-empty').hidden = status.incidents.length > 0;
    // Announced only when it changes, so a screen reader hears an outage, not every refresh.
    const text = summary(status.targets);
    if ($('summary').textContent !== text) $('summary').textContent = text;
    $('updated').textContent = `Updated ${dateFormat.format(new Date())}; this page refreshes every ${REFRESH_MS / 1000} seconds.`;
  }

  async function refresh() {
    try {
      // The page asks afresh each time (it polls far less often than max-age=5); the answer's caching is for shared
      // caches and for the server, which reads storage at most once per 5 s however many pages are open.
      const response = await fetch(apiRoot + '/status', { headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-cache' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      render(await response.json());
      $('alert').hidden = true;
    } catch {
      // What was shown stays; the next refresh tries again.
      $('alert').textContent = 'The status could not be refreshed just now; trying again shortly.';
      $('alert').hidden = false;
    } finally {
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes ?? 0) + 1);
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
})();
