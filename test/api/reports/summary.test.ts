import { describe, expect, it } from 'vitest';
import { periodSummarySchema } from '../../../worker/routes/periods/summary';
import { newTenant } from '../../helpers/tenant';
import { expectError } from '../support';
import { ok, seedMonth } from './fixtures';

/**
 * GET /periods/{id}/summary, checked against the evaluations list of the same caller: every
 * figure is recomputed here from the items the API lists, in integers.
 */
const half = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

function expected(items: any[]) {
  const centi = (e: any) => Math.round(e.total * 100);
  const byDept = new Map<string, number[]>();
  for (const e of items) byDept.set(e.departmentId, [...(byDept.get(e.departmentId) ?? []), centi(e)]);
  const departments = [...byDept].map(([id, xs]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length % 2 ? [s[(s.length - 1) / 2]!] : [s[s.length / 2 - 1]!, s[s.length / 2]!];
    return {
      departmentId: id,
      headcount: s.length,
      mean:
        half(
          s.reduce((a, b) => a + b, 0),
          s.length,
        ) / 100,
      median: half(mid[0]! + (mid[1] ?? 0), mid.length) / 100,
      min: s[0]! / 100,
      max: s.at(-1)! / 100,
    };
  });
  const bins = Array.from({ length: 20 }, () => 0);
  let above = 0;
  for (const e of items) {
    const c = centi(e);
    if (c > 10_000) above++;
    else bins[c <= 0 ? 0 : Math.ceil(c / 500) - 1]!++;
  }
  return { departments, bins, above };
}

describe('GET /periods/{id}/summary', () => {
  it('matches the evaluations the caller can list, for HR and for a supervisor', async () => {
    const m = await seedMonth();
    const hrList = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}&limit=200`)).items;
    const s = ok(await m.t.owner.get(`/periods/${m.periodId}/summary`));
    expect(periodSummarySchema.safeParse(s).error).toBeUndefined();
    expect(s.periodKey).toBe('2026-11');
    expect(s.status).toBe('open');
    expect(s.evaluations).toBe(9);
    expect(s.byStatus).toEqual({ draft: 8, submitted: 0, confirmed: 0, appealed: 1, approved: 0, locked: 0 });
    const want = expected(hrList);
    expect(
      s.departments
        .map(({ name: _, ...d }: any) => d)
        .sort((a: any, b: any) => (a.departmentId < b.departmentId ? -1 : 1)),
    ).toEqual(want.departments.sort((a, b) => (a.departmentId < b.departmentId ? -1 : 1)));
    expect(s.departments.map((d: any) => d.name).sort()).toEqual(['客服部', '工程部'].sort());
    // cs-monthly has praise bonus points, so it scores up to 105: a last bin above 100.
    expect(s.histogram).toHaveLength(21);
    expect(s.histogram[0]).toEqual({ from: 0, to: 5, count: want.bins[0] });
    expect(s.histogram[20]).toEqual({ from: 100, to: 105, count: want.above });
    expect(s.histogram.slice(0, 20).map((b: any) => b.count)).toEqual(want.bins);
    expect(s.grades.map((g: any) => g.grade)).toEqual(['A', 'B', 'C', 'D', 'E'].slice(0, s.grades.length));
    for (const g of s.grades)
      expect(g.count, g.grade).toBe(hrList.filter((e: any) => e.grade === g.grade).length);
    expect(s.grades.reduce((a: number, g: any) => a + g.count, 0)).toBe(9);
    expect(s.totalBonusFen).toBe(hrList.reduce((a: number, e: any) => a + e.pay.bonusFen, 0));
    expect(s.totalPayFen).toBe(hrList.reduce((a: number, e: any) => a + e.pay.totalFen, 0));
    expect(s.openAppeals).toHaveLength(1);
    expect(s.openAppeals[0]).toMatchObject({
      evaluationId: m.evaluationId,
      employeeId: m.employeeId,
      employeeNo: 'KF001',
      employeeName: '张敏',
      reason: '通话量统计漏了夜班',
    });

    // The supervisor of 客服部 sees 客服部 only.
    const sup = ok(await m.supervisor.get(`/periods/${m.periodId}/summary`));
    expect(sup.evaluations).toBe(6);
    expect(sup.departments.map((d: any) => d.departmentId)).toEqual([m.departmentId]);
    const supList = ok(await m.supervisor.get(`/evaluations?periodId=${m.periodId}&limit=200`)).items;
    expect(sup.totalPayFen).toBe(supList.reduce((a: number, e: any) => a + e.pay.totalFen, 0));
    // An employee's summary is their own month.
    const own = ok(await m.employee.get(`/periods/${m.periodId}/summary`));
    expect(own.evaluations).toBe(1);
    expect(own.openAppeals.map((a: any) => a.employeeNo)).toEqual(['KF001']);
  });

  it("is 404 for another tenant's period", async () => {
    const m = await seedMonth();
    const stranger = await newTenant();
    expectError(await stranger.owner.get(`/periods/${m.periodId}/summary`), 404, 'NOT_FOUND');
    const key = await stranger.keyWith('evaluations:read');
    expectError(await key.get(`/periods/${m.periodId}/summary`), 404, 'NOT_FOUND');
  });
});
