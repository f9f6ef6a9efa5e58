// The helpdesk API from the browser: JSON in and out, the ticket's ETag kept for If-Match, and every failure turned
// into an ApiError that carries the problem+json document (title, detail, errors by field) the API sent.

export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || problem?.title || fallback || `The request failed (${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem?.title ?? null;
    this.errors = problem?.errors && typeof problem.errors === 'object' ? problem.errors : {};
  }

  /** 412: someone changed the resource since it was read (the If-Match no longer holds). */
  get isConflict() { return this.status === 412; }

  get isNotFound() { return this.status === 404; }

  /** 0: the request never got an answer (offline, the server went away). */
  get isNetwork() { return this.status === 0; }

  /** The messages the API gave for one field of the request body or query. */
  errorsFor(field) { return this.errors[field] ?? []; }
}

/**
 * A client for the API under `root` (e.g. "/api"). `headers()` adds per-request headers (the local sign-in's
 * principal); `onUnauthorized()` hears of a 401 so the page can offer sign-in again.
 */
export function createApi({ root, fetch: fetchImpl = globalThis.fetch, headers = () => ({}), onUnauthorized = () => {} }) {
  async function request(method, path, { params, body, etag, idempotencyKey, signal } = {}) {
    const query = params ? queryString(params) : '';
    const sent = { Accept: 'application/json', ...headers() };
    // A FormData body (a file upload) is sent as the browser encodes it: multipart/form-data with its boundary.
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) sent['Content-Type'] = 'application/json';
    if (etag) sent['If-Match'] = etag;
    if (idempotencyKey) sent['Idempotency-Key'] = idempotencyKey;

    let response;
    try {
      response = await fetchImpl(root + path + query, {
        method, headers: sent, body: body === undefined || form ? body : JSON.stringify(body), credentials: 'same-origin', signal,
      });
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
      throw new ApiError(0, null, 'The desk did not answer. Check your connection; the page keeps trying.');
    }

    const text = await response.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch { json = null; }
    }
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      throw new ApiError(response.status, json, response.status === 412 ? 'Someone changed this since you loaded it.' : undefined);
    }
    return { data: json, etag: response.headers.get('ETag'), status: response.status };
  }

  /** A download as a Blob, with the same headers (a link cannot send the local sign-in's principal header). */
  async function blob(path) {
    let response;
    try {
      response = await fetchImpl(root + path, { method: 'GET', headers: headers(), credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, null, 'The desk did not answer. Check your connection and try again.');
    }
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      throw new ApiError(response.status, await response.json().catch(() => null));
    }
    return response.blob();
  }

  return {
    request,
    blob,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options = {}) => request('POST', path, { ...options, body }),
    put: (path, body, options = {}) => request('PUT', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
  };
}

/** "?a=1&b=2" from an object, leaving out empty values; "" when nothing is left. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment from an id the user or the API gave (ticket ids, slugs, emails). */
export const segment = (value) => encodeURIComponent(String(value));
