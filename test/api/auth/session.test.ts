import { describe, expect, it } from 'vitest';
import { call, caller, cookieFrom } from '../../helpers/client';
import { newTenant, PASSWORD, signIn, uniqueSlug } from '../../helpers/tenant';
import { count, expectError, rows, show, snapshotCounts, uniqueIp } from '../support';

const none = { kind: 'none' } as const;

describe('sign-up', () => {
  it('creates the company and its owner, signs the owner in and stores no plain password', async () => {
    const slug = uniqueSlug('signup');
    const res = await call(none, 'POST', '/signup', {
      body: {
        companyName: '绿苑物业',
        slug,
        adminName: '王丽',
        email: ' HR@Lvyuan.Example ',
        password: PASSWORD,
      },
    });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.tenant, show(res)).toMatchObject({ slug, name: '绿苑物业' });
    expect(res.body.tenant.id).toMatch(/^ten_[0-9A-Za-z]{20}$/);
    expect(res.body.user, show(res)).toMatchObject({
      email: 'hr@lvyuan.example',
      name: '王丽',
      role: 'owner',
      active: true,
    });
    expect(res.body.user.id).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(res.body.csrfToken, show(res)).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(Object.keys(res.body.user).sort()).toEqual(
      ['active', 'createdAt', 'email', 'id', 'mustChangePassword', 'name', 'role', 'updatedAt'].sort(),
    );

    const setCookie = res.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^jx_session=[0-9A-Za-z]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const [stored] = await rows<{
      password_hash: string;
      password_salt: string;
      password_iterations: number;
    }>('SELECT password_hash, password_salt, password_iterations FROM users WHERE id = ?', res.body.user.id);
    expect(stored?.password_hash).toBeTruthy();
    expect(stored?.password_hash).not.toContain(PASSWORD);
    expect(stored?.password_iterations).toBe(100_000);
    const [session] = await rows<{ token_hash: string }>(
      'SELECT token_hash FROM sessions WHERE user_id = ?',
      res.body.user.id,
    );
    expect(session?.token_hash, 'only the hash of the cookie token is stored').not.toBe(
      cookieFrom(res).split('=')[1],
    );

    const owner = caller({ kind: 'session', cookie: cookieFrom(res), csrf: res.body.csrfToken });
    const me = await owner.get('/me');
    expect(me.status, show(me)).toBe(200);
    expect(me.body.tenant, show(me)).toEqual(res.body.tenant);
    expect(me.body.principal, show(me)).toEqual({
      kind: 'user',
      user: res.body.user,
      csrfToken: res.body.csrfToken,
      creatableRoles: ['owner', 'admin', 'supervisor', 'employee', 'auditor'],
    });
  });

  it('refuses a taken slug with 409 naming the slug, and writes nothing', async () => {
    const t = await newTenant();
    const before = await snapshotCounts();
    const res = await call(none, 'POST', '/signup', {
      body: {
        companyName: '别家',
        slug: t.slug,
        adminName: '李',
        email: 'other@x.example',
        password: PASSWORD,
      },
      lang: 'en',
    });
    expectError(res, 409, 'CONFLICT');
    expect(res.body.error.message).toBe(`The company slug ${t.slug} is taken`);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
    expect(res.headers.get('Set-Cookie'), 'no session for a refused sign-up').toBeNull();
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('login', () => {
  it('signs in with slug, e-mail (any case) and password; the session answers /me', async () => {
    const t = await newTenant();
    const res = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: t.email.toUpperCase(), password: PASSWORD },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expect(res.status, show(res)).toBe(200);
    expect(res.body.user, show(res)).toMatchObject({ id: t.ownerId, email: t.email, role: 'owner' });
    expect(res.body.tenant, show(res)).toMatchObject({ id: t.tenantId, slug: t.slug });
    const session = caller({ kind: 'session', cookie: cookieFrom(res), csrf: res.body.csrfToken });
    const me = await session.get('/me');
    expect(me.status, show(me)).toBe(200);
    expect(me.body.principal.user.id).toBe(t.ownerId);
    expect(me.body.principal.csrfToken, 'each session has its own CSRF token').toBe(res.body.csrfToken);
    expect(await count('sessions', 'user_id = ?', t.ownerId), 'sign-up session + login session').toBe(2);
  });

  it('answers a wrong password, unknown e-mail and unknown slug alike with 401 and no cookie', async () => {
    const t = await newTenant();
    const attempts = [
      { slug: t.slug, email: t.email, password: 'wrong-password-1' },
      { slug: t.slug, email: `nobody@${t.slug}.example`, password: PASSWORD },
      { slug: uniqueSlug('nosuch'), email: t.email, password: PASSWORD },
    ];
    const sessionsBefore = await count('sessions');
    const messages = new Set<string>();
    for (const body of attempts) {
      const res = await call(none, 'POST', '/auth/login', {
        body,
        headers: { 'CF-Connecting-IP': uniqueIp() },
      });
      expectError(res, 401, 'UNAUTHORIZED');
      expect(res.headers.get('Set-Cookie'), show(res)).toBeNull();
      messages.add(res.body.error.message);
    }
    expect([...messages], 'the three failures are indistinguishable').toEqual(['企业标识、邮箱或密码错误']);
    expect(await count('sessions')).toBe(sessionsBefore);
  });

  it('refuses a deactivated user, and deactivation ends their sessions', async () => {
    const t = await newTenant();
    const emp = await t.userWith('employee');
    expect((await emp.get('/me')).status).toBe(200);
    const off = await t.owner.patch(`/users/${emp.userId}`, { active: false });
    expect(off.status, show(off)).toBe(200);
    const me = await emp.get('/me');
    expectError(me, 401, 'UNAUTHORIZED');
    const res = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: emp.email, password: PASSWORD },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expectError(res, 401, 'UNAUTHORIZED');
  });
});

describe('logout and me', () => {
  it('logout ends only the current session and clears the cookie', async () => {
    const t = await newTenant();
    const second = await signIn(t.slug, t.email);
    const res = await second.post('/auth/logout');
    expect(res.status, show(res)).toBe(204);
    const cleared = res.headers.get('Set-Cookie') ?? '';
    expect(cleared).toMatch(/^jx_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);

    expectError(await second.get('/me'), 401, 'UNAUTHORIZED');
    const again = await second.post('/auth/logout');
    expectError(again, 401, 'UNAUTHORIZED');
    const first = await t.owner.get('/me');
    expect(first.status, `the sign-up session still works: ${show(first)}`).toBe(200);
    expect(await count('sessions', 'user_id = ?', t.ownerId)).toBe(1);
  });

  it('me without credentials or with a forged cookie or key is 401', async () => {
    expectError(await call(none, 'GET', '/me'), 401, 'UNAUTHORIZED');
    const forged = caller({
      kind: 'session',
      cookie: 'jx_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      csrf: 'x',
    });
    expectError(await forged.get('/me'), 401, 'UNAUTHORIZED');
    const key = caller({ kind: 'key', secret: 'pek_notarealkeynotarealkeynotarealkey1234' });
    expectError(await key.get('/me'), 401, 'UNAUTHORIZED');
    const basic = await call(none, 'GET', '/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expectError(basic, 401, 'UNAUTHORIZED');
  });

  it('me with an API key names the key, its scopes and the tenant', async () => {
    const t = await newTenant();
    const key = await t.keyWith('org:read', 'reports:read');
    const me = await key.get('/me');
    expect(me.status, show(me)).toBe(200);
    expect(me.body.tenant.id).toBe(t.tenantId);
    expect(me.body.principal).toEqual({
      kind: 'api_key',
      keyId: key.keyId,
      scopes: ['org:read', 'reports:read'],
    });
  });

  it('an expired session is refused', async () => {
    const t = await newTenant();
    const s = await signIn(t.slug, t.email);
    const me = await s.get('/me');
    expect(me.status).toBe(200);
    await rows(
      "UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ? AND csrf_token = ?",
      t.ownerId,
      me.body.principal.csrfToken,
    );
    const res = await s.get('/me', { lang: 'en' });
    expectError(res, 401, 'UNAUTHORIZED');
    expect(res.body.error.message).toBe('Your session has expired; sign in again');
  });
});
