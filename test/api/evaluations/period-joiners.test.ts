import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import type { TestTenant } from '../../helpers/tenant';
import { rows } from '../support';
import { ok, openMonth, read } from './fixtures';
import { auditCount, refused, toApproved } from './workflow-support';

/*
 * Late joiners: POST /periods/{id}/evaluations {employeeId} gives someone hired after the month
 * opened the evaluation that opening would have given them.
 */

async function hire(
  t: TestTenant,
  employeeNo: string,
  departmentId: string,
  positionId: string,
  active = true,
) {
  return ok(
    await t.owner.post('/employees', {
      employeeNo,
      name: `新员工${employeeNo}`,
      departmentId,
      positionId,
      active,
    }),
    201,
  ).id as string;
}

async function publishedScheme(t: TestTenant, name: string) {
  const s = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name }), 201);
  const v = ok(await t.owner.post(`/schemes/${s.id}/versions/1/publish`, {}));
  return { id: s.id as string, v1: v.id as string };
}

const assign = async (t: TestTenant, targetType: string, targetId: string, schemeId: string) =>
  ok(await t.owner.put('/scheme-assignments', { targetType, targetId, schemeId }));

const join = (who: Caller, periodId: string, employeeId: unknown, lang?: 'en') =>
  who.post(`/periods/${periodId}/evaluations`, { employeeId }, lang ? { lang } : {});

/** The parts of an evaluation that pinning decides (not its id or period). */
const pinned = (e: any) => ({
  employeeId: e.employeeId,
  departmentId: e.departmentId,
  positionId: e.positionId,
  schemeId: e.schemeId,
  schemeVersionId: e.schemeVersionId,
  status: e.status,
  revision: e.revision,
  total: e.total,
  grade: e.grade,
  k: e.k,
  vetoed: e.vetoed,
  pay: e.pay,
  missingRequired: e.missingRequired,
  breakdown: e.breakdown,
});

