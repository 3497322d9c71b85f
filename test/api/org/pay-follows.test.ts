import { describe, expect, it } from 'vitest';
import { ifMatch, type Month, ok, openMonth, read } from '../evaluations/fixtures';
import { act, auditCount, COMPLETE, refused, toApproved } from '../evaluations/workflow-support';
import { rows } from '../support';
import { importCsv, utf8 } from './org-fixtures';

/*
 * openMonth's 客服专员 pays 3,000.00 元 base and 1,000.00 元 bonus base. The cs-monthly template
 * grades an evaluation with no inputs E (K 0.5) and one with every required input (COMPLETE) A
 * (K 1.1); the fen below are worked out by hand from those, half-up to the fen.
 */

interface Stored {
  position_id: string;
  department_id: string;
  base_salary_fen: number;
  bonus_base_fen: number;
  bonus_fen: number;
  pay_total_fen: number;
  k: number;
  revision: number;
  status: string;
}

const evaluationOf = async (id: string) =>
  (
    await rows<Stored>(
      `SELECT position_id, department_id, base_salary_fen, bonus_base_fen, bonus_fen, pay_total_fen,
              k, revision, status FROM evaluations WHERE id = ?`,
      id,
    )
  )[0]!;

interface Entry {
  entity_id: string;
  before: string;
  after: string;
  request_id: string;
}
const entries = (tenantId: string, action: 'evaluation.reprice' | 'evaluation.move') =>
  rows<Entry>(
    'SELECT entity_id, before, after, request_id FROM audit_log WHERE tenant_id = ? AND action = ? ORDER BY seq',
    tenantId,
    action,
  );
const reprices = (tenantId: string) => entries(tenantId, 'evaluation.reprice');

const RATING = { ratings: [{ indicator: 'supervisor_rating', value: 9 }] };

/** The id of `employeeId`'s evaluation in the period. */
async function evaluationIn(m: Month, periodId: string, employeeId: string): Promise<string> {
  const list = ok(await m.t.owner.get(`/evaluations?periodId=${periodId}&employeeId=${employeeId}`));
  return list.items[0].id;
}

async function secondEmployee(m: Month, no = 'KF002') {
  return ok(await m.t.owner.get(`/employees?q=${no}`)).items[0] as { id: string; name: string };
}

/** 高级专员: 3,500.00 元 base, 1,200.00 元 bonus base. */
async function seniorPosition(m: Month): Promise<string> {
  const pos = ok(
    await m.t.owner.post('/positions', { name: '高级专员', baseSalaryFen: 350_000, bonusBaseFen: 120_000 }),
    201,
  );
  return pos.id;
}

async function chainHolds(m: Month) {
  expect(ok(await m.t.owner.get('/audit-log/verify')).ok).toBe(true);
}

