import { describe, expect, it } from 'vitest';
import { type Caller, call, caller, cookieFrom, type Reply } from '../../helpers/client';
import { newTenant, PASSWORD, uniqueSlug } from '../../helpers/tenant';
import { expectError, rows, show, uniqueIp } from '../support';

interface Entry {
  id: string;
  seq: number;
  at: string;
  actor: { type: string; id: string };
  action: string;
  entity: { type: string; id: string };
  before: any;
  after: any;
  requestId: string;
  prevHash: string;
  hash: string;
}

/** All entries of the caller's tenant, newest first, through the API. */
async function allEntries(who: Caller, query = ''): Promise<Entry[]> {
  const out: Entry[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams(query);
    q.set('limit', '200');
    if (cursor) q.set('cursor', cursor);
    const res = await who.get(`/audit-log?${q}`);
    expect(res.status, show(res)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

const requestIdOf = (r: Reply) => {
  const id = r.headers.get('X-Request-Id');
  expect(id, `X-Request-Id on ${show(r)}`).toMatch(/^req_[0-9A-Za-z]{16}$/);
  return id!;
};

/** The entries written by one request, found by its X-Request-Id. */
async function entriesOf(who: Caller, res: Reply): Promise<Entry[]> {
  const rid = requestIdOf(res);
  return (await allEntries(who)).filter((e) => e.requestId === rid).sort((a, b) => a.seq - b.seq);
}

describe('every write leaves an audit entry', () => {
  it('sign-up, login, logout, user create/update/delete and key create/revoke, with actor, entity, before/after and the request id', async () => {
    // Sign-up (by hand, to see its X-Request-Id).
    const slug = uniqueSlug('audit');
    const email = `owner@${slug}.example`;
    const signup = await call({ kind: 'none' }, 'POST', '/signup', {
      body: { companyName: '审计物业', slug, adminName: '王丽', email, password: PASSWORD },
    });
    expect(signup.status, show(signup)).toBe(201);
    const owner = caller({ kind: 'session', cookie: cookieFrom(signup), csrf: signup.body.csrfToken });
    const ownerId: string = signup.body.user.id;
    const tenantId: string = signup.body.tenant.id;
    // Entries name their actor too (the history reads by name); the id is what is recorded.
    const byOwner = { type: 'user', id: ownerId, name: expect.any(String) };

    const s = await entriesOf(owner, signup);
    expect(
      s.map((e) => e.action),
      'sign-up entries',
    ).toEqual(['tenant.create', 'user.create']);
    expect(s[0]).toMatchObject({
      actor: byOwner,
      entity: { type: 'tenant', id: tenantId },
      before: null,
      after: signup.body.tenant,
    });
    expect(s[1]).toMatchObject({
      actor: byOwner,
      entity: { type: 'user', id: ownerId },
      before: null,
      after: signup.body.user,
    });

    // Login.
    const login = await call({ kind: 'none' }, 'POST', '/auth/login', {
      body: { slug, email, password: PASSWORD },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expect(login.status, show(login)).toBe(200);
    const second = caller({ kind: 'session', cookie: cookieFrom(login), csrf: login.body.csrfToken });
    const [sessionRow] = await rows<{ id: string; expires_at: string }>(
      'SELECT id, expires_at FROM sessions WHERE csrf_token = ?',
      login.body.csrfToken,
    );
    const l = await entriesOf(owner, login);
    expect(l, 'one login entry').toHaveLength(1);
    expect(l[0]).toMatchObject({
      action: 'session.create',
      actor: byOwner,
      entity: { type: 'session', id: sessionRow!.id },
      before: null,
      after: { id: sessionRow!.id, userId: ownerId, expiresAt: sessionRow!.expires_at },
    });

    // Logout.
    const logout = await second.post('/auth/logout');
    expect(logout.status, show(logout)).toBe(204);
    const o = await entriesOf(owner, logout);
    expect(o).toHaveLength(1);
    expect(o[0]).toMatchObject({
      action: 'session.delete',
      actor: byOwner,
      entity: { type: 'session', id: sessionRow!.id },
      before: { id: sessionRow!.id, userId: ownerId },
      after: null,
    });

    // User create, update, delete.
    const created = await owner.post('/users', {
      email: 'li@x.example',
      name: '李雷',
      role: 'employee',
      password: PASSWORD,
    });
    expect(created.status, show(created)).toBe(201);
    const userId: string = created.body.id;
    // The answer adds what the caller may do to the account; the audit keeps the account alone.
    const account = ({
      allowedActions: _a,
      assignableRoles: _r,
      suspended: _s,
      ...rest
    }: Record<string, unknown>) => rest;
    const uc = await entriesOf(owner, created);
    expect(uc).toEqual([
      expect.objectContaining({
        action: 'user.create',
        actor: byOwner,
        entity: { type: 'user', id: userId },
        before: null,
        after: account(created.body),
      }),
    ]);

    const updated = await owner.patch(`/users/${userId}`, {
      name: '李雷雷',
      role: 'supervisor',
      password: 'a-new-password-9',
    });
    expect(updated.status, show(updated)).toBe(200);
    const uu = await entriesOf(owner, updated);
    expect(uu).toHaveLength(1);
    expect(uu[0]).toMatchObject({
      action: 'user.update',
      actor: byOwner,
      entity: { type: 'user', id: userId },
      before: account(created.body),
      after: { ...account(updated.body), passwordReset: true },
    });
    expect(uu[0]!.before.name).toBe('李雷');
    expect(uu[0]!.after.name).toBe('李雷雷');

    const deleted = await owner.delete(`/users/${userId}`);
    expect(deleted.status, show(deleted)).toBe(204);
    const ud = await entriesOf(owner, deleted);
    expect(ud).toEqual([
      expect.objectContaining({
        action: 'user.delete',
        actor: byOwner,
        entity: { type: 'user', id: userId },
        before: account(updated.body),
        after: null,
      }),
    ]);

    // Key create and revoke.
    const key = await owner.post('/api-keys', { name: '话务系统', scopes: ['metrics:write'] });
    expect(key.status, show(key)).toBe(201);
    const keyId: string = key.body.key.id;
    const kc = await entriesOf(owner, key);
    expect(kc).toEqual([
      expect.objectContaining({
        action: 'api_key.create',
        actor: byOwner,
        entity: { type: 'api_key', id: keyId },
        before: null,
        after: account(key.body.key),
      }),
    ]);
    const revoke = await owner.post(`/api-keys/${keyId}/revoke`);
    expect(revoke.status, show(revoke)).toBe(200);
    const kr = await entriesOf(owner, revoke);
    expect(kr).toEqual([
      expect.objectContaining({
        action: 'api_key.revoke',
        actor: byOwner,
        entity: { type: 'api_key', id: keyId },
        before: account(key.body.key),
        after: account(revoke.body),
      }),
    ]);
    expect(kr[0]!.before.revokedAt).toBeNull();
    expect(kr[0]!.after.revokedAt).toEqual(expect.any(String));

    // A second revoke changes nothing and records nothing.
    const again = await owner.post(`/api-keys/${keyId}/revoke`);
    expect(again.status).toBe(200);
    expect(await entriesOf(owner, again)).toEqual([]);

    // One unbroken chain over all of it.
    const all = await allEntries(owner);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: all.length }, (_, i) => all.length - i));
    const verify = await owner.get('/audit-log/verify');
    expect(verify.body, show(verify)).toMatchObject({
      ok: true,
      checked: all.length,
      headHash: all[0]!.hash,
    });
  });

  it('a write refused by access leaves no entry; a key records who created it', async () => {
    const t = await newTenant();
    const key = await t.keyWith('audit:read');
    // Keys cannot write foundation data; a failed write by a key leaves nothing either.
    const refused = await key.post('/users', {
      email: 'k@x.example',
      name: 'k',
      role: 'employee',
      password: PASSWORD,
    });
    expectError(refused, 403, 'FORBIDDEN');
    const entries = await allEntries(t.owner);
    expect(entries.find((e) => e.requestId === requestIdOf(refused))).toBeUndefined();
    const created = entries.find((e) => e.entity.id === key.keyId);
    expect(created, 'the key was created by the owner').toMatchObject({
      action: 'api_key.create',
      actor: { type: 'user', id: t.ownerId },
    });
    expect(created!.after.createdBy).toBe(t.ownerId);
  });
});

describe('no secrets in the audit log', () => {
  it('never holds a password, password hash or salt, key secret or hash, session token or CSRF token', async () => {
    const t = await newTenant();
    const emp = await t.userWith('employee');
    const pw = 'another-secret-pw-7';
    expect((await t.owner.patch(`/users/${emp.userId}`, { password: pw })).status).toBe(200);
    const created = await t.owner.post('/api-keys', { name: 'k', scopes: ['org:read'] });
    const secret: string = created.body.secret;
    expect((await t.owner.post(`/api-keys/${created.body.key.id}/revoke`)).status).toBe(200);
    const session = await call({ kind: 'none' }, 'POST', '/auth/login', {
      body: { slug: t.slug, email: emp.email, password: pw },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expect(session.status, show(session)).toBe(200);
    const sessionToken = cookieFrom(session).split('=')[1]!;
    expect((await t.owner.delete(`/users/${emp.userId}`)).status).toBe(204);

    const forbidden = [
      PASSWORD,
      pw,
      secret,
      sessionToken,
      session.body.csrfToken,
      t.owner.creds.kind === 'session' ? t.owner.creds.csrf : '',
    ];
    for (const u of await rows<{ password_hash: string; password_salt: string }>(
      'SELECT password_hash, password_salt FROM users WHERE tenant_id = ?',
      t.tenantId,
    )) {
      forbidden.push(u.password_hash, u.password_salt);
    }
    for (const k of await rows<{ key_hash: string }>(
      'SELECT key_hash FROM api_keys WHERE tenant_id = ?',
      t.tenantId,
    )) {
      forbidden.push(k.key_hash);
    }
    for (const s of await rows<{ token_hash: string; csrf_token: string }>(
      'SELECT token_hash, csrf_token FROM sessions WHERE tenant_id = ?',
      t.tenantId,
    )) {
      forbidden.push(s.token_hash, s.csrf_token);
    }
    const raw = await rows<Record<string, unknown>>(
      'SELECT * FROM audit_log WHERE tenant_id = ?',
      t.tenantId,
    );
    expect(raw.length).toBeGreaterThanOrEqual(8);
    const text = JSON.stringify(raw);
    for (const f of forbidden.filter(Boolean))
      expect(text, `the audit log contains a secret (${f.slice(0, 6)}…)`).not.toContain(f);
    for (const field of [
      'password',
      'passwordHash',
      'passwordSalt',
      'keyHash',
      'key_hash',
      'tokenHash',
      'csrfToken',
      'secret',
    ]) {
      expect(text, `the audit log has a "${field}" field`).not.toMatch(new RegExp(`\\\\"${field}\\\\"`));
    }
    expect(text).toContain('passwordReset');
  });
});

describe('GET /audit-log', () => {
  async function busyTenant() {
    const t = await newTenant();
    const admin = await t.userWith('admin');
    const u1 = await t.owner.post('/users', {
      email: 'a@x.example',
      name: 'A',
      role: 'employee',
      password: PASSWORD,
    });
    const u2 = await admin.post('/users', {
      email: 'b@x.example',
      name: 'B',
      role: 'employee',
      password: PASSWORD,
    });
    await t.owner.patch(`/users/${u1.body.id}`, { name: 'A2' });
    await admin.patch(`/users/${u1.body.id}`, { name: 'A3' });
    const key = await admin.post('/api-keys', { name: 'k', scopes: ['org:read'] });
    await t.owner.delete(`/users/${u2.body.id}`);
    return { t, admin, u1: u1.body.id as string, u2: u2.body.id as string, keyId: key.body.key.id as string };
  }

  it('filters by entityType, entityId and actorId', async () => {
    const { t, admin, u1, u2, keyId } = await busyTenant();
    const all = await allEntries(t.owner);

    const users = await allEntries(t.owner, 'entityType=user');
    expect(users.length).toBe(all.filter((e) => e.entity.type === 'user').length);
    expect(new Set(users.map((e) => e.entity.type))).toEqual(new Set(['user']));

    const ofU1 = await allEntries(t.owner, `entityId=${u1}`);
    expect(ofU1.map((e) => e.action)).toEqual(['user.update', 'user.update', 'user.create']);
    expect(ofU1.map((e) => e.after.name)).toEqual(['A3', 'A2', 'A']);
    const ofU2 = await allEntries(t.owner, `entityType=user&entityId=${u2}`);
    expect(ofU2.map((e) => e.action)).toEqual(['user.delete', 'user.create']);
    expect(await allEntries(t.owner, `entityType=api_key&entityId=${u1}`)).toEqual([]);

    const byAdmin = await allEntries(t.owner, `actorId=${admin.userId}`);
    expect(byAdmin.map((e) => `${e.action} ${e.entity.id}`)).toEqual([
      `api_key.create ${keyId}`,
      `user.update ${u1}`,
      `user.create ${u2}`,
      // The admin chose their own password at first sign-in (twice: the helper keeps the same one).
      `user.password_change ${admin.userId}`,
      `user.password_change ${admin.userId}`,
      expect.stringMatching(/^session\.create ses_/),
    ]);
    expect(new Set(byAdmin.map((e) => e.actor.id))).toEqual(new Set([admin.userId]));
  });

  it('filters by time, from and to inclusive, with or without milliseconds', async () => {
    const { t } = await busyTenant();
    const all = await allEntries(t.owner); // newest first
    const pivot = all[Math.floor(all.length / 2)]!;
    const expected = (pred: (ms: number) => boolean) =>
      all.filter((e) => pred(Date.parse(e.at))).map((e) => e.id);

    const from = await allEntries(t.owner, `from=${encodeURIComponent(pivot.at)}`);
    expect(from.map((e) => e.id)).toEqual(expected((ms) => ms >= Date.parse(pivot.at)));
    const to = await allEntries(t.owner, `to=${encodeURIComponent(pivot.at)}`);
    expect(to.map((e) => e.id)).toEqual(expected((ms) => ms <= Date.parse(pivot.at)));

    // Whole seconds, as a person would type them: 05:19:29Z means 05:19:29.000.
    const second = `${pivot.at.slice(0, 19)}Z`;
    const fromSec = await allEntries(t.owner, `from=${encodeURIComponent(second)}`);
    expect(
      fromSec.map((e) => e.id),
      `from=${second}`,
    ).toEqual(expected((ms) => ms >= Date.parse(second)));
    expect(fromSec.map((e) => e.id)).toContain(pivot.id);
    const toSec = await allEntries(t.owner, `to=${encodeURIComponent(second)}`);
    expect(
      toSec.map((e) => e.id),
      `to=${second}`,
    ).toEqual(expected((ms) => ms <= Date.parse(second)));

    const window = await allEntries(
      t.owner,
      `from=${encodeURIComponent(all.at(-1)!.at)}&to=${encodeURIComponent(all[0]!.at)}`,
    );
    expect(window.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(await allEntries(t.owner, 'from=2999-01-01T00:00:00.000Z')).toEqual([]);
    expect(await allEntries(t.owner, 'to=2000-01-01T00:00:00.000Z')).toEqual([]);

    const bad = await t.owner.get('/audit-log?from=yesterday', { lang: 'en' });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([
      expect.objectContaining({ field: 'from', code: 'invalid_format' }),
    ]);
  });

  it('pages with a cursor, newest first, without gaps or repeats, also under a filter', async () => {
    const { t } = await busyTenant();
    const all = await allEntries(t.owner);
    expect(all.length).toBeGreaterThanOrEqual(8);

    for (const [query, expected] of [
      ['', all],
      ['entityType=user', all.filter((e) => e.entity.type === 'user')],
    ] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Reply = await t.owner.get(
          `/audit-log?limit=3&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status, show(res)).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((e: Entry) => e.seq));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect(seen, `pages of ${query || 'everything'}`).toEqual(expected.map((e) => e.seq));
      expect(pages, 'the last page has no next cursor').toBe(Math.ceil(expected.length / 3));
    }

    const bad = await t.owner.get('/audit-log?cursor=not-a-cursor', { lang: 'en' });
    expectError(bad, 400, 'BAD_REQUEST');
    expect(bad.body.error.message).toBe('The pagination cursor is invalid');
    const badLimit = await t.owner.get('/audit-log?limit=0');
    expectError(badLimit, 400, 'VALIDATION_FAILED');
    expect(badLimit.body.error.details).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('auditors, admins and owners read it (and verify); supervisors and employees cannot', async () => {
    const t = await newTenant();
    for (const role of ['auditor', 'admin'] as const) {
      const who = await t.userWith(role);
      const res = await who.get('/audit-log');
      expect(res.status, `${role}: ${show(res)}`).toBe(200);
      expect(res.body.items.length, role).toBeGreaterThan(0);
      expect((await who.get('/audit-log/verify')).body.ok, role).toBe(true);
    }
    for (const role of ['supervisor', 'employee'] as const) {
      const who = await t.userWith(role);
      expectError(await who.get('/audit-log'), 403, 'FORBIDDEN', role);
      expectError(await who.get('/audit-log/verify'), 403, 'FORBIDDEN', role);
      expectError(await who.get(`/audit-log?actorId=${who.userId}`), 403, 'FORBIDDEN', role);
    }
    expect((await (await t.keyWith('audit:read')).get('/audit-log')).status).toBe(200);
    expectError(await (await t.keyWith('org:read', 'reports:read')).get('/audit-log'), 403, 'FORBIDDEN');
  });
});
