import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { newTenant, type TestTenant } from '../../helpers/tenant';
import { ifMatch, ok, read } from './fixtures';

/*
 * Opening and closing a month. The company below has every way a scheme can reach a person:
 *
 *   KF001 客服部 / 客服专员, own override → 个人方案
 *   KF002 客服部 / 客服专员              → 岗位方案 (the position's, over the department's)
 *   KF003 客服部 / 前台接待              → 部门方案 (前台接待 has none)
 *   BA002 保安部 / 前台接待              → 部门方案 (保安部's own assignment)
 *   BA001 保安部 / 保安                  → 草稿方案, never published: skipped, not given 部门方案
 *   QT001 前台部 / 前台接待              → nothing applies: skipped
 *   KF004 客服部 / 客服专员, inactive    → nothing at all
 *
 * All schemes are copies of 客服专员月度 (cs-monthly): bands A > 95, B > 90, C > 85, D > 75, E;
 * K 1.1 / 1.0 / 0.9 / 0.8 / 0.5; no inputs score 40.00.
 */

async function scalar(sql: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? -1;
}
const auditCount = (tenantId: string) =>
  scalar('SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?', tenantId);

interface Company {
  t: TestTenant;
  dep: { kefu: string; baoan: string; qiantai: string };
  pos: { zhuanyuan: string; jiedai: string; baoan: string };
  scheme: { personal: string; position: string; department: string; draft: string };
  /** Version 1's id of each published scheme. */
  v1: { personal: string; position: string; department: string };
  emp: Record<'KF001' | 'KF002' | 'KF003' | 'KF004' | 'BA001' | 'BA002' | 'QT001', string>;
}

async function company(): Promise<Company> {
  const t = await newTenant('锦绣物业');
  const dep = async (name: string) => ok(await t.owner.post('/departments', { name }), 201).id as string;
  const pos = async (name: string, baseSalaryFen: number, bonusBaseFen: number) =>
    ok(await t.owner.post('/positions', { name, baseSalaryFen, bonusBaseFen }), 201).id as string;
  const kefu = await dep('客服部');
  const baoan = await dep('保安部');
  const qiantai = await dep('前台部');
  // Odd amounts, so that K × bonus base needs rounding to the fen.
  const zhuanyuan = await pos('客服专员', 312_345, 123_457);
  const jiedai = await pos('前台接待', 280_000, 60_001);
  const baoanPos = await pos('保安', 300_000, 30_000);

  const scheme = async (name: string, publish: boolean) => {
    const s = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name }), 201);
    if (!publish) return { id: s.id as string, v1: '' };
    const v = ok(await t.owner.post(`/schemes/${s.id}/versions/1/publish`, {}));
    return { id: s.id as string, v1: v.id as string };
  };
  const personal = await scheme('个人方案', true);
  const position = await scheme('岗位方案', true);
  const department = await scheme('部门方案', true);
  const draft = await scheme('草稿方案', false);

  const employee = async (employeeNo: string, departmentId: string, positionId: string, active = true) =>
    ok(
      await t.owner.post('/employees', {
        employeeNo,
        name: `员工${employeeNo}`,
        departmentId,
        positionId,
        active,
      }),
      201,
    ).id as string;
  const emp = {
    KF001: await employee('KF001', kefu, zhuanyuan),
    KF002: await employee('KF002', kefu, zhuanyuan),
    KF003: await employee('KF003', kefu, jiedai),
    KF004: await employee('KF004', kefu, zhuanyuan, false),
    BA001: await employee('BA001', baoan, baoanPos),
    BA002: await employee('BA002', baoan, jiedai),
    QT001: await employee('QT001', qiantai, jiedai),
  };
  const assign = async (targetType: string, targetId: string, schemeId: string) =>
    ok(await t.owner.put('/scheme-assignments', { targetType, targetId, schemeId }));
  await assign('department', kefu, department.id);
  await assign('department', baoan, department.id);
  await assign('position', zhuanyuan, position.id);
  await assign('position', baoanPos, draft.id);
  await assign('employee', emp.KF001, personal.id);
  return {
    t,
    dep: { kefu, baoan, qiantai },
    pos: { zhuanyuan, jiedai, baoan: baoanPos },
    scheme: { personal: personal.id, position: position.id, department: department.id, draft: draft.id },
    v1: { personal: personal.v1, position: position.v1, department: department.v1 },
    emp,
  };
}

