import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { ifMatch, type Month, ok, openMonth, read } from '../evaluations/fixtures';
import { refused, toApproved } from '../evaluations/workflow-support';
import { rows } from '../support';
import { importCsv, utf8 } from './org-fixtures';

/** A month opened in 客服部 (see openMonth), plus 保安部 with its own supervisor. */
async function withSecondDepartment(extra: string[] = []) {
  const m = await openMonth(extra);
  const baoan = ok(await m.t.owner.post('/departments', { name: '保安部' }), 201);
  const newSup = await m.t.userWith('supervisor');
  ok(await m.t.owner.put(`/departments/${baoan.id}/supervisors`, { userIds: [newSup.userId] }));
  return { m, baoan: baoan.id as string, newSup };
}

const moves = (tenantId: string) =>
  rows<{ entity_id: string; before: string; after: string; request_id: string }>(
    "SELECT entity_id, before, after, request_id FROM audit_log WHERE tenant_id = ? AND action = 'evaluation.move' ORDER BY seq",
    tenantId,
  );

const evaluationOf = async (id: string) =>
  (
    await rows<{ department_id: string; revision: number; status: string }>(
      'SELECT department_id, revision, status FROM evaluations WHERE id = ?',
      id,
    )
  )[0]!;

const RATING = { ratings: [{ indicator: 'supervisor_rating', value: 9 }] };

/** The old supervisor has lost the evaluation (404 on read and write); the new one has it. */
async function handedOver(m: Month, newSup: Caller, id: string, departmentId: string) {
  refused(await m.supervisor.get(`/evaluations/${id}`), 404, 'NOT_FOUND');
  const { body, etag } = await read(newSup, id);
  expect(body.departmentId).toBe(departmentId);
  refused(await m.supervisor.post(`/evaluations/${id}/inputs`, RATING, ifMatch(etag)), 404, 'NOT_FOUND');
  ok(await newSup.post(`/evaluations/${id}/inputs`, RATING, ifMatch(etag)));
}

