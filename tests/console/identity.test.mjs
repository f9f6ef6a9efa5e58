import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverIdentity, principalHeaderFor, LOCAL_USERS, isStaff } from '../../functions/InfoFloPay.Functions/Console/wwwroot/identity.mjs';

function answers(table) {
  const asked = [];
  return {
    asked,
    fetchJson: async (url, headers) => {
      asked.push({ url, headers });
      const key = `${url}${headers['X-MS-CLIENT-PRINCIPAL'] ? ' +principal' : ''}`;
      return table[key] ?? { status: 404, data: null };
    },
  };
}

const ava = { email: 'ava.agent@infoflopay.example', name: 'Ava Agent', role: 'agent' };

test('when the platform already signed the user in, the console uses it, even on loopback', async () => {
  const { fetchJson, asked } = answers({ '/api/me': { status: 200, data: ava } });
  const identity = await discoverIdentity({ fetchJson, hostname: '127.0.0.1', storedEmail: null });
  assert.deepEqual(identity, { mode: 'platform', me: ava });
  assert.deepEqual(asked.map((a) => a.url), ['/api/me']);
});

test('signed out off loopback means the real sign-in, never the picker or /.auth/me', async () => {
  const { fetchJson, asked } = answers({ '/api/me': { status: 401, data: null } });
  const identity = await discoverIdentity({ fetchJson, hostname: 'helpdesk.azurewebsites.net', storedEmail: LOCAL_USERS[0].email });
  assert.deepEqual(identity, { mode: 'platform', me: null });
  assert.deepEqual(asked.map((a) => a.url), ['/api/me']);
});

test('signed out on loopback with no /.auth offers the local picker', async () => {
  const { fetchJson } = answers({ '/api/me': { status: 401, data: null } });
  const identity = await discoverIdentity({ fetchJson, hostname: 'localhost', storedEmail: null });
  assert.equal(identity.mode, 'local');
  assert.equal(identity.me, null);
});

test('a local user picked earlier is asked of /api/me with the made-up principal', async () => {
  const { fetchJson, asked } = answers({ '/api/me': { status: 401 }, '/api/me +principal': { status: 200, data: ava } });
  const identity = await discoverIdentity({ fetchJson, apiRoot: '/api', hostname: 'localhost', storedEmail: 'ava.agent@infoflopay.example' });
  assert.equal(identity.mode, 'local');
  assert.deepEqual(identity.me, ava);
  assert.equal(asked.at(-1).url, '/api/me');
});

test('the made-up principal has the platform header shape with the roles', () => {
  const decoded = JSON.parse(Buffer.from(principalHeaderFor(LOCAL_USERS[2]), 'base64').toString('utf8'));
  assert.equal(decoded.auth_typ, 'aad');
  assert.deepEqual(decoded.claims, [
    { typ: 'preferred_username', val: 'olivia.ops@infoflopay.example' },
    { typ: 'name', val: 'Olivia Ops' },
    { typ: 'roles', val: 'Support.Manager' },
  ]);
});

test('only agents and managers are staff', () => {
  assert.equal(isStaff({ role: 'customer' }), false);
  assert.equal(isStaff(ava), true);
  assert.equal(isStaff(null), false);
});