/** The period's evaluations by 工号. */
async function byEmployeeNo(who: Caller, periodId: string, query = ''): Promise<Record<string, any>> {
  const list = ok(await who.get(`/evaluations?periodId=${periodId}&limit=100${query}`));
  return Object.fromEntries(list.items.map((e: any) => [e.employeeNo, e]));
}

const fullMetrics = (no: string, period: string) =>
  [
    ['calls_answered', 1200],
    ['tickets_closed', 150],
    ['reply_in_30min', 0.98],
    ['utilization_rate', 0.85],
    ['reports_on_time', 1],
  ].map(([indicator, value]) => ({ employeeNo: no, period, indicator, value }));

/**
 * Every required input of cs-monthly: metrics at full marks (pushed by HR through /ingest), then
 * the exam and the supervisor's rating, and a veto when asked.
 */
async function fill(
  t: TestTenant,
  id: string,
  no: string,
  period: string,
  o: { exam: number; veto?: boolean },
) {
  const rows: object[] = fullMetrics(no, period);
  if (o.veto)
    rows.push({ employeeNo: no, period, indicator: 'major_complaint', rule: 'valid_major_complaint' });
  ok(await t.owner.post('/ingest', { rows }));
  const { etag } = await read(t.owner, id);
  return ok(
    await t.owner.post(
      `/evaluations/${id}/inputs`,
      {
        ratings: [
          { indicator: 'exam', value: o.exam },
          { indicator: 'supervisor_rating', value: 10 },
        ],
      },
      ifMatch(etag),
    ),
  );
}
const step = async (t: TestTenant, id: string, action: 'submit' | 'approve') => {
  const { etag } = await read(t.owner, id);
  return ok(await t.owner.post(`/evaluations/${id}/${action}`, {}, ifMatch(etag)));
};

