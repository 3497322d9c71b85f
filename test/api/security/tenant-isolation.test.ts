import { describe, expect, it } from 'vitest';
import { keyScopes } from '../../../db/schema';
import { type Caller, call, caller } from '../../helpers/client';
import { newTenant, PASSWORD, signIn, type TestTenant } from '../../helpers/tenant';
import {
  expectError,
  hasPathParams,
  isPublic,
  label,
  type Operation,
  operations,
  rows,
  show,
} from '../support';

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
  /** Request headers that would let the write through if the tenant check were missing (If-Match). */
  headers?: Record<string, string>;
}

const created = async (res: Promise<{ status: number; body: any }>, status = 201) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
};

/**
 * A month in one company: a department, a position, an employee (工号 `employeeNo`) under a
 * published 客服专员月度 scheme assigned to the position, the period 2026-11 opened, and one input
 * recorded on the employee's evaluation.
 */
async function monthIn(
  owner: Caller,
  names: {
    department: string;
    site: string;
    position: string;
    employeeNo: string;
    employee: string;
    scheme: string;
  },
) {
  const dep = await created(owner.post('/departments', { name: names.department, site: names.site }));
  const pos = await created(
    owner.post('/positions', { name: names.position, baseSalaryFen: 300000, bonusBaseFen: 50000 }),
  );
  const emp = await created(
    owner.post('/employees', {
      employeeNo: names.employeeNo,
      name: names.employee,
      departmentId: dep.id,
      positionId: pos.id,
    }),
  );
  const scheme = await created(owner.post('/schemes', { fromTemplate: 'cs-monthly', name: names.scheme }));
  await created(owner.post(`/schemes/${scheme.id}/versions/1/publish`), 200);
  const assignment = await created(
    owner.put('/scheme-assignments', { targetType: 'position', targetId: pos.id, schemeId: scheme.id }),
    200,
  );
  const opened = await created(owner.post('/periods', { key: '2026-11' }));
  expect(opened.evaluations).toBe(1);
  const list = await created(owner.get(`/evaluations?periodId=${opened.period.id}`), 200);
  const evaluationId: string = list.items[0].id;
  const recorded = await created(
    owner.post(
      `/evaluations/${evaluationId}/inputs`,
      { metrics: [{ indicator: 'calls_answered', value: 1080 }] },
      { headers: { 'If-Match': list.items[0].etag } },
    ),
    200,
  );
  return {
    departmentId: dep.id as string,
    positionId: pos.id as string,
    employeeId: emp.id as string,
    schemeId: scheme.id as string,
    assignmentId: assignment.id as string,
    periodId: opened.period.id as string,
    evaluationId,
    inputId: recorded.inputs[0].id as string,
    etag: recorded.etag as string,
  };
}

/** A key with every scope (`keyWith` would name it past the 100-character limit). */
async function everyScopeKey(t: TestTenant) {
  const res = await created(t.owner.post('/api-keys', { name: 'every scope', scopes: [...keyScopes] }));
  return caller({ kind: 'key', secret: res.secret });
}

