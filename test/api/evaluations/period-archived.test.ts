import { describe, expect, it } from 'vitest';
import { newTenant, type TestTenant } from '../../helpers/tenant';
import { ok, read } from './fixtures';
import { refused } from './workflow-support';

/*
 * An archived scheme (考核方案已归档) is kept for the months that used it, but no new month, and no
 * late joiner, is pinned to it. The employee is skipped with the reason; nothing falls back to a
 * lower-precedence scheme behind HR's back.
 */

async function published(t: TestTenant, name: string) {
  const s = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name }), 201);
  const v = ok(await t.owner.post(`/schemes/${s.id}/versions/1/publish`, {}));
  return { id: s.id as string, v1: v.id as string };
}

async function company() {
  const t = await newTenant('翠湖物业');
  const kefu = ok(await t.owner.post('/departments', { name: '客服部' }), 201).id as string;
  const zhuanyuan = ok(
    await t.owner.post('/positions', { name: '客服专员', baseSalaryFen: 300_000, bonusBaseFen: 100_000 }),
    201,
  ).id as string;
  const jiedai = ok(
    await t.owner.post('/positions', { name: '前台接待', baseSalaryFen: 280_000, bonusBaseFen: 60_000 }),
    201,
  ).id as string;
  const position = await published(t, '岗位方案');
  const department = await published(t, '部门方案');
  const personal = await published(t, '个人方案');
  const hire = async (employeeNo: string, positionId: string) =>
    ok(
      await t.owner.post('/employees', {
        employeeNo,
        name: `员工${employeeNo}`,
        departmentId: kefu,
        positionId,
      }),
      201,
    ).id as string;
  const emp = {
    KF001: await hire('KF001', zhuanyuan), // 岗位方案
    KF002: await hire('KF002', jiedai), // 部门方案
    KF003: await hire('KF003', jiedai), // 个人方案
  };
  const assign = async (targetType: string, targetId: string, schemeId: string) =>
    ok(await t.owner.put('/scheme-assignments', { targetType, targetId, schemeId }));
  await assign('position', zhuanyuan, position.id);
  await assign('department', kefu, department.id);
  await assign('employee', emp.KF003, personal.id);
  return { t, kefu, zhuanyuan, position, department, personal, emp, assign, hire };
}

const byNo = async (t: TestTenant, periodId: string) =>
  Object.fromEntries(
    ok(await t.owner.get(`/evaluations?periodId=${periodId}&limit=100`)).items.map((e: any) => [
      e.employeeNo,
      e,
    ]),
  );

describe('archived schemes', () => {
  it('opening skips employees whose scheme is archived (scheme_archived), with no fallback; earlier months keep theirs', async () => {
    const c = await company();
    const { t } = c;
    const oct = ok(await t.owner.post('/periods', { key: '2026-10' }), 201);
    expect(oct.skipped).toEqual([]);
    const octEvals = await byNo(t, oct.period.id);

    ok(await t.owner.post(`/schemes/${c.position.id}/archive`, {}));
    ok(await t.owner.post(`/schemes/${c.personal.id}/archive`, {}));
    const nov = ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
    expect(nov.evaluations).toBe(1);
    expect(nov.skipped).toEqual([
      { employeeId: c.emp.KF001, employeeNo: 'KF001', reason: 'scheme_archived' },
      { employeeId: c.emp.KF003, employeeNo: 'KF003', reason: 'scheme_archived' },
    ]);
    // KF001 and KF003 are not quietly given 部门方案 instead.
    const novEvals = await byNo(t, nov.period.id);
    expect(Object.keys(novEvals)).toEqual(['KF002']);
    expect(novEvals.KF002.schemeVersionId).toBe(c.department.v1);
    const log = ok(await t.owner.get(`/audit-log?entityType=period&entityId=${nov.period.id}`)).items;
    expect(log[0].after.skipped).toEqual(nov.skipped);

    // October's evaluations still point at the archived versions and still take inputs.
    expect((await byNo(t, oct.period.id)).KF001.schemeVersionId).toBe(c.position.v1);
    const { etag } = await read(t.owner, octEvals.KF001.id);
    const rated = ok(
      await t.owner.post(
        `/evaluations/${octEvals.KF001.id}/inputs`,
        { ratings: [{ indicator: 'exam', value: 100 }] },
        { headers: { 'If-Match': etag } },
      ),
    );
    expect(rated).toMatchObject({ schemeVersionId: c.position.v1, total: 50 });
  });

  it('a late joiner whose scheme is archived is refused with scheme_archived until HR assigns an active one', async () => {
    const c = await company();
    const { t } = c;
    ok(await t.owner.post(`/schemes/${c.position.id}/archive`, {}));
    const nov = ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
    const late = await c.hire('KF009', c.zhuanyuan);
    for (const id of [c.emp.KF001, late]) {
      const e = refused(
        await t.owner.post(`/periods/${nov.period.id}/evaluations`, { employeeId: id }, { lang: 'en' }),
        409,
        'CONFLICT',
      );
      expect(e.details).toEqual([expect.objectContaining({ field: 'employeeId', code: 'scheme_archived' })]);
      expect(e.message).toContain('"岗位方案"');
      expect(e.message).toContain('archived');
    }
    // HR gives 客服专员 a scheme in use: both join with it.
    const next = await published(t, '新岗位方案');
    await c.assign('position', c.zhuanyuan, next.id);
    for (const id of [c.emp.KF001, late]) {
      const e = ok(await t.owner.post(`/periods/${nov.period.id}/evaluations`, { employeeId: id }), 201);
      expect([e.schemeId, e.schemeVersionId]).toEqual([next.id, next.v1]);
    }
  });
});
