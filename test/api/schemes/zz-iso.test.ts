import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant, PASSWORD, signIn, type TestTenant } from '../../helpers/tenant';
import { hasPathParams, isPublic, label, type Operation, operations, rows, show } from '../support';

/**
 * Tenant A's real objects, by the first path segment of the operations that address them.
 * A new resource with `{id}` routes must add its fixture here: the sweep fails until it does.
 */
interface Fixture {
  /** Fills every path parameter unless `params` names it. */
  id: string;
  /** Values for other path parameters of nested routes (`{inputId}` …), by name. */
  params?: Record<string, string>;
  /** Raw D1 state of the object, compared before and after tenant B's attempts. */
  state: () => Promise<unknown>;
  /** A body that would change the object if the tenant check were missing. */
  body?: (op: Operation) => unknown;
  /** Strings that must never appear in B's answers (names, e-mails …). */
  secrets: string[];
}

async function fixturesOf(a: TestTenant): Promise<Record<string, Fixture>> {
  const user = await a.owner.post('/users', {
    email: `victim@${a.slug}.example`,
    name: 'A公司的员工',
    role: 'employee',
    password: PASSWORD,
  });
  expect(user.status, show(user)).toBe(201);
  const key = await a.owner.post('/api-keys', { name: 'A公司的密钥', scopes: ['org:read', 'audit:read'] });
  expect(key.status, show(key)).toBe(201);
  const scheme = await a.owner.post('/schemes', { name: 'A公司的方案', fromTemplate: 'cs-monthly' });
  expect(scheme.status, show(scheme)).toBe(201);
  const rowOf = (table: string, id: string) => async () => rows(`SELECT * FROM ${table} WHERE id = ?`, id);
  return {
    users: {
      id: user.body.id,
      state: rowOf('users', user.body.id),
      body: () => ({ name: '被B改了', role: 'admin', active: false, password: 'b-chose-this-1' }),
      secrets: [user.body.email, 'A公司的员工'],
    },
    schemes: {
      id: scheme.body.id,
      state: async () => ({
        scheme: await rowOf('schemes', scheme.body.id)(),
        versions: await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', scheme.body.id),
      }),
      body: (op) =>
        op.method === 'PUT'
          ? { content: { maxScore: 100, categories: [], indicators: [], bands: [] } }
          : op.method === 'PATCH'
            ? { name: '被B改了', description: 'B' }
            : {},
      secrets: ['A公司的方案'],
    },
    'api-keys': {
      id: key.body.key.id,
      state: rowOf('api_keys', key.body.key.id),
      secrets: ['A公司的密钥', key.body.key.start],
    },
  };
}

const resourceOf = (path: string) => path.split('/')[1] ?? '';

describe.only('tenant isolation', () => {
  it("tenant B's owner gets 404 and no data for every {id} operation with tenant A's real ids; A is unchanged", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const fixtures = await fixturesOf(a);
    const aKey = await a.keyWith('audit:read');
    const bAllScopes = await b.keyWith(
      'org:read',
      'org:write',
      'audit:read',
      'reports:read',
      'reports:write',
    );

    const ops = (await operations()).filter((op) => hasPathParams(op.path) && !isPublic(op.access) && ['users','api-keys','schemes'].includes(resourceOf(op.path)));
    expect(ops.length, 'there are {id} operations to sweep').toBeGreaterThan(0);
    const before: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(fixtures)) before[name] = await f.state();
    const aAuditBefore = await rows(
      'SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq',
      a.tenantId,
    );

    for (const op of ops) {
      const fixture = fixtures[resourceOf(op.path)];
      if (!fixture) {
        expect.fail(
          `${label(op)} takes an id but test/api/security/tenant-isolation.test.ts has no fixture for ` +
            `"${resourceOf(op.path)}": add one that creates a real object in tenant A`,
        );
      }
      const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(fixture.params?.[name] ?? fixture.id),
      );
      const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? (fixture.body?.(op) ?? {}) : undefined;
      const res = await call(b.owner.creds, op.method, path, body === undefined ? {} : { body });
      const what = `B's owner → ${op.method} ${path}`;
      expect(res.status, `${what}: ${show(res)}`).toBe(404);
      expect(res.body.error.code, `${what}: ${show(res)}`).toBe('NOT_FOUND');
      const text = JSON.stringify(res.body);
      for (const s of fixture.secrets) expect(text, `${what} leaks "${s}"`).not.toContain(s);

      // B's key: refused by scope or not found, never served.
      const byKey = await call(bAllScopes.creds, op.method, path, body === undefined ? {} : { body });
      expect([403, 404], `B's key → ${op.method} ${path}: ${show(byKey)}`).toContain(byKey.status);
    }

    for (const [name, f] of Object.entries(fixtures)) {
      expect(await f.state(), `A's ${name} object is unchanged`).toEqual(before[name]);
    }
    const aAuditAfter = await rows(
      'SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq',
      a.tenantId,
    );
    expect(aAuditAfter, "nothing was written to A's audit log").toEqual(aAuditBefore);
    expect((await aKey.get('/me')).status, "A's key still works").toBe(200);
    expect((await a.owner.get(`/users/${fixtures.users!.id}`)).status, 'A still sees its user').toBe(200);
    await signIn(a.slug, `victim@${a.slug}.example`); // A's user still has A's password
  });

  it("tenant B's lists and audit log never show tenant A's objects", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const fixtures = await fixturesOf(a);
    const aIds = [a.tenantId, a.ownerId, ...Object.values(fixtures).map((f) => f.id)];
    const bKey = await b.keyWith('audit:read', 'org:read');

    const lists = (await operations()).filter(
      (op) => op.method === 'GET' && !hasPathParams(op.path) && !isPublic(op.access),
    );
    for (const op of lists) {
      for (const [who, creds] of [
        ["B's owner", b.owner.creds],
        ["B's key", bKey.creds],
      ] as const) {
        const res = await call(creds, 'GET', op.path);
        const text = JSON.stringify(res.body);
        for (const id of aIds) expect(text, `${who} → ${label(op)} shows A's ${id}`).not.toContain(id);
      }
    }

    for (const [param, id] of [
      ['entityId', fixtures.users!.id],
      ['actorId', a.ownerId],
      ['entityId', a.tenantId],
    ] as const) {
      const res = await b.owner.get(`/audit-log?${param}=${encodeURIComponent(id)}`);
      expect(res.status, show(res)).toBe(200);
      expect(res.body.items, `B filtering its audit log by A's ${param}`).toEqual([]);
    }
    const verify = await b.owner.get('/audit-log/verify');
    const bEntries = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?',
      b.tenantId,
    );
    expect(verify.body, "B's verify covers only B's chain").toMatchObject({
      ok: true,
      checked: bEntries[0]!.n,
    });
    const me = await b.owner.get('/me');
    expect(me.body.tenant.id).toBe(b.tenantId);
  });

  it('a session cookie and an API key of tenant B never act in tenant A even when both are sent', async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const bKey = await b.keyWith('audit:read');
    const res = await call(a.owner.creds, 'GET', '/audit-log', {
      headers: { Authorization: `Bearer ${bKey.secret}` },
    });
    expect(res.status, show(res)).toBe(200);
    const tenants = new Set(
      (
        await rows<{ tenant_id: string }>(
          'SELECT tenant_id FROM audit_log WHERE id IN (SELECT value FROM json_each(?))',
          JSON.stringify(res.body.items.map((e: any) => e.id)),
        )
      ).map((r) => r.tenant_id),
    );
    expect([...tenants], 'the bearer key wins and answers for its own tenant only').toEqual([b.tenantId]);
  });
});