const A_NAMES = {
  department: 'A公司的部门',
  site: 'A公司的楼盘',
  position: 'A公司的岗位',
  employeeNo: 'A0001',
  employee: 'A公司的张三',
  scheme: 'A公司的机密方案',
};

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
  const rowOf = (table: string, id: string) => async () => rows(`SELECT * FROM ${table} WHERE id = ?`, id);
  const m = await monthIn(a.owner, A_NAMES);
  // A version 2 draft: the version routes address it, so a missing check would let B change it.
  await created(a.owner.post(`/schemes/${m.schemeId}/versions`));
  const v1 = await created(a.owner.get(`/schemes/${m.schemeId}/versions/1`), 200);
  // A late joiner without an evaluation yet: were the tenant check missing, B could add them.
  const joiner = await created(
    a.owner.post('/employees', {
      employeeNo: 'A0002',
      name: 'A公司的新人',
      departmentId: m.departmentId,
      positionId: m.positionId,
    }),
  );
  // A finished report (its file in R2): B must neither read, download, retry nor delete it.
  const report = await created(
    a.owner.post('/reports', { kind: 'period-scores', format: 'csv', periodId: m.periodId }),
    202,
  );
  for (let i = 0; (await rowOf('reports', report.id)())[0]?.status !== 'ready'; i++) {
    if (i > 200) throw new Error('the report fixture never became ready');
    await new Promise((r) => setTimeout(r, 50));
  }
  const evaluationBodies: Record<string, unknown> = {
    inputs: { ratings: [{ indicator: 'exam', value: 1 }] },
    appeal: { reason: 'B的申诉' },
    resolve: { answer: 'B的答复' },
    reopen: { reason: 'B重新打开' },
  };
  return {
    users: {
      id: user.body.id,
      state: rowOf('users', user.body.id),
      body: () => ({ name: '被B改了', role: 'admin', active: false, password: 'b-chose-this-1' }),
      secrets: [user.body.email, 'A公司的员工'],
    },
    'api-keys': {
      id: key.body.key.id,
      state: rowOf('api_keys', key.body.key.id),
      secrets: ['A公司的密钥', key.body.key.start],
    },
    departments: {
      id: m.departmentId,
      state: async () => [
        await rowOf('departments', m.departmentId)(),
        await rows('SELECT * FROM department_supervisors WHERE department_id = ?', m.departmentId),
      ],
      body: (op) => (op.path.endsWith('/supervisors') ? { userIds: [] } : { name: '被B改了', site: null }),
      secrets: [A_NAMES.department, A_NAMES.site],
    },
    positions: {
      id: m.positionId,
      state: rowOf('positions', m.positionId),
      body: () => ({ name: '被B改了', baseSalaryFen: 1 }),
      secrets: [A_NAMES.position],
    },
    employees: {
      id: m.employeeId,
      state: rowOf('employees', m.employeeId),
      body: () => ({ name: '被B改了', active: false }),
      secrets: [A_NAMES.employee, A_NAMES.employeeNo],
    },
    schemes: {
      id: m.schemeId,
      params: { version: '2' },
      state: async () => [
        await rowOf('schemes', m.schemeId)(),
        await rows('SELECT * FROM scheme_versions WHERE scheme_id = ? ORDER BY version', m.schemeId),
      ],
      body: (op) => {
        if (op.path.endsWith('/preview')) return { metrics: [{ indicator: 'calls_answered', value: 1 }] };
        if (op.method === 'PUT') {
          const [first, ...rest] = v1.content.indicators;
          return { content: { ...v1.content, indicators: [{ ...first, name: '被B改了' }, ...rest] } };
        }
        return { name: '被B改了', description: 'B' };
      },
      secrets: [A_NAMES.scheme],
    },
    periods: {
      id: m.periodId,
      params: { evaluationId: m.evaluationId },
      state: async () => [
        await rowOf('periods', m.periodId)(),
        await rows(
          'SELECT id, employee_id, status, revision FROM evaluations WHERE period_id = ? ORDER BY id',
          m.periodId,
        ),
        await rows('SELECT id FROM evaluation_inputs WHERE evaluation_id = ? ORDER BY id', m.evaluationId),
      ],
      body: (op) =>
        op.method === 'DELETE'
          ? { reason: 'B让A的员工离职' }
          : op.path.endsWith('/evaluations')
            ? { employeeId: joiner.id }
            : {},
      secrets: [A_NAMES.employee, 'A公司的新人'],
    },
    evaluations: {
      id: m.evaluationId,
      params: { inputId: m.inputId },
      // A's real current ETag: were the tenant check missing, every write below would pass If-Match.
      headers: { 'If-Match': m.etag },
      state: async () => [
        await rowOf('evaluations', m.evaluationId)(),
        await rows('SELECT * FROM evaluation_inputs WHERE evaluation_id = ? ORDER BY id', m.evaluationId),
        await rows('SELECT * FROM appeals WHERE evaluation_id = ? ORDER BY id', m.evaluationId),
      ],
      body: (op) => evaluationBodies[op.path.split('/').at(-1)!] ?? {},
      secrets: [A_NAMES.employee, A_NAMES.employeeNo, A_NAMES.scheme],
    },
    reports: {
      id: report.id,
      state: rowOf('reports', report.id),
      secrets: [A_NAMES.employee, A_NAMES.employeeNo],
    },
    'scheme-assignments': {
      id: m.assignmentId,
      state: async () => rows('SELECT * FROM scheme_assignments WHERE tenant_id = ? ORDER BY id', a.tenantId),
      secrets: [],
    },
  };
}

const resourceOf = (path: string) => path.split('/')[1] ?? '';

