// Where the console is, in its URL hash, so reload, back and a pasted link all land on the same view:
// #/queue/triage?priority=urgent, #/ticket/IFP-1042, #/customers/contoso, #/articles/new.

export const DEFAULT_ROUTE = Object.freeze({ view: 'queue', arg: 'triage', params: {} });

const VIEWS = new Set(['queue', 'ticket', 'sla', 'monitoring', 'customers', 'articles', 'shortcuts']);

export function parseRoute(hash) {
  const text = (hash ?? '').replace(/^#\/?/, '');
  if (!text) return { ...DEFAULT_ROUTE, params: {} };
  const [path, query = ''] = text.split('?');
  const [view, ...rest] = path.split('/');
  if (!VIEWS.has(view)) return { ...DEFAULT_ROUTE, params: {} };
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  const params = Object.fromEntries(new URLSearchParams(query));
  return { view, arg: view === 'queue' ? arg || 'triage' : arg, params };
}

export function routeHref({ view, arg = null, params = {} }) {
  const path = arg === null || arg === undefined || arg === '' ? view : `${view}/${encodeURIComponent(arg)}`;
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '')).toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

export const ticketHref = (id, from) => routeHref({ view: 'ticket', arg: id, params: from ? { from } : {} });
