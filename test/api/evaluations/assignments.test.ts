import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { newTenant, type TestTenant } from '../../helpers/tenant';
import { ok } from './fixtures';

/*
 * /scheme-assignments: which scheme applies to a position, a department, or one employee (an
 * override). One scheme per target; PUT again replaces it. HR writes, auditors read.
 */

async function auditCount(tenantId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?')
    .bind(tenantId)
    .first<{ n: number }>();
  return row?.n ?? -1;
}

interface Setup {
  t: TestTenant;
  departmentId: string;
  positionId: string;
  employeeId: string;
  schemeA: string;
  schemeB: string;
}

async function setup(): Promise<Setup> {
  const t = await newTenant('安居物业');
  const dep = ok(await t.owner.post('/departments', { name: '客服部' }), 201);
  const pos = ok(
    await t.owner.post('/positions', { name: '客服专员', baseSalaryFen: 300_000, bonusBaseFen: 100_000 }),
    201,
  );
  const emp = ok(
    await t.owner.post('/employees', {
      employeeNo: 'KF001',
      name: '张敏',
      departmentId: dep.id,
      positionId: pos.id,
    }),
    201,
  );
  const a = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name: '方案甲' }), 201);
  const b = ok(await t.owner.post('/schemes', { fromTemplate: 'express-operator', name: '方案乙' }), 201);
  return { t, departmentId: dep.id, positionId: pos.id, employeeId: emp.id, schemeA: a.id, schemeB: b.id };
}

