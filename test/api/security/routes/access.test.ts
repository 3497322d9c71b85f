import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyScopes, type Role, roles } from '../../../../db/schema';
import { type Caller, call, caller } from '../../../helpers/client';
import { newTenant } from '../../../helpers/tenant';
import { expectError, fillPath, isPublic, label, type Operation, operations, show } from '../../support';

/*
 * Who may call what, from each operation's published `x-access`: every role and every key
 * scope against every operation. The route-level check runs before any lookup, so ids that
 * name nothing are enough; whether the caller may touch a given object is the access
 * policy's business (and another company's object is foreign-ids.test.ts's).
 */

const NOWHERE = 'xxx_doesnotexist';

/** Operations that end the caller's session go last, so the caller stays signed in for the rest. */
async function protectedOps(): Promise<Operation[]> {
  const ops = (await operations()).filter((op) => !isPublic(op.access));
  for (const op of ops) expect(op.access, `${label(op)} publishes x-access`).toBeDefined();
  const endsSession = (op: Operation) => /\/logout$/.test(op.path);
  return [...ops.filter((op) => !endsSession(op)), ...ops.filter(endsSession)];
}

const writes = (op: Operation) => ['POST', 'PUT', 'PATCH'].includes(op.method) || op.hasBody;
const callOp = (who: Caller, op: Operation) =>
  call(who.creds, op.method, fillPath(op.path, NOWHERE), writes(op) ? { body: {} } : {});

/** The declared roles and scopes, as the refusal's `details.allowed` must name them. */
const declared = (op: Operation) => {
  const a = op.access as { roles: string[]; scopes: string[] };
  return { roles: a.roles, scopes: a.scopes };
};

/** Admitted: not 401, and not the route-level refusal (a later 403 of the policy has no `allowed`). */
function expectAdmitted(res: Awaited<ReturnType<typeof callOp>>, what: string) {
  expect(res.status, `${what} must be admitted: ${show(res)}`).not.toBe(401);
  if (res.status === 403)
    expect(res.body.error.details?.allowed, `${what} is refused by the route: ${show(res)}`).toBeUndefined();
}

function expectRefused(res: Awaited<ReturnType<typeof callOp>>, op: Operation, what: string) {
  expectError(res, 403, 'FORBIDDEN', what);
  expect(res.body.error.details, `${what} names who may`).toEqual({ allowed: declared(op) });
}

describe('who may call what (from x-access in the OpenAPI document)', () => {
  it('without credentials every non-public operation is 401', async () => {
    for (const op of await protectedOps())
      expectError(await callOp(caller({ kind: 'none' }), op), 401, 'UNAUTHORIZED', label(op));
  });

  it('a key with one scope is admitted exactly where x-access lists that scope, else 403 naming the scopes', async () => {
    const t = await newTenant();
    const ops = await protectedOps();
    for (const scope of keyScopes) {
      const key = await t.keyWith(scope);
      let admitted = 0;
      for (const op of ops) {
        const res = await callOp(key, op);
        const what = `key with only ${scope} → ${label(op)}`;
        if (declared(op).scopes.includes(scope)) {
          expectAdmitted(res, what);
          admitted += 1;
        } else expectRefused(res, op, what);
      }
      expect(admitted, `${scope} reaches something (GET /me at least)`).toBeGreaterThan(0);
    }
  });

  it('a person of each role is admitted exactly where x-access lists the role, else 403 naming the roles', async () => {
    const t = await newTenant();
    const ops = await protectedOps();
    const people: [Role, Caller][] = [];
    for (const role of roles) if (role !== 'owner') people.push([role, await t.userWith(role)]);
    people.push(['owner', t.owner]); // last: the owner made the others, and logs out at the end
    for (const [role, who] of people) {
      for (const op of ops) {
        const res = await callOp(who, op);
        const what = `${role} → ${label(op)}`;
        if (declared(op).roles.includes(role)) expectAdmitted(res, what);
        else expectRefused(res, op, what);
      }
    }
  });

  it('pins the foundation policy: only owners/admins manage users and keys; auditors read the audit log', async () => {
    const byId = Object.fromEntries((await operations()).map((op) => [op.operationId, op.access]));
    const admins = { roles: ['owner', 'admin'], scopes: [] };
    for (const id of ['listUsers', 'getUser', 'createUser', 'updateUser', 'deleteUser'])
      expect(byId[id], id).toEqual(admins);
    for (const id of ['listApiKeys', 'getApiKey', 'createApiKey', 'revokeApiKey'])
      expect(byId[id], id).toEqual(admins);
    for (const id of ['listAuditLog', 'verifyAuditLog'])
      expect(byId[id], id).toEqual({ roles: ['owner', 'admin', 'auditor'], scopes: ['audit:read'] });
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