describe('a pay correction of a position re-prices the open month', () => {
  it('PATCH /positions/{id}: unsettled drafts at their own K, same batch, old ETag 412, one entry each', async () => {
    const m = await openMonth(['KF002']);
    const kf002 = await evaluationIn(m, m.periodId, (await secondEmployee(m)).id);
    ok(await act(m.t.owner, kf002, 'inputs', COMPLETE)); // still a draft, graded A
    const before = await read(m.t.owner, m.evaluationId);
    expect(before.body).toMatchObject({ status: 'draft', k: 0.5 });
    expect(before.body.pay).toEqual({
      baseSalaryFen: 300_000,
      bonusBaseFen: 100_000,
      bonusFen: 50_000,
      totalFen: 350_000,
    });
    const kf002Before = await evaluationOf(kf002);
    expect(kf002Before).toMatchObject({
      status: 'draft',
      k: 1.1,
      bonus_fen: 110_000,
      pay_total_fen: 410_000,
    });

    // 3,200.00 元 base and 1,000.01 元 bonus base.
    const patched = await m.t.owner.patch(`/positions/${m.positionId}`, {
      baseSalaryFen: 320_000,
      bonusBaseFen: 100_001,
    });
    ok(patched);

    // K 0.5: 100,001 × 0.5 = 50,000.5 → 50,001; 320,000 + 50,001 = 370,001.
    const after = await read(m.t.owner, m.evaluationId);
    expect(after.body.pay).toEqual({
      baseSalaryFen: 320_000,
      bonusBaseFen: 100_001,
      bonusFen: 50_001,
      totalFen: 370_001,
    });
    expect(after.body).toMatchObject({ status: 'draft', k: 0.5, revision: before.body.revision + 1 });
    // K 1.1: 100,001 × 1.1 = 110,001.1 → 110,001; 320,000 + 110,001 = 430,001.
    expect(await evaluationOf(kf002)).toEqual({
      ...kf002Before,
      base_salary_fen: 320_000,
      bonus_base_fen: 100_001,
      bonus_fen: 110_001,
      pay_total_fen: 430_001,
      revision: kf002Before.revision + 1,
    });

    refused(
      await m.t.owner.post(`/evaluations/${m.evaluationId}/inputs`, RATING, ifMatch(before.etag)),
      412,
      'PRECONDITION_FAILED',
    );
    ok(await m.t.owner.post(`/evaluations/${m.evaluationId}/inputs`, RATING, ifMatch(after.etag)));

    const logged = await reprices(m.t.tenantId);
    expect(logged.map((e) => e.entity_id).sort()).toEqual([m.evaluationId, kf002].sort());
    expect(new Set(logged.map((e) => e.request_id)), 'written with the position change').toEqual(
      new Set([patched.headers.get('X-Request-Id')]),
    );
    const mine = logged.find((e) => e.entity_id === m.evaluationId)!;
    expect(JSON.parse(mine.before)).toEqual({
      positionId: m.positionId,
      baseSalaryFen: 300_000,
      bonusBaseFen: 100_000,
      bonusFen: 50_000,
      payTotalFen: 350_000,
      revision: before.body.revision,
    });
    expect(JSON.parse(mine.after)).toEqual({
      positionId: m.positionId,
      baseSalaryFen: 320_000,
      bonusBaseFen: 100_001,
      bonusFen: 50_001,
      payTotalFen: 370_001,
      revision: before.body.revision + 1,
      employeeId: m.employeeId,
      k: 0.5,
    });

    // A rename alone touches no evaluation.
    const renamed = await evaluationOf(kf002);
    ok(await m.t.owner.patch(`/positions/${m.positionId}`, { name: '客服专员（一级）' }));
    expect(await evaluationOf(kf002)).toEqual(renamed);
    expect(await reprices(m.t.tenantId)).toHaveLength(2);
    await chainHolds(m);
  });

  it('approved evaluations and closed periods keep the pay they were judged with', async () => {
    const m = await openMonth(['KF002']);
    const kf002 = await secondEmployee(m);
    const nov = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items as { id: string }[];
    for (const e of nov) await toApproved(m, e.id);
    ok(await m.t.owner.post(`/periods/${m.periodId}/close`, {}));
    const dec = ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
    const kf001Dec = await evaluationIn(m, dec.period.id, m.employeeId);
    const kf002Dec = await evaluationIn(m, dec.period.id, kf002.id);
    await toApproved(m, kf002Dec);
    const history = [...nov.map((e) => e.id), kf002Dec];
    const kept = await Promise.all(history.map(evaluationOf));
    expect(kept.map((h) => h.status)).toEqual(['locked', 'locked', 'approved']);
    expect(kept.map((h) => h.pay_total_fen)).toEqual([410_000, 410_000, 410_000]);

    ok(await m.t.owner.patch(`/positions/${m.positionId}`, { baseSalaryFen: 330_000 }));

    expect(await Promise.all(history.map(evaluationOf))).toEqual(kept);
    // The open December draft (K 0.5) follows: 330,000 + 100,000 × 0.5 = 380,000.
    expect(await evaluationOf(kf001Dec)).toMatchObject({
      status: 'draft',
      base_salary_fen: 330_000,
      bonus_fen: 50_000,
      pay_total_fen: 380_000,
    });
    expect((await reprices(m.t.tenantId)).map((e) => e.entity_id)).toEqual([kf001Dec]);
    await chainHolds(m);
  });
});