describe('an employee changing department takes their open evaluation along', () => {
  it('PATCH /employees/{id}: same batch, revision bumped (old ETag 412), one audit entry', async () => {
    const { m, baoan, newSup } = await withSecondDepartment();
    const before = await read(m.t.owner, m.evaluationId);
    refused(await newSup.get(`/evaluations/${m.evaluationId}`), 404, 'NOT_FOUND');

    const patched = await m.t.owner.patch(`/employees/${m.employeeId}`, { departmentId: baoan });
    ok(patched);

    expect(await evaluationOf(m.evaluationId)).toEqual({
      department_id: baoan,
      revision: before.body.revision + 1,
      status: 'draft',
    });
    refused(
      await m.t.owner.post(`/evaluations/${m.evaluationId}/inputs`, RATING, ifMatch(before.etag)),
      412,
      'PRECONDITION_FAILED',
    );
    const entries = await moves(m.t.tenantId);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.entity_id).toBe(m.evaluationId);
    expect(entry!.request_id, 'written with the employee change').toBe(patched.headers.get('X-Request-Id'));
    expect(JSON.parse(entry!.before)).toEqual({
      departmentId: m.departmentId,
      revision: before.body.revision,
    });
    expect(JSON.parse(entry!.after)).toEqual({
      departmentId: baoan,
      revision: before.body.revision + 1,
      employeeId: m.employeeId,
    });
    await handedOver(m, newSup, m.evaluationId, baoan);
  });

  it('approved evaluations and closed periods stay with the old department', async () => {
    const { m, baoan } = await withSecondDepartment(['KF002']);
    const nov = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items as { id: string }[];
    for (const e of nov) await toApproved(m, e.id);
    ok(await m.t.owner.post(`/periods/${m.periodId}/close`, {}));
    const dec = ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
    const decItems = ok(await m.t.owner.get(`/evaluations?periodId=${dec.period.id}`)).items as any[];
    const kf001Dec = decItems.find((e) => e.employeeId === m.employeeId).id as string;
    const kf002Dec = decItems.find((e) => e.employeeId !== m.employeeId);
    await toApproved(m, kf002Dec.id);
    const history = await Promise.all([...nov.map((e) => e.id), kf002Dec.id].map(evaluationOf));
    expect(history.map((h) => h.status)).toEqual(['locked', 'locked', 'approved']);

    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { departmentId: baoan }));
    ok(await m.t.owner.patch(`/employees/${kf002Dec.employeeId}`, { departmentId: baoan }));

    expect(await Promise.all([...nov.map((e) => e.id), kf002Dec.id].map(evaluationOf))).toEqual(history);
    expect((await evaluationOf(kf001Dec)).department_id).toBe(baoan);
    expect((await moves(m.t.tenantId)).map((e) => e.entity_id)).toEqual([kf001Dec]);
    // The old supervisor still reads the history their department judged.
    ok(await m.supervisor.get(`/evaluations/${kf002Dec.id}`));
  });

  it('the CSV import moves them too, in chunks past D1’s 100 parameters, and only changed rows', async () => {
    const { m, baoan, newSup } = await withSecondDepartment(['KF002']);
    const many = Array.from({ length: 120 }, (_, i) => `KF${String(i + 100).padStart(3, '0')}`);
    const line = (no: string, dept: string) => `${no},员工${no},${dept},客服专员`;
    const header = '工号,姓名,部门,岗位\n';
    ok(await importCsv(m.t.owner, utf8(header + many.map((no) => line(no, '客服部')).join('\n'))));
    const dec = ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
    expect(dec.evaluations).toBe(122);
    const kf002 = ok(await m.t.owner.get('/employees?q=KF002')).items[0];

    const file = [
      line('KF001', '保安部'),
      `KF002,${kf002.name},客服部,客服专员`,
      ...many.map((no) => line(no, '保安部')),
    ];
    const imported = await importCsv(m.t.owner, utf8(header + file.join('\n')));
    expect(ok(imported)).toMatchObject({ updates: 121, unchanged: 1 });

    const where = 'tenant_id = ? AND employee_id != ? GROUP BY department_id ORDER BY department_id';
    const byDept = await rows<{ department_id: string; n: number }>(
      `SELECT department_id, count(*) AS n FROM evaluations WHERE ${where}`,
      m.t.tenantId,
      kf002.id,
    );
    expect(byDept).toEqual([{ department_id: baoan, n: 1 + 1 + 120 }]);
    const kf002Evaluations = await rows<{ department_id: string }>(
      'SELECT department_id FROM evaluations WHERE employee_id = ?',
      kf002.id,
    );
    expect(kf002Evaluations).toEqual([{ department_id: m.departmentId }, { department_id: m.departmentId }]);
    const entries = await moves(m.t.tenantId);
    expect(entries).toHaveLength(122);
    expect(new Set(entries.map((e) => e.request_id))).toEqual(
      new Set([imported.headers.get('X-Request-Id')]),
    );
    await handedOver(m, newSup, m.evaluationId, baoan);
  });

  it('another tenant’s evaluations and audit log are untouched', async () => {
    const { m, baoan } = await withSecondDepartment();
    const other = await openMonth();
    const theirs = await evaluationOf(other.evaluationId);
    const [theirAudit] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?',
      other.t.tenantId,
    );

    // Our tenant cannot name their employee, and moving ours leaves theirs alone.
    refused(
      await m.t.owner.patch(`/employees/${other.employeeId}`, { departmentId: baoan }),
      404,
      'NOT_FOUND',
    );
    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { departmentId: baoan }));

    expect(await evaluationOf(other.evaluationId)).toEqual(theirs);
    expect(await moves(other.t.tenantId)).toEqual([]);
    expect(await rows('SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?', other.t.tenantId)).toEqual([
      theirAudit,
    ]);
    ok(await other.supervisor.get(`/evaluations/${other.evaluationId}`));
  });
});