describe('tenant isolation', () => {
  it("tenant B's owner gets 404 and no data for every {id} operation with tenant A's real ids; A is unchanged", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const fixtures = await fixturesOf(a);
    const aKey = await a.keyWith('audit:read');
    const bAllScopes = await everyScopeKey(b);

    const ops = (await operations()).filter((op) => hasPathParams(op.path) && !isPublic(op.access));
    expect(ops.length, 'there are {id} operations to sweep').toBeGreaterThan(0);
    const swept = new Set<string>();
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
      // An operation without a body of its own takes nothing or `{}` (EmptyBody), and refuses more.
      const body = op.hasBody
        ? (fixture.body?.(op) ?? {})
        : ['POST', 'PUT', 'PATCH'].includes(op.method)
          ? {}
          : undefined;
      const opts = { headers: fixture.headers, ...(body === undefined ? {} : { body }) };
      const res = await call(b.owner.creds, op.method, path, opts);
      const what = `B's owner → ${op.method} ${path}`;
      expectError(res, 404, 'NOT_FOUND', what);
      const text = JSON.stringify(res.body);
      for (const s of fixture.secrets) expect(text, `${what} leaks "${s}"`).not.toContain(s);

      // B's key has every scope: refused where keys are not admitted at all, otherwise not found.
      const byKey = await call(bAllScopes.creds, op.method, path, opts);
      const keysAdmitted = op.access !== undefined && 'scopes' in op.access && op.access.scopes.length > 0;
      expectError(
        byKey,
        keysAdmitted ? 404 : 403,
        keysAdmitted ? 'NOT_FOUND' : 'FORBIDDEN',
        `B's key → ${label(op)}`,
      );
      for (const s of fixture.secrets)
        expect(JSON.stringify(byKey.body), `B's key leaks "${s}"`).not.toContain(s);
      swept.add(resourceOf(op.path));
    }
    expect([...swept].sort(), 'every fixture was used by some operation').toEqual(
      Object.keys(fixtures).sort(),
    );

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
    const aIds = [
      a.tenantId,
      a.ownerId,
      ...Object.values(fixtures).flatMap((f) => [
        f.id,
        ...Object.values(f.params ?? {}).filter((p) => p.length > 8),
      ]),
    ];
    const aSecrets = Object.values(fixtures).flatMap((f) => f.secrets);
    // B has a month of its own, so its lists are not trivially empty.
    const bMonth = await monthIn(b.owner, {
      department: 'B公司的部门',
      site: 'B公司的楼盘',
      position: 'B公司的岗位',
      employeeNo: 'B0001',
      employee: 'B公司的李四',
      scheme: 'B公司的方案',
    });
    const bKey = await everyScopeKey(b);

    const lists = (await operations()).filter(
      (op) => op.method === 'GET' && !hasPathParams(op.path) && !isPublic(op.access),
    );
    const { etag: _etag, ...bIds } = bMonth;
    const bSeen = new Set<string>();
    for (const op of lists) {
      for (const [who, creds] of [
        ["B's owner", b.owner.creds],
        ["B's key", bKey.creds],
      ] as const) {
        const res = await call(creds, 'GET', op.path);
        const text = JSON.stringify(res.body);
        for (const id of aIds) expect(text, `${who} → ${label(op)} shows A's ${id}`).not.toContain(id);
        for (const s of aSecrets) expect(text, `${who} → ${label(op)} shows A's "${s}"`).not.toContain(s);
        for (const id of Object.values(bIds)) if (text.includes(id)) bSeen.add(id);
      }
    }
    expect([...bSeen].sort(), "B's lists do show B's own objects").toEqual(Object.values(bIds).sort());

    // Filtering B's lists by A's ids finds nothing.
    const f = (name: string) => fixtures[name]!.id;
    for (const path of [
      `/evaluations?periodId=${f('periods')}`,
      `/evaluations?employeeId=${f('employees')}`,
      `/evaluations?departmentId=${f('departments')}`,
      `/evaluations?periodId=${f('periods')}&sort=rank`,
      `/employees?departmentId=${f('departments')}`,
      `/employees?positionId=${f('positions')}`,
      `/employees?q=A0001`,
      `/audit-log?entityId=${f('evaluations')}`,
      `/audit-log?entityId=${f('schemes')}`,
    ]) {
      for (const [who, caller] of [
        ["B's owner", b.owner],
        ["B's key", bKey],
      ] as const) {
        const res = await caller.get(path);
        expect(res.status, `${who} → GET ${path}: ${show(res)}`).toBe(200);
        expect(res.body.items, `${who} → GET ${path}`).toEqual([]);
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

  it("a scheme assignment by B naming A's scheme, position, department or employee is 404 and writes nothing", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const am = await monthIn(a.owner, A_NAMES);
    const bDep = await created(b.owner.post('/departments', { name: 'B公司的部门' }));
    const bPos = await created(
      b.owner.post('/positions', { name: 'B公司的岗位', baseSalaryFen: 1, bonusBaseFen: 1 }),
    );
    const bScheme = await created(
      b.owner.post('/schemes', { fromTemplate: 'cs-monthly', name: 'B公司的方案' }),
    );
    await created(b.owner.post(`/schemes/${bScheme.id}/versions/1/publish`), 200);
    const bKey = await b.keyWith('schemes:write');
    const state = async () => ({
      assignments: await rows('SELECT * FROM scheme_assignments ORDER BY id'),
      a: await rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', a.tenantId),
      b: await rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', b.tenantId),
    });
    const before = await state();
    const attempts: [string, Record<string, string>, string][] = [
      [
        "A's scheme on B's position",
        { targetType: 'position', targetId: bPos.id, schemeId: am.schemeId },
        'schemeId',
      ],
      [
        "B's scheme on A's position",
        { targetType: 'position', targetId: am.positionId, schemeId: bScheme.id },
        'targetId',
      ],
      [
        "B's scheme on A's department",
        { targetType: 'department', targetId: am.departmentId, schemeId: bScheme.id },
        'targetId',
      ],
      [
        "B's scheme on A's employee",
        { targetType: 'employee', targetId: am.employeeId, schemeId: bScheme.id },
        'targetId',
      ],
      [
        "A's scheme on A's position",
        { targetType: 'position', targetId: am.positionId, schemeId: am.schemeId },
        'targetId',
      ],
      [
        "A's scheme on B's department",
        { targetType: 'department', targetId: bDep.id, schemeId: am.schemeId },
        'schemeId',
      ],
    ];
    for (const [what, body, field] of attempts) {
      for (const [who, caller] of [
        ["B's owner", b.owner],
        ["B's schemes:write key", bKey],
      ] as const) {
        const res = await caller.put('/scheme-assignments', body);
        expectError(res, 404, 'NOT_FOUND', `${who}: ${what}`);
        expect(res.body.error.details, `${who}: ${what}`).toEqual([expect.objectContaining({ field })]);
        expect(JSON.stringify(res.body)).not.toContain(A_NAMES.scheme);
      }
    }
    expect(await state(), 'no assignment and no audit entry in either company').toEqual(before);
    // A's own assignment still holds, and B's list shows none of it.
    expect((await b.owner.get('/scheme-assignments')).body.items).toEqual([]);
    const aList = await a.owner.get('/scheme-assignments');
    expect(aList.body.items).toEqual([
      expect.objectContaining({ id: am.assignmentId, schemeId: am.schemeId }),
    ]);
  });

  it("ingest by B's key with A's 工号 finds nothing; A's evaluation is unchanged", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const am = await monthIn(a.owner, A_NAMES);
    // B has the same month open, so only the 工号 can be wrong.
    expect((await created(b.owner.post('/periods', { key: '2026-11' }))).evaluations).toBe(0);
    const evaluationState = async () => ({
      evaluation: await rows('SELECT * FROM evaluations WHERE id = ?', am.evaluationId),
      inputs: await rows(
        'SELECT * FROM evaluation_inputs WHERE evaluation_id = ? ORDER BY id',
        am.evaluationId,
      ),
      audit: await rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', a.tenantId),
    });
    const before = await evaluationState();
    const bInputs = await rows('SELECT id FROM evaluation_inputs WHERE tenant_id = ?', b.tenantId);
    for (const scope of ['metrics:write', 'evaluations:write'] as const) {
      const key = await b.keyWith(scope);
      for (const row of [
        { employeeNo: 'A0001', period: '2026-11', indicator: 'calls_answered', value: 1 },
        { employeeNo: 'A0001', period: '2026-11', indicator: 'attendance', rule: 'late', count: 5 },
      ]) {
        const res = await key.post('/ingest', { rows: [row] }, { lang: 'en' });
        expectError(res, 400, 'VALIDATION_FAILED', `B's ${scope} key`);
        // A key that may not read employees gets one answer whether a 工号 exists or not.
        expect(res.body.error.details).toEqual([
          {
            field: 'rows[0].employeeNo',
            code: 'not_accepting',
            message:
              'rows[0].employeeNo: A0001 has no evaluation open for input in 2026-11 (no such 工号, no evaluation, or no longer a draft)',
          },
        ]);
        expect(JSON.stringify(res.body)).not.toContain(A_NAMES.employee);
      }
    }
    // B's owner, through the same route, finds nothing either.
    const byOwner = await b.owner.post('/ingest', {
      rows: [{ employeeNo: 'A0001', period: '2026-11', indicator: 'calls_answered', value: 1 }],
    });
    expectError(byOwner, 400, 'VALIDATION_FAILED', "B's owner");
    expect(byOwner.body.error.details.map((d: any) => d.field)).toEqual(['rows[0].employeeNo']);

    expect(await evaluationState(), "A's evaluation, inputs and audit log are unchanged").toEqual(before);
    expect(await rows('SELECT id FROM evaluation_inputs WHERE tenant_id = ?', b.tenantId)).toEqual(bInputs);
    // A's own key still lands on A's evaluation.
    const aKey = await a.keyWith('metrics:write');
    const mine = await aKey.post('/ingest', {
      rows: [{ employeeNo: 'A0001', period: '2026-11', indicator: 'calls_answered', value: 900 }],
    });
    expect(mine.status, show(mine)).toBe(200);
    expect(mine.body.evaluations.map((e: any) => e.evaluationId)).toEqual([am.evaluationId]);
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