describe('an employee changing position takes their open evaluation to the new pay', () => {
  it('PATCH /employees/{id}: position_id set, re-priced from the new position, old ETag 412, audited', async () => {
    const m = await openMonth();
    const senior = await seniorPosition(m);
    const before = await read(m.t.owner, m.evaluationId);

    const patched = await m.t.owner.patch(`/employees/${m.employeeId}`, { positionId: senior });
    ok(patched);

    // 350,000 + 120,000 × 0.5 = 350,000 + 60,000 = 410,000.
    const after = await read(m.t.owner, m.evaluationId);
    expect(after.body).toMatchObject({
      positionId: senior,
      departmentId: m.departmentId,
      status: 'draft',
      k: 0.5,
      revision: before.body.revision + 1,
      pay: { baseSalaryFen: 350_000, bonusBaseFen: 120_000, bonusFen: 60_000, totalFen: 410_000 },
    });
    refused(
      await m.t.owner.post(`/evaluations/${m.evaluationId}/inputs`, RATING, ifMatch(before.etag)),
      412,
      'PRECONDITION_FAILED',
    );
    const [entry, ...more] = await reprices(m.t.tenantId);
    expect(more).toEqual([]);
    expect(entry!.request_id).toBe(patched.headers.get('X-Request-Id'));
    expect(JSON.parse(entry!.before)).toEqual({
      positionId: m.positionId,
      baseSalaryFen: 300_000,
      bonusBaseFen: 100_000,
      bonusFen: 50_000,
      payTotalFen: 350_000,
      revision: before.body.revision,
    });
    expect(JSON.parse(entry!.after)).toEqual({
      positionId: senior,
      baseSalaryFen: 350_000,
      bonusBaseFen: 120_000,
      bonusFen: 60_000,
      payTotalFen: 410_000,
      revision: before.body.revision + 1,
      employeeId: m.employeeId,
      k: 0.5,
    });
    expect(await entries(m.t.tenantId, 'evaluation.move')).toEqual([]);

    // The evaluation now follows its new position: that position's next correction reaches it.
    ok(await m.t.owner.patch(`/positions/${m.positionId}`, { bonusBaseFen: 90_000 }));
    expect((await evaluationOf(m.evaluationId)).pay_total_fen).toBe(410_000);
    ok(await m.t.owner.patch(`/positions/${senior}`, { bonusBaseFen: 130_000 }));
    // 350,000 + 130,000 × 0.5 = 415,000.
    expect((await evaluationOf(m.evaluationId)).pay_total_fen).toBe(415_000);
    await chainHolds(m);
  });

  it('department and position in one PATCH: one revision step, a move and a reprice entry on it', async () => {
    const m = await openMonth();
    const senior = await seniorPosition(m);
    const baoan = ok(await m.t.owner.post('/departments', { name: '保安部' }), 201).id as string;
    const newSup = await m.t.userWith('supervisor');
    ok(await m.t.owner.put(`/departments/${baoan}/supervisors`, { userIds: [newSup.userId] }));
    const before = await read(m.t.owner, m.evaluationId);
    const r = before.body.revision as number;

    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { departmentId: baoan, positionId: senior }));

    expect(await evaluationOf(m.evaluationId)).toMatchObject({
      department_id: baoan,
      position_id: senior,
      pay_total_fen: 410_000,
      revision: r + 1,
    });
    const [move, ...moreMoves] = await entries(m.t.tenantId, 'evaluation.move');
    const [reprice, ...moreReprices] = await reprices(m.t.tenantId);
    expect([moreMoves, moreReprices]).toEqual([[], []]);
    for (const entry of [move!, reprice!]) {
      expect(entry.entity_id).toBe(m.evaluationId);
      expect(JSON.parse(entry.before).revision).toBe(r);
      expect(JSON.parse(entry.after).revision).toBe(r + 1);
    }
    expect(move!.request_id).toBe(reprice!.request_id);
    expect(JSON.parse(move!.after).departmentId).toBe(baoan);
    expect(JSON.parse(reprice!.after).positionId).toBe(senior);

    // The ETag the new supervisor reads is the one the evaluation really has.
    const seen = await read(newSup, m.evaluationId);
    expect(seen.etag).toBe(`"${m.evaluationId}.${r + 1}"`);
    ok(await newSup.post(`/evaluations/${m.evaluationId}/inputs`, RATING, ifMatch(seen.etag)));
    await chainHolds(m);
  });

  it('the CSV import re-prices too, in chunks past D1’s 100 parameters, and only changed rows', async () => {
    const m = await openMonth(['KF002']);
    const senior = await seniorPosition(m);
    ok(await m.t.owner.post('/departments', { name: '保安部' }), 201);
    const many = Array.from({ length: 120 }, (_, i) => `KF${String(i + 100).padStart(3, '0')}`);
    const header = '工号,姓名,部门,岗位\n';
    const line = (no: string, dept: string, pos: string) => `${no},员工${no},${dept},${pos}`;
    ok(
      await importCsv(m.t.owner, utf8(header + many.map((no) => line(no, '客服部', '客服专员')).join('\n'))),
    );
    const dec = ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
    expect(dec.evaluations).toBe(122);
    const kf002 = await secondEmployee(m);
    const kf001Dec = await evaluationIn(m, dec.period.id, m.employeeId);
    const revisions = await Promise.all([m.evaluationId, kf001Dec].map(evaluationOf));
    const kf002Before = await rows('SELECT * FROM evaluations WHERE employee_id = ? ORDER BY id', kf002.id);

    const file = [
      line('KF001', '保安部', '高级专员'), // department and position
      `KF002,${kf002.name},客服部,客服专员`, // unchanged
      ...many.map((no) => line(no, '客服部', '高级专员')),
    ];
    const imported = await importCsv(m.t.owner, utf8(header + file.join('\n')));
    expect(ok(imported)).toMatchObject({ updates: 121, unchanged: 1 });

    const byPay = await rows<{ position_id: string; pay_total_fen: number; n: number }>(
      `SELECT position_id, pay_total_fen, count(*) AS n FROM evaluations
        WHERE tenant_id = ? AND employee_id != ? GROUP BY position_id, pay_total_fen`,
      m.t.tenantId,
      kf002.id,
    );
    // KF001's November and December evaluations and the 120 in December, all at K 0.5: 410,000.
    expect(byPay).toEqual([{ position_id: senior, pay_total_fen: 410_000, n: 1 + 1 + 120 }]);
    expect(await rows('SELECT * FROM evaluations WHERE employee_id = ? ORDER BY id', kf002.id)).toEqual(
      kf002Before,
    );
    const logged = await reprices(m.t.tenantId);
    expect(logged).toHaveLength(122);
    expect(new Set(logged.map((e) => e.request_id))).toEqual(new Set([imported.headers.get('X-Request-Id')]));
    // KF001 moved department and position in one row: one revision step for both.
    expect((await entries(m.t.tenantId, 'evaluation.move')).map((e) => e.entity_id).sort()).toEqual(
      [m.evaluationId, kf001Dec].sort(),
    );
    expect((await Promise.all([m.evaluationId, kf001Dec].map(evaluationOf))).map((e) => e.revision)).toEqual(
      revisions.map((e) => e.revision + 1),
    );
    await chainHolds(m);
  });
});

describe('tenants', () => {
  it('another tenant’s evaluations and audit log are untouched', async () => {
    const m = await openMonth();
    const other = await openMonth(); // the same 客服专员 name and pay, in another company
    const theirs = await evaluationOf(other.evaluationId);
    const theirAudit = await auditCount(other.t.tenantId);

    refused(await m.t.owner.patch(`/positions/${other.positionId}`, { baseSalaryFen: 1 }), 404, 'NOT_FOUND');
    refused(
      await m.t.owner.patch(`/employees/${other.employeeId}`, { positionId: m.positionId }),
      404,
      'NOT_FOUND',
    );
    ok(await m.t.owner.patch(`/positions/${m.positionId}`, { baseSalaryFen: 310_000 }));
    const senior = await seniorPosition(m);
    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { positionId: senior }));
    expect(await reprices(m.t.tenantId)).toHaveLength(2);

    expect(await evaluationOf(other.evaluationId)).toEqual(theirs);
    expect(await reprices(other.t.tenantId)).toEqual([]);
    expect(await auditCount(other.t.tenantId)).toBe(theirAudit);
    expect(ok(await other.t.owner.get(`/positions/${other.positionId}`)).baseSalaryFen).toBe(300_000);
  });
});
