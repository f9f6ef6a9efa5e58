import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi, ApiError, queryString } from '../../functions/InfoFloPay.Functions/Console/wwwroot/api.mjs';

function fakeFetch(answer) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, ...init });
    const { status = 200, body, headers = {} } = typeof answer === 'function' ? answer(url, init) : answer;
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  return { fetch, calls };
}

test('a read returns the JSON and the ETag', async () => {
  const { fetch, calls } = fakeFetch({ body: { id: 'IFP-1001' }, headers: { ETag: 'W/"7"', 'Content-Type': 'application/json' } });
  const api = createApi({ root: '/api', fetch, headers: () => ({ 'X-MS-CLIENT-PRINCIPAL': 'abc' }) });

  const { data, etag } = await api.get('/tickets/IFP-1001');

  assert.deepEqual(data, { id: 'IFP-1001' });
  assert.equal(etag, 'W/"7"');
  assert.equal(calls[0].url, '/api/tickets/IFP-1001');
  assert.equal(calls[0].headers['X-MS-CLIENT-PRINCIPAL'], 'abc');
  assert.equal(calls[0].headers.Accept, 'application/json');
});

test('a change sends JSON with If-Match when it has an ETag', async () => {
  const { fetch, calls } = fakeFetch({ body: {} });
  const api = createApi({ root: '/api', fetch });

  await api.post('/tickets/IFP-1/triage', { priority: 'high', assignee: null }, { etag: 'W/"7"' });

  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers['If-Match'], 'W/"7"');
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(calls[0].body, '{"priority":"high","assignee":null}');
});

test('problem+json becomes an ApiError with the errors by field', async () => {
  const problem = { type: 'x', title: 'Bad request', status: 400, detail: 'The request is not valid.', errors: { note: ['The note must be at most 2000 characters.'] } };
  const { fetch } = fakeFetch({ status: 400, body: problem, headers: { 'Content-Type': 'application/problem+json' } });
  const api = createApi({ root: '/api', fetch });

  const error = await api.post('/tickets/IFP-1/status', { status: 'pending', note: 'x' }).catch((e) => e);

  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.message, 'The request is not valid.');
  assert.deepEqual(error.errorsFor('note'), ['The note must be at most 2000 characters.']);
  assert.equal(error.isConflict, false);
});

test('a stale ETag is a conflict', async () => {
  const { fetch } = fakeFetch({ status: 412, body: { title: 'Precondition failed', status: 412, detail: 'Ticket IFP-1 has changed since it was read.' } });
  const error = await createApi({ root: '/api', fetch }).post('/tickets/IFP-1/triage', {}, { etag: 'W/"1"' }).catch((e) => e);
  assert.equal(error.isConflict, true);
});

test('a 401 tells the page, so it can offer sign-in', async () => {
  let told = 0;
  const { fetch } = fakeFetch({ status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Sign in.' } });
  const error = await createApi({ root: '/api', fetch, onUnauthorized: () => { told += 1; } }).get('/me').catch((e) => e);
  assert.equal(error.status, 401);
  assert.equal(told, 1);
});

test('an error without a body still says what failed', async () => {
  const { fetch } = fakeFetch({ status: 503 });
  const error = await createApi({ root: '/api', fetch }).get('/queue').catch((e) => e);
  assert.equal(error.message, 'The request failed (503).');
});

test('no answer at all is a network error, not a crash', async () => {
  const api = createApi({ root: '/api', fetch: async () => { throw new TypeError('Failed to fetch'); } });
  const error = await api.get('/queue').catch((e) => e);
  assert.equal(error.isNetwork, true);
  assert.match(error.message, /did not answer/);
});

test('query strings leave out empty values', () => {
  assert.equal(queryString({ status: 'open', assignee: '', priority: null, q: 'refund stuck' }), '?status=open&q=refund+stuck');
  assert.equal(queryString({}), '');
});

test('a file upload goes as the FormData itself, with no JSON content type, and a 415 problem becomes its ApiError', async () => {
  const { fetch, calls } = fakeFetch({ status: 415, body: { title: 'Unsupported media type', detail: 'This kind of file cannot be attached.' } });
  const api = createApi({ root: '/api', fetch, headers: () => ({ 'X-MS-CLIENT-PRINCIPAL': 'abc' }) });
  const form = new FormData();
  form.append('file', new Blob(['<svg/>']), 'chart.svg');

  const error = await api.post('/tickets/IFP-1/attachments', form).catch((e) => e);

  assert.equal(calls[0].body, form);
  assert.equal(calls[0].headers['Content-Type'], undefined);
  assert.equal(calls[0].headers['X-MS-CLIENT-PRINCIPAL'], 'abc');
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 415);
  assert.equal(error.message, 'This kind of file cannot be attached.');
});

test('a download is fetched with the sign-in headers and returned as a Blob', async () => {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, ...init });
    return new Response(new Uint8Array([1, 2, 3]), { status: 200 });
  };
  const api = createApi({ root: '/api', fetch, headers: () => ({ 'X-MS-CLIENT-PRINCIPAL': 'abc' }) });

  const blob = await api.blob('/tickets/IFP-1/attachments/a1');

  assert.equal(calls[0].url, '/api/tickets/IFP-1/attachments/a1');
  assert.equal(calls[0].headers['X-MS-CLIENT-PRINCIPAL'], 'abc');
  assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [1, 2, 3]);
});