describe('opening a month', () => {
  it('pins each active employee to the current published version by precedence employee > position > department', async () => {
    const c = await company();
    const { t } = c;
    const opened = ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
    expect(opened.period).toMatchObject({ key: '2026-11', status: 'open', closedAt: null });
    expect(opened.period.id).toMatch(/^per_/);
    expect(opened.evaluations).toBe(4);
    expect(opened.skipped).toEqual([
      { employeeId: c.emp.BA001, employeeNo: 'BA001', reason: 'no_published_version' },
      { employeeId: c.emp.QT001, employeeNo: 'QT001', reason: 'no_scheme' },
    ]);

    const evals = await byEmployeeNo(t.owner, opened.period.id);
    expect(Object.keys(evals).sort()).toEqual(['BA002', 'KF001', 'KF002', 'KF003']);
    const pinned = Object.fromEntries(
      Object.entries(evals).map(([no, e]) => [no, [e.schemeId, e.schemeVersionId]]),
    );
    expect(pinned).toEqual({
      KF001: [c.scheme.personal, c.v1.personal],
      KF002: [c.scheme.position, c.v1.position],
      KF003: [c.scheme.department, c.v1.department],
      BA002: [c.scheme.department, c.v1.department],
    });
    for (const e of Object.values(evals)) {
      expect(e).toMatchObject({ status: 'draft', revision: 1, total: 40, grade: 'E', k: 0.5 });
    }
    // The skipped and the inactive have no evaluation at all.
    for (const id of [c.emp.BA001, c.emp.QT001, c.emp.KF004]) {
      expect(ok(await t.owner.get(`/evaluations?employeeId=${id}`)).items).toEqual([]);
    }

    // The pay snapshot is the position's: 客服专员 3123.45 + 1234.57 × 0.5 = 617.285 → 617.29 元.
    expect(evals.KF002.pay).toEqual({
      baseSalaryFen: 312_345,
      bonusBaseFen: 123_457,
      bonusFen: 61_729,
      totalFen: 374_074,
    });
    expect(evals.BA002.pay).toEqual({
      baseSalaryFen: 280_000,
      bonusBaseFen: 60_001,
      bonusFen: 30_001,
      totalFen: 310_001,
    });

    // The opening is audited with what was created and what was skipped.
    const log = ok(await t.owner.get(`/audit-log?entityType=period&entityId=${opened.period.id}`));
    expect(log.items).toHaveLength(1);
    expect(log.items[0].action).toBe('period.open');
    expect(log.items[0].after.evaluations).toHaveLength(4);
    expect(log.items[0].after.skipped).toEqual(opened.skipped);
    expect(ok(await t.owner.get(`/periods/${opened.period.id}`))).toEqual(opened.period);
  });

  it('a newer version does not move open evaluations; the next month picks it up, with the new pay', async () => {
    const c = await company();
    const { t } = c;
    const nov = ok(await t.owner.post('/periods', { key: '2026-11' }), 201).period;

    // 岗位方案 v2 halves the call target: 600 calls are now full marks.
    const draft = ok(await t.owner.post(`/schemes/${c.scheme.position}/versions`), 201);
    expect(draft.version).toBe(2);
    const content = structuredClone(draft.content);
    content.indicators.find((i: any) => i.key === 'calls_answered').params.target = 600;
    ok(await t.owner.put(`/schemes/${c.scheme.position}/versions/2`, { content }));
    const v2 = ok(await t.owner.post(`/schemes/${c.scheme.position}/versions/2/publish`, {}));
    // And 客服专员 gets a raise: pay is not the scheme, so the open month follows it (one revision).
    ok(await t.owner.patch(`/positions/${c.pos.zhuanyuan}`, { baseSalaryFen: 400_000 }));

    const calls = (period: string) => ({
      rows: [{ employeeNo: 'KF002', period, indicator: 'calls_answered', value: 600 }],
    });
    const novAnswer = ok(await t.owner.post('/ingest', calls('2026-11')));
    // Still version 1: 600 of 1200 calls is 5.00 of 10.
    expect(novAnswer.evaluations[0].total).toBe(45);
    const novEval = (await byEmployeeNo(t.owner, nov.id)).KF002;
    expect(novEval).toMatchObject({ schemeVersionId: c.v1.position, revision: 3, total: 45 });
    expect(novEval.pay.baseSalaryFen).toBe(400_000);

    const dec = ok(await t.owner.post('/periods', { key: '2026-12' }), 201);
    expect(dec.evaluations).toBe(4);
    const decEvals = await byEmployeeNo(t.owner, dec.period.id);
    expect(decEvals.KF002.schemeVersionId).toBe(v2.id);
    expect(decEvals.KF002.pay).toEqual({
      baseSalaryFen: 400_000,
      bonusBaseFen: 123_457,
      bonusFen: 61_729,
      totalFen: 461_729,
    });
    // KF001's override and the department scheme did not change.
    expect(decEvals.KF001.schemeVersionId).toBe(c.v1.personal);
    expect(decEvals.KF003.schemeVersionId).toBe(c.v1.department);
    const decAnswer = ok(await t.owner.post('/ingest', calls('2026-12')));
    expect(decAnswer.evaluations[0].total).toBe(50);
    // November was not touched by December's push.
    expect((await byEmployeeNo(t.owner, nov.id)).KF002).toMatchObject({ revision: 3, total: 45 });

    // Removing the override sends KF001 back to the position's scheme from the next month on.
    const assignments = ok(await t.owner.get('/scheme-assignments')).items;
    const override = assignments.find((a: any) => a.targetType === 'employee');
    expect((await t.owner.delete(`/scheme-assignments/${override.id}`)).status).toBe(204);
    const jan = ok(await t.owner.post('/periods', { key: '2027-01' }), 201);
    expect((await byEmployeeNo(t.owner, jan.period.id)).KF001.schemeVersionId).toBe(v2.id);
    expect((await byEmployeeNo(t.owner, dec.period.id)).KF001.schemeVersionId).toBe(c.v1.personal);
  });

  it('refuses a month twice (409 naming key) and a malformed key (400 naming key)', async () => {
    const c = await company();
    const { t } = c;
    ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
    const audit = await auditCount(t.tenantId);
    const again = await t.owner.post('/periods', { key: '2026-11' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(again.body.error.details.map((d: any) => d.field)).toEqual(['key']);
    expect(again.body.error.message).toContain('2026-11');
    for (const key of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '']) {
      const bad = await t.owner.post('/periods', { key });
      expect(bad.status, key).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['key']);
    }
    expect(await auditCount(t.tenantId)).toBe(audit);
    const periods = ok(await t.owner.get('/periods')).items;
    expect(periods.map((p: any) => p.key)).toEqual(['2026-11']);
    expect(await scalar('SELECT count(*) AS n FROM evaluations WHERE tenant_id = ?', t.tenantId)).toBe(4);

    // Two HR people opening the same month at once: one opens it, the other hears it exists.
    const admin = await t.userWith('admin');
    const n = 20; // enough for two of them to plan an insert before either commits
    const race = await Promise.all(
      Array.from({ length: n }, (_, i) => (i % 2 ? admin : t.owner).post('/periods', { key: '2027-02' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, ...Array(n - 1).fill(409)]);
    for (const r of race.filter((x) => x.status === 409)) {
      expect(r.body.error.details.map((d: any) => d.field)).toEqual(['key']);
    }
    expect(
      await scalar(`SELECT count(*) AS n FROM periods WHERE tenant_id = ? AND key = '2027-02'`, t.tenantId),
    ).toBe(1);

    // Opening is HR's: not a supervisor's, not an evaluations:read key's.
    const supervisor = await t.userWith('supervisor');
    expect((await supervisor.post('/periods', { key: '2026-12' })).status).toBe(403);
    expect((await (await t.keyWith('evaluations:read')).post('/periods', { key: '2026-12' })).status).toBe(
      403,
    );
    const viaKey = await (await t.keyWith('evaluations:write')).post('/periods', { key: '2026-12' });
    expect(viaKey.status).toBe(201);
  });
});

describe('grades, pay and the ranking', () => {
  it('pay = base + bonus base × K in fen (A 1.1, C 0.9, E 0.5 by veto); sort=rank puts vetoed months last; filters', async () => {
    const c = await company();
    const { t } = c;
    const period = ok(await t.owner.post('/periods', { key: '2026-11' }), 201).period;
    const ids = Object.fromEntries(
      Object.entries(await byEmployeeNo(t.owner, period.id)).map(([no, e]) => [no, e.id as string]),
    );

    // KF001: everything at full marks → 100.00, A.
    const a = await fill(t, ids.KF001!, 'KF001', '2026-11', { exam: 100 });
    expect(a).toMatchObject({ total: 100, grade: 'A', k: 1.1, vetoed: false });
    // 1234.57 × 1.1 = 1358.027 → 1358.03 元
    expect(a.pay).toEqual({
      baseSalaryFen: 312_345,
      bonusBaseFen: 123_457,
      bonusFen: 135_803,
      totalFen: 448_148,
    });
    // KF002: exam 0 → 90.00, which is C (85 < C ≤ 90), not B.
    const cc = await fill(t, ids.KF002!, 'KF002', '2026-11', { exam: 0 });
    expect(cc).toMatchObject({ total: 90, grade: 'C', k: 0.9 });
    // 1234.57 × 0.9 = 1111.113 → 1111.11 元
    expect(cc.pay).toEqual({
      baseSalaryFen: 312_345,
      bonusBaseFen: 123_457,
      bonusFen: 111_111,
      totalFen: 423_456,
    });
    // KF003: full marks but a valid major complaint: the total stays 100.00, the grade is E.
    const e = await fill(t, ids.KF003!, 'KF003', '2026-11', { exam: 100, veto: true });
    expect(e).toMatchObject({ total: 100, grade: 'E', k: 0.5, vetoed: true });
    // 600.01 × 0.5 = 300.005 → 300.01 元
    expect(e.pay).toEqual({
      baseSalaryFen: 280_000,
      bonusBaseFen: 60_001,
      bonusFen: 30_001,
      totalFen: 310_001,
    });
    // BA002: the exam at 80 → 98.00, also A, with 前台接待's pay.
    const b = await fill(t, ids.BA002!, 'BA002', '2026-11', { exam: 80 });
    expect(b).toMatchObject({ total: 98, grade: 'A', k: 1.1 });
    expect(b.pay).toEqual({
      baseSalaryFen: 280_000,
      bonusBaseFen: 60_001,
      bonusFen: 66_001,
      totalFen: 346_001,
    });

    // The ranking: by total, but a vetoed month (KF003's 100.00, grade E) ranks after every
    // month that was not vetoed. (Equal standing sharing a rank: roles.test.ts, lists.test.ts.)
    const ranked = ok(await t.owner.get(`/evaluations?periodId=${period.id}&sort=rank`));
    expect(ranked.items.map((x: any) => [x.employeeNo, x.total, x.rank])).toEqual([
      ['KF001', 100, 1],
      ['BA002', 98, 2],
      ['KF002', 90, 3],
      ['KF003', 100, 4],
    ]);
    // Pages of a ranking keep counting from the top.
    const first = ok(await t.owner.get(`/evaluations?periodId=${period.id}&sort=rank&limit=2`));
    const second = ok(
      await t.owner.get(`/evaluations?periodId=${period.id}&sort=rank&limit=2&cursor=${first.nextCursor}`),
    );
    expect([...first.items, ...second.items].map((x: any) => x.rank)).toEqual([1, 2, 3, 4]);
    // Without sort=rank there is no rank.
    expect(ok(await t.owner.get(`/evaluations?periodId=${period.id}`)).items[0].rank).toBeUndefined();

    await step(t, ids.KF002!, 'submit');
    const nos = async (query: string) => Object.keys(await byEmployeeNo(t.owner, period.id, query)).sort();
    expect(await nos(`&departmentId=${c.dep.baoan}`)).toEqual(['BA002']);
    expect(await nos(`&departmentId=${c.dep.kefu}`)).toEqual(['KF001', 'KF002', 'KF003']);
    expect(await nos('&grade=A')).toEqual(['BA002', 'KF001']);
    expect(await nos('&grade=E')).toEqual(['KF003']);
    expect(await nos('&grade=B')).toEqual([]);
    expect(await nos('&status=submitted')).toEqual(['KF002']);
    expect(await nos('&status=draft')).toEqual(['BA002', 'KF001', 'KF003']);
    expect(await nos(`&departmentId=${c.dep.kefu}&grade=A`)).toEqual(['KF001']);
    const rankedInDept = ok(
      await t.owner.get(`/evaluations?periodId=${period.id}&departmentId=${c.dep.kefu}&sort=rank`),
    );
    expect(rankedInDept.items.map((x: any) => [x.employeeNo, x.rank])).toEqual([
      ['KF001', 1],
      ['KF002', 2],
      ['KF003', 3],
    ]);
    expect((await t.owner.get(`/evaluations?periodId=${period.id}&status=finished`)).status).toBe(400);
  });
});

describe('closing a month', () => {
  it('refuses while any evaluation is not approved, naming the counts by status, and writes nothing', async () => {
    const c = await company();
    const { t } = c;
    const period = ok(await t.owner.post('/periods', { key: '2026-11' }), 201).period;
    const ids = Object.fromEntries(
      Object.entries(await byEmployeeNo(t.owner, period.id)).map(([no, e]) => [no, e.id as string]),
    );
    await fill(t, ids.KF001!, 'KF001', '2026-11', { exam: 100 });
    await fill(t, ids.KF002!, 'KF002', '2026-11', { exam: 90 });
    await fill(t, ids.KF003!, 'KF003', '2026-11', { exam: 70 });
    await step(t, ids.KF001!, 'submit');
    await step(t, ids.KF001!, 'approve');
    await step(t, ids.KF002!, 'submit');
    await step(t, ids.KF003!, 'submit');
    // Now: KF001 approved, KF002 and KF003 submitted, BA002 draft.
    const before = await byEmployeeNo(t.owner, period.id);
    const audit = await auditCount(t.tenantId);

    const refused = await t.owner.post(`/periods/${period.id}/close`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.details).toEqual({ notApproved: { draft: 1, submitted: 2 } });
    expect(refused.body.error.message).toContain('draft 1');
    expect(refused.body.error.message).toContain('submitted 2');
    expect(await auditCount(t.tenantId)).toBe(audit);
    expect(ok(await t.owner.get(`/periods/${period.id}`))).toMatchObject({ status: 'open', closedAt: null });
    expect(await byEmployeeNo(t.owner, period.id)).toEqual(before);

    // Approve the rest: the close locks all four, in one write, and answers how many.
    await step(t, ids.KF002!, 'approve');
    await step(t, ids.KF003!, 'approve');
    const nearly = await t.owner.post(`/periods/${period.id}/close`, {});
    expect(nearly.status).toBe(409);
    expect(nearly.body.error.details).toEqual({ notApproved: { draft: 1 } });
    await fill(t, ids.BA002!, 'BA002', '2026-11', { exam: 100 });
    await step(t, ids.BA002!, 'submit');
    await step(t, ids.BA002!, 'approve');
    const approved = await byEmployeeNo(t.owner, period.id);

    const closed = ok(await t.owner.post(`/periods/${period.id}/close`, {}));
    expect(closed).toMatchObject({ period: { id: period.id, status: 'closed' }, lockedEvaluations: 4 });
    expect(closed.period.closedAt).toEqual(expect.any(String));
    const after = await byEmployeeNo(t.owner, period.id);
    for (const [no, e] of Object.entries(after)) {
      const was = approved[no];
      expect(e.status, no).toBe('locked');
      expect(e.revision).toBe(was.revision + 1);
      expect([e.total, e.grade, e.pay]).toEqual([was.total, was.grade, was.pay]);
    }
    const log = ok(await t.owner.get(`/audit-log?entityType=period&entityId=${period.id}`));
    expect(log.items.map((x: any) => x.action)).toEqual(['period.close', 'period.open']);
    expect(log.items[0].after.lockedEvaluations).toBe(4);

    // Twice is a conflict and changes nothing.
    const auditAfter = await auditCount(t.tenantId);
    const twice = await t.owner.post(`/periods/${period.id}/close`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('2026-11');
    expect(await auditCount(t.tenantId)).toBe(auditAfter);
    // Locked evaluations take no more inputs from integrators either.
    const late = await t.owner.post('/ingest', {
      rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'attendance', rule: 'late' }],
    });
    expect(late.status).toBe(400);
    expect(late.body.error.details[0]).toMatchObject({ field: 'rows[0]', code: 'inputs_locked' });
  });

  it('only HR closes; another tenant’s period is not found', async () => {
    const c = await company();
    const { t } = c;
    const period = ok(await t.owner.post('/periods', { key: '2026-11' }), 201).period;
    const supervisor = await t.userWith('supervisor');
    expect((await supervisor.post(`/periods/${period.id}/close`, {})).status).toBe(403);
    const other = await newTenant();
    expect((await other.owner.post(`/periods/${period.id}/close`, {})).status).toBe(404);
    expect((await other.owner.get(`/periods/${period.id}`)).status).toBe(404);
    expect(ok(await t.owner.get(`/periods/${period.id}`)).status).toBe('open');
  });
});
