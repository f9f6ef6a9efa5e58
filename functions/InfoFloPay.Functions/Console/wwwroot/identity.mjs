// Who is signed in. In Azure, App Service Authentication puts the user's principal on every request and GET /api/me
// says who that is. Only when /api/me answers 401 on this machine (loopback, no /.auth at all) does the console offer
// the local sign-in picker and send a made-up principal itself, exactly as the portal does.

export const PRINCIPAL_HEADER = 'X-MS-CLIENT-PRINCIPAL';

/** The staff the local settings and devhost/seed.json know; offered only on loopback, never in Azure. */
export const LOCAL_USERS = [
  { email: 'ava.agent@infoflopay.example', label: 'Ava Agent — Support.Agent', roles: ['Support.Agent'] },
  { email: 'ben.agent@infoflopay.example', label: 'Ben Agent — Support.Agent', roles: ['Support.Agent'] },
  { email: 'olivia.ops@infoflopay.example', label: 'Olivia Ops — Support.Manager', roles: ['Support.Manager'] },
];

export function isLoopback(hostname) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** Same shape as App Service Authentication's header (see devhost/Seeding/PrincipalHeader.cs). */
export function principalHeaderFor(user) {
  const claims = [
    { typ: 'preferred_username', val: user.email },
    { typ: 'name', val: user.label ? user.label.split(' — ')[0] : user.email.split('@')[0] },
    ...(user.roles ?? []).map((role) => ({ typ: 'roles', val: role })),
  ];
  const json = JSON.stringify({ auth_typ: 'aad', claims, name_typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name', role_typ: 'roles' });
  let binary = '';
  for (const byte of new TextEncoder().encode(json)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * { mode: 'platform' | 'local', me, user? } — me is /api/me's answer, or null when nobody is signed in.
 * `fetchJson(url, headers)` returns { status, data } (status 0 when there was no answer); `storedEmail` is the
 * local user picked earlier in this tab.
 */
export async function discoverIdentity({ fetchJson, apiRoot = '/api', hostname, storedEmail }) {
  const me = await fetchJson(`${apiRoot}/me`, {});
  if (me.status === 200) return { mode: 'platform', me: me.data };
  if (me.status !== 401) throw new Error('We could not tell who is signed in. Please reload the page.');
  if (!isLoopback(hostname)) return { mode: 'platform', me: null };

  const auth = await fetchJson('/.auth/me', {});
  if (auth.status !== 404 && auth.status !== 0) return { mode: 'platform', me: null };
  const user = LOCAL_USERS.find((u) => u.email === storedEmail);
  if (!user) return { mode: 'local', me: null, user: null };
  const local = await fetchJson(`${apiRoot}/me`, { [PRINCIPAL_HEADER]: principalHeaderFor(user) });
  return { mode: 'local', me: local.status === 200 ? local.data : null, user };
}

export const isStaff = (me) => me?.role === 'agent' || me?.role === 'manager';
