import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyScopes, roles } from '../../../db/schema';
import { type Caller, call, caller } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import {
  expectError,
  fillPath,
  isPublic,
  label,
  type Operation,
  operations,
  show,
  type XAccess,
} from '../support';

const DUMMY_ID = 'xxx_doesnotexist';

/** Operations that end the caller's session go last, so the caller stays signed in for the rest. */
function ordered(ops: Operation[]): Operation[] {
  const endsSession = (op: Operation) => /\/logout$/.test(op.path);
  return [...ops.filter((op) => !endsSession(op)), ...ops.filter(endsSession)];
}

function callOp(who: Caller, op: Operation) {
  const path = fillPath(op.path, DUMMY_ID);
  const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
  return call(who.creds, op.method, path, body === undefined ? {} : { body });
}

const allows = (access: XAccess | undefined, kind: 'roles' | 'scopes', what: string) =>
  access !== undefined && !('public' in access) && (access[kind] as string[]).includes(what);

async function protectedOps() {
  const ops = (await operations()).filter((op) => !isPublic(op.access));
  for (const op of ops) {
    expect(op.access, `${label(op)} publishes x-access`).toBeDefined();
  }
  return ordered(ops);
}

describe('who may call what (from the OpenAPI document)', () => {
  it('without credentials every non-public operation is 401', async () => {
    for (const op of await protectedOps()) {
      const res = await callOp(caller({ kind: 'none' }), op);
      expectError(res, 401, 'UNAUTHORIZED', label(op));
    }
  });

  it('each key scope admits exactly the operations that list it; all others are 403', async () => {
    const t = await newTenant();
    const ops = await protectedOps();
    const table: string[] = [];
    for (const scope of keyScopes) {
      const key = await t.keyWith(scope);
      for (const op of ops) {
        const res = await callOp(key, op);
        const what = `key with only ${scope} → ${label(op)}`;
        if (allows(op.access, 'scopes', scope)) {
          expect([401, 403], `${what} must be admitted: ${show(res)}`).not.toContain(res.status);
          table.push(`${what}: ${res.status}`);
        } else {
          expectError(res, 403, 'FORBIDDEN', what);
        }
      }
    }
    // Every scope reaches at least /me, so the table is never vacuous.
    for (const scope of keyScopes)
      expect(table.some((l) => l.startsWith(`key with only ${scope} `))).toBe(true);
  });

  it('each role admits exactly the operations that list it; all others are 403', async () => {
    const t = await newTenant();
    const ops = await protectedOps();
    const people: [string, Caller][] = [];
    for (const role of roles) if (role !== 'owner') people.push([role, await t.userWith(role)]);
    people.push(['owner', t.owner]); // last: the owner creates the others, and logs out at the end
    for (const [role, who] of people) {
      for (const op of ops) {
        const res = await callOp(who, op);
        const what = `${role} → ${label(op)}`;
        if (allows(op.access, 'roles', role)) {
          expect([401, 403], `${what} must be admitted: ${show(res)}`).not.toContain(res.status);
        } else {
          expectError(res, 403, 'FORBIDDEN', what);
        }
      }
    }
  });

  it('pins the foundation policy: only owners/admins manage users and keys; auditors read the audit log', async () => {
    const byId = Object.fromEntries((await operations()).map((op) => [op.operationId, op.access]));
    const admins = { roles: ['owner', 'admin'], scopes: [] };
    for (const id of ['listUsers', 'getUser', 'createUser', 'updateUser', 'deleteUser']) {
      expect(byId[id], id).toEqual(admins);
    }
    for (const id of ['listApiKeys', 'getApiKey', 'createApiKey', 'revokeApiKey']) {
      expect(byId[id], id).toEqual(admins);
    }
    for (const id of ['listAuditLog', 'verifyAuditLog']) {
      expect(byId[id], id).toEqual({ roles: ['owner', 'admin', 'auditor'], scopes: ['audit:read'] });
    }
    expect(byId.signup).toEqual({ public: true });
    expect(byId.login).toEqual({ public: true });
  });
});

describe('revoked and expired keys', () => {
  it('a revoked key is 401 at once, on every route it could reach', async () => {
    const t = await newTenant();
    const key = await t.keyWith('audit:read');
    expect((await key.get('/audit-log')).status).toBe(200);
    const revoked = await t.owner.post(`/api-keys/${key.keyId}/revoke`);
    expect(revoked.status, show(revoked)).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    for (const path of ['/me', '/audit-log', '/audit-log/verify']) {
      const res = await key.get(path, { lang: 'en' });
      expectError(res, 401, 'UNAUTHORIZED', `revoked key → GET ${path}`);
      expect(res.body.error.message).toBe('The API key is revoked');
    }
  });

  it('a key past its expiresAt is 401 (expiry set in D1)', async () => {
    const t = await newTenant();
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const created = await t.owner.post('/api-keys', {
      name: 'short-lived',
      scopes: ['audit:read'],
      expiresAt,
    });
    expect(created.status, show(created)).toBe(201);
    expect(created.body.key.expiresAt).toBe(expiresAt);
    const key = caller({ kind: 'key', secret: created.body.secret });
    expect((await key.get('/audit-log')).status).toBe(200);
    await env.DB.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), created.body.key.id)
      .run();
    for (const path of ['/me', '/audit-log']) {
      const res = await key.get(path, { lang: 'en' });
      expectError(res, 401, 'UNAUTHORIZED', `expired key → GET ${path}`);
      expect(res.body.error.message).toBe('The API key has expired');
    }
  });

  it('a key expires by the clock, to the millisecond (no D1 edit)', async () => {
    const t = await newTenant();
    // Whole seconds without milliseconds, the way an integrator may well write it.
    const expiresAt = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000)
      .toISOString()
      .replace('.000Z', 'Z');
    const created = await t.owner.post('/api-keys', { name: 'ticking', scopes: ['org:read'], expiresAt });
    expect(created.status, show(created)).toBe(201);
    expect(created.body.key.expiresAt, 'stored in the canonical form').toBe(expiresAt.replace('Z', '.000Z'));
    const key = caller({ kind: 'key', secret: created.body.secret });
    expect((await key.get('/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 5));
    expectError(await key.get('/me'), 401, 'UNAUTHORIZED', 'after expiresAt');
  });

  it('a key cannot be created already expired', async () => {
    const t = await newTenant();
    const res = await t.owner.post(
      '/api-keys',
      { name: 'stale', scopes: ['org:read'], expiresAt: '2000-01-01T00:00:00.000Z' },
      { lang: 'en' },
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { field: 'expiresAt', code: 'custom', message: 'expiresAt must be in the future' },
    ]);
  });
});