describe('PUT /scheme-assignments', () => {
  it('creates one assignment per target, and a second PUT replaces it (same id), each audited', async () => {
    const s = await setup();
    const { t } = s;
    const created = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'position',
        targetId: s.positionId,
        schemeId: s.schemeA,
      }),
    );
    expect(created).toEqual({
      id: expect.stringMatching(/^asg_[0-9A-Za-z]{20}$/),
      targetType: 'position',
      targetId: s.positionId,
      schemeId: s.schemeA,
      updatedAt: expect.any(String),
    });
    const replaced = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'position',
        targetId: s.positionId,
        schemeId: s.schemeB,
      }),
    );
    expect(replaced).toMatchObject({ id: created.id, targetType: 'position', schemeId: s.schemeB });

    // The same scheme may apply to other targets; each target keeps its own row.
    const dep = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'department',
        targetId: s.departmentId,
        schemeId: s.schemeB,
      }),
    );
    const own = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'employee',
        targetId: s.employeeId,
        schemeId: s.schemeA,
      }),
    );
    const list = ok(await t.owner.get('/scheme-assignments')).items;
    expect(list).toHaveLength(3);
    expect(Object.fromEntries(list.map((a: any) => [a.targetType, [a.id, a.targetId, a.schemeId]]))).toEqual({
      department: [dep.id, s.departmentId, s.schemeB],
      employee: [own.id, s.employeeId, s.schemeA],
      position: [created.id, s.positionId, s.schemeB],
    });

    const log = ok(await t.owner.get(`/audit-log?entityType=scheme_assignment&entityId=${created.id}`));
    expect(log.items.map((e: any) => e.action)).toEqual([
      'scheme_assignment.update',
      'scheme_assignment.create',
    ]);
    expect(log.items[0].before).toMatchObject({ schemeId: s.schemeA });
    expect(log.items[0].after).toMatchObject({ schemeId: s.schemeB });
    expect(log.items[1].before).toBeNull();
    expect(log.items[1].actor).toMatchObject({ type: 'user', id: t.ownerId });
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('an archived scheme is 409 naming schemeId; nothing changes', async () => {
    const s = await setup();
    const { t } = s;
    const body = { targetType: 'position', targetId: s.positionId, schemeId: s.schemeA };
    const kept = ok(await t.owner.put('/scheme-assignments', body));
    ok(await t.owner.post(`/schemes/${s.schemeB}/archive`));
    const audit = await auditCount(t.tenantId);
    const res = await t.owner.put('/scheme-assignments', { ...body, schemeId: s.schemeB });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['schemeId']);
    expect(await auditCount(t.tenantId)).toBe(audit);
    expect(ok(await t.owner.get('/scheme-assignments')).items).toEqual([kept]);
  });

  it('an unknown target or scheme is 404 naming the field, also another tenant’s or the wrong kind', async () => {
    const s = await setup();
    const { t } = s;
    const other = await setup();
    const put = (targetType: string, targetId: string, schemeId: string) =>
      t.owner.put('/scheme-assignments', { targetType, targetId, schemeId });
    const cases: [string, string, string, string][] = [
      ['position', 'pos_00000000000000000000', s.schemeA, 'targetId'],
      ['department', s.positionId, s.schemeA, 'targetId'], // a position is not a department
      ['employee', s.departmentId, s.schemeA, 'targetId'],
      ['employee', other.employeeId, s.schemeA, 'targetId'], // another company's employee
      ['department', other.departmentId, s.schemeA, 'targetId'],
      ['position', s.positionId, 'sch_00000000000000000000', 'schemeId'],
      ['position', s.positionId, other.schemeA, 'schemeId'], // another company's scheme
    ];
    const audit = await auditCount(t.tenantId);
    for (const [targetType, targetId, schemeId, field] of cases) {
      const res = await put(targetType, targetId, schemeId);
      expect(res.status, `${targetType} ${targetId} ${schemeId}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.body.error.details.map((d: any) => d.field)).toEqual([field]);
    }
    expect(await auditCount(t.tenantId)).toBe(audit);
    expect(ok(await t.owner.get('/scheme-assignments')).items).toEqual([]);

    // Shape errors are 400 naming the field.
    const bad = await t.owner.put('/scheme-assignments', {
      targetType: 'site',
      targetId: s.departmentId,
      schemeId: s.schemeA,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['targetType']);
    const missing = await t.owner.put('/scheme-assignments', {
      targetType: 'position',
      targetId: s.positionId,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: any) => d.field)).toEqual(['schemeId']);
  });
});

describe('PUT /scheme-assignments at once', () => {
  it('20 first assignments of one target at once: all succeed, one row, the last audited write holds', async () => {
    const s = await setup();
    const { t } = s;
    const admin = await t.userWith('admin');
    const n = 20; // enough for two of them to plan an insert before either commits
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 ? admin : t.owner).put('/scheme-assignments', {
          targetType: 'employee',
          targetId: s.employeeId,
          schemeId: i % 3 ? s.schemeA : s.schemeB,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(n).fill(200));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const items = ok(await t.owner.get('/scheme-assignments')).items;
    expect(items).toHaveLength(1);
    const log = ok(await t.owner.get(`/audit-log?entityType=scheme_assignment&entityId=${items[0].id}`));
    expect(log.items.map((e: any) => e.action).sort()).toEqual([
      'scheme_assignment.create',
      ...Array(n - 1).fill('scheme_assignment.update'),
    ]);
    // The row holds what the last audited write says it holds.
    expect(log.items[0].after.schemeId).toBe(items[0].schemeId);
  });
});

describe('DELETE /scheme-assignments/{id}', () => {
  it('removes the assignment, audited with what it was; a second delete and another tenant get 404', async () => {
    const s = await setup();
    const { t } = s;
    const a = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'department',
        targetId: s.departmentId,
        schemeId: s.schemeA,
      }),
    );
    const other = await newTenant();
    expect((await other.owner.delete(`/scheme-assignments/${a.id}`)).status).toBe(404);
    expect(ok(await other.owner.get('/scheme-assignments')).items).toEqual([]);

    const res = await t.owner.delete(`/scheme-assignments/${a.id}`);
    expect(res.status).toBe(204);
    expect(ok(await t.owner.get('/scheme-assignments')).items).toEqual([]);
    expect((await t.owner.delete(`/scheme-assignments/${a.id}`)).status).toBe(404);
    const log = ok(await t.owner.get(`/audit-log?entityType=scheme_assignment&entityId=${a.id}`));
    expect(log.items.map((e: any) => e.action)).toEqual([
      'scheme_assignment.delete',
      'scheme_assignment.create',
    ]);
    expect(log.items[0].before).toMatchObject({ targetType: 'department', schemeId: s.schemeA });
    expect(log.items[0].after).toBeNull();

    // The target is free again: a new PUT creates a new assignment.
    const again = ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'department',
        targetId: s.departmentId,
        schemeId: s.schemeB,
      }),
    );
    expect(again.id).not.toBe(a.id);
  });
});

describe('who may read and write assignments', () => {
  it('HR and schemes:write keys write; supervisors, employees, auditors and read keys cannot', async () => {
    const s = await setup();
    const { t } = s;
    const body = { targetType: 'position', targetId: s.positionId, schemeId: s.schemeA };
    const a = ok(await t.owner.put('/scheme-assignments', body));
    const refused = [
      await t.userWith('supervisor'),
      await t.userWith('employee'),
      await t.userWith('auditor'),
      await t.keyWith('schemes:read'),
      await t.keyWith('org:write'),
      await t.keyWith('evaluations:write'),
    ];
    const audit = await auditCount(t.tenantId);
    for (const who of refused) {
      const put = await who.put('/scheme-assignments', { ...body, schemeId: s.schemeB });
      expect(put.status).toBe(403);
      expect(put.body.error.code).toBe('FORBIDDEN');
      expect((await who.delete(`/scheme-assignments/${a.id}`)).status).toBe(403);
    }
    expect(await auditCount(t.tenantId)).toBe(audit);
    expect(ok(await t.owner.get('/scheme-assignments')).items).toEqual([a]);

    // Reading: HR, auditors and schemes keys; not supervisors or employees.
    const auditor = await t.userWith('auditor');
    expect(ok(await auditor.get('/scheme-assignments')).items).toEqual([a]);
    expect(ok(await (await t.keyWith('schemes:read')).get('/scheme-assignments')).items).toEqual([a]);
    expect((await (await t.userWith('supervisor')).get('/scheme-assignments')).status).toBe(403);
    expect((await (await t.userWith('employee')).get('/scheme-assignments')).status).toBe(403);

    const admin = await t.userWith('admin');
    const byAdmin = ok(await admin.put('/scheme-assignments', { ...body, schemeId: s.schemeB }));
    expect(byAdmin).toMatchObject({ id: a.id, schemeId: s.schemeB });
    const key = await t.keyWith('schemes:write');
    const byKey = ok(await key.put('/scheme-assignments', body));
    expect(byKey).toMatchObject({ id: a.id, schemeId: s.schemeA });
    const log = ok(await t.owner.get(`/audit-log?entityType=scheme_assignment&entityId=${a.id}`));
    expect(log.items[0].actor).toMatchObject({ type: 'api_key', id: key.keyId });
    expect(log.items[1].actor).toMatchObject({ type: 'user', id: admin.userId });
    expect((await key.delete(`/scheme-assignments/${a.id}`)).status).toBe(204);
  });
});