describe('late joiners', () => {
  it('are pinned exactly as opening pins (employee > position > department, current version, position pay), audited in the same batch', async () => {
    const m = await openMonth();
    const { t } = m;
    // 保洁部 / 保洁 has only a department scheme; 客服部 gets one too, which the position's beats.
    const cleaning = ok(await t.owner.post('/departments', { name: '保洁部' }), 201).id as string;
    const cleaner = ok(
      await t.owner.post('/positions', { name: '保洁', baseSalaryFen: 250_001, bonusBaseFen: 20_001 }),
      201,
    ).id as string;
    const department = await publishedScheme(t, '部门方案');
    const personal = await publishedScheme(t, '个人方案');
    await assign(t, 'department', cleaning, department.id);
    await assign(t, 'department', m.departmentId, department.id);
    // The position's scheme gets version 2 after the month opened: joiners get the current one.
    ok(await t.owner.post(`/schemes/${m.schemeId}/versions`), 201);
    const v2 = ok(await t.owner.post(`/schemes/${m.schemeId}/versions/2/publish`, {}));

    const own = await hire(t, 'KF101', m.departmentId, m.positionId);
    await assign(t, 'employee', own, personal.id);
    const byPosition = await hire(t, 'KF102', m.departmentId, m.positionId);
    const byDepartment = await hire(t, 'BJ101', cleaning, cleaner);

    const expected = {
      [own]: [personal.id, personal.v1],
      [byPosition]: [m.schemeId, v2.id],
      [byDepartment]: [department.id, department.v1],
    };
    const joined: Record<string, any> = {};
    for (const id of [own, byPosition, byDepartment]) {
      const audit = await auditCount(t.tenantId);
      const res = await join(t.owner, m.periodId, id);
      const e = ok(res, 201);
      expect(e.id).toMatch(/^evl_/);
      expect(res.headers.get('ETag')).toBe(`"${e.id}.1"`);
      expect([e.schemeId, e.schemeVersionId]).toEqual(expected[id]);
      expect(e).toMatchObject({ periodId: m.periodId, status: 'draft', revision: 1, total: 40, grade: 'E' });
      // One audit entry, written with the evaluation by the same request.
      expect(await auditCount(t.tenantId)).toBe(audit + 1);
      const [entry] = await rows<any>(
        'SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1',
        t.tenantId,
      );
      expect(entry).toMatchObject({
        action: 'evaluation.create',
        entity_type: 'evaluation',
        entity_id: e.id,
        request_id: res.headers.get('X-Request-Id'),
        before: null,
      });
      expect(JSON.parse(entry.after)).toMatchObject({
        periodId: m.periodId,
        period: '2026-11',
        employeeId: id,
        schemeId: e.schemeId,
        schemeVersionId: e.schemeVersionId,
        status: 'draft',
        revision: 1,
        total: 40,
        payTotalFen: e.pay.totalFen,
      });
      joined[id] = (await read(t.owner, e.id)).body;
    }
    // The pay is the position's: 保洁 2500.01 + 200.01 × 0.5 = 100.005 → 100.01 元.
    expect(joined[byDepartment].pay).toEqual({
      baseSalaryFen: 250_001,
      bonusBaseFen: 20_001,
      bonusFen: 10_001,
      totalFen: 260_002,
    });
    // The evaluation that was there already keeps its version.
    expect((await read(t.owner, m.evaluationId)).body.schemeVersionId).not.toBe(v2.id);

    // Opening the next month pins the same three people exactly the same way.
    const dec = ok(await t.owner.post('/periods', { key: '2026-12' }), 201);
    expect(dec.evaluations).toBe(4);
    const list = ok(await t.owner.get(`/evaluations?periodId=${dec.period.id}&limit=100`)).items;
    for (const id of [own, byPosition, byDepartment]) {
      const opened = list.find((e: any) => e.employeeId === id);
      expect(pinned((await read(t.owner, opened.id)).body), id).toEqual(pinned(joined[id]));
    }
  });

  it('refuses someone who already has one (409 naming employeeId, also when two add at once) and writes nothing', async () => {
    const m = await openMonth();
    const { t } = m;
    const audit = await auditCount(t.tenantId);
    const again = refused(await join(t.owner, m.periodId, m.employeeId, 'en'), 409, 'CONFLICT');
    expect(again.message).toBe(
      'employeeId: the employee KF001 already has an evaluation in the period 2026-11',
    );
    expect(again.details).toEqual([
      { field: 'employeeId', code: 'evaluation_exists', message: again.message },
    ]);
    const zh = refused(await join(t.owner, m.periodId, m.employeeId), 409, 'CONFLICT');
    expect(zh.message).toBe('employeeId：员工 KF001 在考核周期 2026-11 已有考核');
    expect(await auditCount(t.tenantId)).toBe(audit);

    // Two HR people adding the same joiner at once: one evaluation, the rest hear it exists.
    const late = await hire(t, 'KF201', m.departmentId, m.positionId);
    const admin = await t.userWith('admin');
    const race = await Promise.all(
      Array.from({ length: 8 }, (_, i) => join(i % 2 ? admin : t.owner, m.periodId, late)),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, ...Array(7).fill(409)]);
    for (const r of race.filter((x) => x.status === 409)) {
      expect(r.body.error.details).toEqual([
        expect.objectContaining({ field: 'employeeId', code: 'evaluation_exists' }),
      ]);
    }
    const stored = await rows(
      'SELECT id FROM evaluations WHERE tenant_id = ? AND employee_id = ?',
      t.tenantId,
      late,
    );
    expect(stored).toHaveLength(1);
    const created = await rows(
      "SELECT entity_id FROM audit_log WHERE tenant_id = ? AND action = 'evaluation.create'",
      t.tenantId,
    );
    expect(created).toEqual(stored.map((s: any) => ({ entity_id: s.id })));
  });

  it('refuses when no scheme can be pinned (409 naming the reason), or the employee is inactive', async () => {
    const m = await openMonth();
    const { t } = m;
    const front = ok(await t.owner.post('/departments', { name: '前台部' }), 201).id as string;
    const reception = ok(
      await t.owner.post('/positions', { name: '前台接待', baseSalaryFen: 280_000, bonusBaseFen: 60_000 }),
      201,
    ).id as string;
    const drafty = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name: '草稿方案' }), 201);
    const archived = await publishedScheme(t, '旧方案');

    const nobody = await hire(t, 'QT001', front, reception);
    const draftOnly = await hire(t, 'QT002', front, reception);
    await assign(t, 'employee', draftOnly, drafty.id);
    const onArchived = await hire(t, 'QT003', front, reception);
    await assign(t, 'employee', onArchived, archived.id);
    // Assigned while it was in use, archived since.
    ok(await t.owner.post(`/schemes/${archived.id}/archive`, {}));
    const gone = await hire(t, 'KF301', m.departmentId, m.positionId, false);

    const audit = await auditCount(t.tenantId);
    const cases: [string, string, string, string][] = [
      [
        nobody,
        'no_scheme',
        'employeeId: no scheme applies to the employee QT001 (none is assigned to them, their position or their department), so they cannot join the period 2026-11',
        'employeeId：员工 QT001 没有适用的考核方案（本人、岗位、部门均未分配），不能加入考核周期 2026-11',
      ],
      [
        draftOnly,
        'no_published_version',
        'employeeId: the scheme "草稿方案" that applies to the employee QT002 has no published version yet, so they cannot join the period 2026-11',
        'employeeId：适用于员工 QT002 的考核方案「草稿方案」还没有已发布的版本，不能加入考核周期 2026-11',
      ],
      [
        onArchived,
        'scheme_archived',
        'employeeId: the scheme "旧方案" that applies to the employee QT003 is archived and is no longer used for new evaluations',
        'employeeId：适用于员工 QT003 的考核方案「旧方案」已归档（archived），不能再用于新的考核',
      ],
      [
        gone,
        'employee_inactive',
        'employeeId: the employee KF301 is inactive and cannot join the period 2026-11',
        'employeeId：员工 KF301 已停用（不在职），不能加入考核周期 2026-11',
      ],
    ];
    for (const [id, code, en, zh] of cases) {
      const e = refused(await join(t.owner, m.periodId, id, 'en'), 409, 'CONFLICT');
      expect(e.message, code).toBe(en);
      expect(e.details).toEqual([{ field: 'employeeId', code, message: en }]);
      expect(refused(await join(t.owner, m.periodId, id), 409, 'CONFLICT').message).toBe(zh);
    }
    expect(await auditCount(t.tenantId)).toBe(audit);
    expect(await rows('SELECT id FROM evaluations WHERE tenant_id = ?', t.tenantId)).toHaveLength(1);
  });

  it('another tenant’s period or employee is 404; a closed period is 409 PERIOD_CLOSED; the body is checked', async () => {
    const m = await openMonth();
    const { t } = m;
    const other = await openMonth();
    const late = await hire(t, 'KF401', m.departmentId, m.positionId);
    const otherLate = await hire(other.t, 'KF401', other.departmentId, other.positionId);
    const key = await t.keyWith('evaluations:write');
    const audit = await auditCount(t.tenantId);

    // My employee in their period, their employee in my period, a period that does not exist.
    refused(await join(t.owner, other.periodId, late), 404, 'NOT_FOUND');
    const theirs = refused(await join(t.owner, m.periodId, otherLate, 'en'), 404, 'NOT_FOUND');
    expect(theirs.details).toEqual([{ field: 'employeeId', code: 'NOT_FOUND', message: 'Not found' }]);
    refused(await join(t.owner, 'per_nosuchperiod', late), 404, 'NOT_FOUND');
    refused(await join(key, other.periodId, otherLate), 404, 'NOT_FOUND');
    expect(ok(await other.t.owner.get(`/evaluations?employeeId=${otherLate}`)).items).toEqual([]);

    // The body: employeeId is required, a string, and nothing else is taken.
    for (const [body, field] of [
      [{}, 'employeeId'],
      [{ employeeId: '' }, 'employeeId'],
      [{ employeeId: 7 }, 'employeeId'],
      [{ employeeId: late, periodId: m.periodId }, '(body)'],
    ] as const) {
      const res = await t.owner.post(`/periods/${m.periodId}/evaluations`, body, { lang: 'en' });
      const e = refused(res, 400, 'VALIDATION_FAILED');
      expect(
        e.details.map((d: any) => d.field),
        JSON.stringify(body),
      ).toEqual([field]);
    }
    const zh = refused(
      await t.owner.post(`/periods/${m.periodId}/evaluations`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expect(zh.details[0].message).toBe('employeeId：必填');
    expect(await auditCount(t.tenantId)).toBe(audit);

    // Closed: KF001 approved, the month closed, then someone joins.
    await toApproved(m);
    ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    const closed = refused(await join(t.owner, m.periodId, late, 'en'), 409, 'CONFLICT');
    expect(closed.message).toBe('The period 2026-11 is closed');
    expect(ok(await t.owner.get(`/evaluations?employeeId=${late}`)).items).toEqual([]);
  });

  it('HR and evaluations:write keys may add; supervisors, employees, auditors and read keys may not', async () => {
    const m = await openMonth();
    const { t } = m;
    const hires = await Promise.all(
      ['KF501', 'KF502', 'KF503'].map((no) => hire(t, no, m.departmentId, m.positionId)),
    );
    for (const who of [
      m.supervisor,
      m.employee,
      await t.userWith('auditor'),
      await t.keyWith('evaluations:read'),
    ]) {
      refused(await join(who, m.periodId, hires[0]), 403, 'FORBIDDEN');
    }
    expect(ok(await t.owner.get(`/evaluations?employeeId=${hires[0]}`)).items).toEqual([]);
    ok(await join(await t.userWith('admin'), m.periodId, hires[0]), 201);
    ok(await join(await t.keyWith('evaluations:write'), m.periodId, hires[1]), 201);
    ok(await join(t.owner, m.periodId, hires[2]), 201);
    const list = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}&limit=100`)).items;
    expect(list.map((e: any) => e.employeeNo).sort()).toEqual(['KF001', 'KF501', 'KF502', 'KF503']);
  });
});
