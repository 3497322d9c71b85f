import { expect } from 'vitest';
import type { Caller, Reply } from '../../helpers/client';
import { newTenant, type TestTenant } from '../../helpers/tenant';

/** Asserts a status, showing the body when it differs. */
export function ok(res: Reply, status = 200): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

export interface Month {
  t: TestTenant;
  departmentId: string;
  positionId: string;
  schemeId: string;
  supervisor: Caller & { userId: string; email: string };
  employee: Caller & { userId: string; email: string };
  employeeId: string;
  periodId: string;
  evaluationId: string;
}

/**
 * A company with 客服部, a 客服专员 position (3,000 元 base, 1,000 元 bonus base), a supervisor,
 * one employee (KF001, with a login) under the published 客服专员月度 template, and the
 * month 2026-11 opened. Extra employees (工号 → name) join the same department.
 */
export async function openMonth(extra: string[] = []): Promise<Month> {
  const t = await newTenant('绿苑物业');
  const dep = ok(await t.owner.post('/departments', { name: '客服部', site: '绿苑小区' }), 201);
  const pos = ok(
    await t.owner.post('/positions', { name: '客服专员', baseSalaryFen: 300_000, bonusBaseFen: 100_000 }),
    201,
  );
  const supervisor = await t.userWith('supervisor');
  const employee = await t.userWith('employee');
  ok(await t.owner.put(`/departments/${dep.id}/supervisors`, { userIds: [supervisor.userId] }));
  const emp = ok(
    await t.owner.post('/employees', {
      employeeNo: 'KF001',
      name: '张敏',
      departmentId: dep.id,
      positionId: pos.id,
      supervisorUserId: supervisor.userId,
      userId: employee.userId,
    }),
    201,
  );
  for (const no of extra) {
    ok(
      await t.owner.post('/employees', {
        employeeNo: no,
        name: `员工${no}`,
        departmentId: dep.id,
        positionId: pos.id,
      }),
      201,
    );
  }
  const scheme = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly' }), 201);
  ok(await t.owner.post(`/schemes/${scheme.id}/versions/1/publish`, {}));
  ok(
    await t.owner.put('/scheme-assignments', {
      targetType: 'position',
      targetId: pos.id,
      schemeId: scheme.id,
    }),
  );
  const opened = ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
  expect(opened.evaluations).toBe(1 + extra.length);
  const list = ok(await t.owner.get(`/evaluations?periodId=${opened.period.id}&employeeId=${emp.id}`));
  return {
    t,
    departmentId: dep.id,
    positionId: pos.id,
    schemeId: scheme.id,
    supervisor,
    employee,
    employeeId: emp.id,
    periodId: opened.period.id,
    evaluationId: list.items[0].id,
  };
}

/** The evaluation as `who` sees it, with its ETag for the next write. */
export async function read(who: Caller, id: string): Promise<{ body: any; etag: string }> {
  const res = await who.get(`/evaluations/${id}`);
  const body = ok(res);
  return { body, etag: res.headers.get('ETag') ?? '' };
}

export const ifMatch = (etag: string) => ({ headers: { 'If-Match': etag } });
