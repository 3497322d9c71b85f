import { SELF } from 'cloudflare:test';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../worker/access/authorize';
import { ADMINS } from '../../../worker/access/roles';
import { createApp } from '../../../worker/app';
import { type Caller, call, ORIGIN, type Reply } from '../../helpers/client';
import { newTenant, signIn, type TestTenant } from '../../helpers/tenant';
import { count, expectError, fetchApp, rows, show, snapshotCounts } from '../support';

type Session = Caller & { creds: { kind: 'session'; cookie: string; csrf: string } };

/** Headers for a cookie call: the session cookie plus whatever the variant sends. */
function sessionHeaders(s: Session, extra: Record<string, string | undefined>): Record<string, string> {
  const h: Record<string, string> = { Cookie: s.creds.cookie };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) h[k] = v;
  return h;
}

/** Calls SELF without the harness defaults (no Origin, no X-CSRF-Token unless given). */
async function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

interface Write {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  /** Whether the write happened (checked after a refused call: must be false). */
  happened: () => Promise<boolean>;
}

async function writesFor(t: TestTenant, victimId: string, sessionCsrf: string): Promise<Write[]> {
  const userCount = await count('users', 'tenant_id = ?', t.tenantId);
  const keyCount = await count('api_keys', 'tenant_id = ?', t.tenantId);
  const [victim] = await rows<{ name: string }>('SELECT name FROM users WHERE id = ?', victimId);
  return [
    {
      name: 'create a user',
      method: 'POST',
      path: '/users',
      body: {
        email: `csrf-${Date.now()}@x.example`,
        name: '跨站',
        role: 'admin',
        password: 'long-enough-pw',
      },
      happened: async () => (await count('users', 'tenant_id = ?', t.tenantId)) !== userCount,
    },
    {
      name: 'update a user',
      method: 'PATCH',
      path: `/users/${victimId}`,
      body: { name: '被改了' },
      happened: async () =>
        (await rows<{ name: string }>('SELECT name FROM users WHERE id = ?', victimId))[0]?.name !==
        victim?.name,
    },
    {
      name: 'delete a user',
      method: 'DELETE',
      path: `/users/${victimId}`,
      happened: async () => (await count('users', 'id = ?', victimId)) === 0,
    },
    {
      name: 'create an API key',
      method: 'POST',
      path: '/api-keys',
      body: { name: 'exfil', scopes: ['org:read'] },
      happened: async () => (await count('api_keys', 'tenant_id = ?', t.tenantId)) !== keyCount,
    },
    {
      name: 'log out',
      method: 'POST',
      path: '/auth/logout',
      happened: async () => (await count('sessions', 'csrf_token = ?', sessionCsrf)) === 0,
    },
  ];
}

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses each write without the token, with a wrong token, from another Origin or with no Origin; nothing is written', async () => {
    const t = await newTenant();
    const owner = t.owner as Session;
    const victim = await t.userWith('employee');
    const otherSession = (await signIn(t.slug, t.email)) as Session;
    const writes = await writesFor(t, victim.userId, owner.creds.csrf);
    const token = owner.creds.csrf;
    const variants: { name: string; headers: Record<string, string | undefined> }[] = [
      { name: 'no X-CSRF-Token', headers: { Origin: ORIGIN } },
      { name: 'empty X-CSRF-Token', headers: { Origin: ORIGIN, 'X-CSRF-Token': '' } },
      { name: 'wrong X-CSRF-Token', headers: { Origin: ORIGIN, 'X-CSRF-Token': 'x'.repeat(token.length) } },
      {
        name: "another session's token",
        headers: { Origin: ORIGIN, 'X-CSRF-Token': otherSession.creds.csrf },
      },
      { name: 'foreign Origin', headers: { Origin: 'https://evil.example', 'X-CSRF-Token': token } },
      {
        name: 'look-alike Origin',
        headers: { Origin: 'http://localhost.evil.example', 'X-CSRF-Token': token },
      },
      { name: 'Origin: null', headers: { Origin: 'null', 'X-CSRF-Token': token } },
      { name: 'no Origin', headers: { 'X-CSRF-Token': token } },
      {
        name: 'no Origin, same-site Referer only',
        headers: { 'X-CSRF-Token': token, Referer: `${ORIGIN}/dashboard` },
      },
      {
        name: 'no Origin, foreign Referer',
        headers: { 'X-CSRF-Token': token, Referer: 'https://evil.example/page' },
      },
    ];
    for (const w of writes) {
      for (const v of variants) {
        const before = await snapshotCounts();
        const res = await raw(w.method, w.path, sessionHeaders(owner, v.headers), w.body);
        expectError(res, 403, 'CSRF_FAILED', `${w.name} with ${v.name}`);
        expect(await w.happened(), `${w.name} with ${v.name} must write nothing`).toBe(false);
        expect(await snapshotCounts(), `${w.name} with ${v.name}: row counts`).toEqual(before);
      }
    }
    // The session survived every refused logout, and the same writes pass with token and Origin.
    expect((await owner.get('/me')).status).toBe(200);
    for (const w of writes) {
      const res = await raw(
        w.method,
        w.path,
        sessionHeaders(owner, { Origin: ORIGIN, 'X-CSRF-Token': token }),
        w.body,
      );
      expect(res.status, `${w.name} with token and Origin: ${show(res)}`).toBeLessThan(300);
      expect(await w.happened(), `${w.name} happened once allowed`).toBe(true);
    }
  });

  it('answers in English when asked', async () => {
    const t = await newTenant();
    const owner = t.owner as Session;
    const res = await raw('POST', '/auth/logout', {
      Cookie: owner.creds.cookie,
      Origin: ORIGIN,
      'Accept-Language': 'en',
    });
    expectError(res, 403, 'CSRF_FAILED');
    expect(res.body.error.message).toBe('Refused: missing or wrong CSRF token, or a foreign Origin');
  });

  it('cookie GETs need no token and no Origin', async () => {
    const t = await newTenant();
    const owner = t.owner as Session;
    for (const path of ['/me', '/users', '/api-keys', '/audit-log', '/audit-log/verify']) {
      const res = await raw('GET', path, { Cookie: owner.creds.cookie });
      expect(res.status, `GET ${path} with only the cookie: ${show(res)}`).toBe(200);
      const foreign = await raw('GET', path, { Cookie: owner.creds.cookie, Origin: 'https://evil.example' });
      expect(foreign.status, `GET ${path} from another Origin is still a read: ${show(foreign)}`).toBe(200);
    }
  });

  it('API-key writes need no CSRF token or Origin; cookie writes on the same route do', async () => {
    const t = await newTenant();
    const key = await t.keyWith('org:write');
    const app = createApp();
    const probe = new OpenAPIHono();
    let ran = 0;
    probe.post('/api/v1/__probe-write', authorize({ roles: ADMINS, scopes: ['org:write'] }), (c) => {
      ran += 1;
      return c.json({ ok: true });
    });
    app.route('/', probe);

    const byKey = await fetchApp(app, '/api/v1/__probe-write', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key.secret}`,
        'Content-Type': 'application/json',
        Origin: 'https://integrator.example',
      },
      body: '{}',
    });
    expect(byKey.status, show(byKey)).toBe(200);
    const byKeyNoOrigin = await fetchApp(app, '/api/v1/__probe-write', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key.secret}` },
    });
    expect(byKeyNoOrigin.status, show(byKeyNoOrigin)).toBe(200);
    expect(ran).toBe(2);

    const owner = t.owner as Session;
    const byCookie = await fetchApp(app, '/api/v1/__probe-write', {
      method: 'POST',
      headers: { Cookie: owner.creds.cookie, Origin: ORIGIN },
    });
    expectError(byCookie, 403, 'CSRF_FAILED');
    expect(ran, 'the handler did not run for the refused cookie write').toBe(2);
    const byCookieOk = await fetchApp(app, '/api/v1/__probe-write', {
      method: 'POST',
      headers: { Cookie: owner.creds.cookie, Origin: ORIGIN, 'X-CSRF-Token': owner.creds.csrf },
    });
    expect(byCookieOk.status, show(byCookieOk)).toBe(200);

    // And a real route: a key (even with every scope) is refused by role/scope, never by CSRF.
    const all = await t.keyWith('org:write', 'audit:read');
    const res = await call({ kind: 'key', secret: all.secret }, 'POST', '/auth/logout', {
      headers: { Origin: 'https://x.example' },
    });
    expectError(res, 403, 'FORBIDDEN');
  });
});
