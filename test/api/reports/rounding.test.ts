import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ifMatch, type Month, ok, openMonth, read } from '../evaluations/fixtures';
import { COMPLETE } from '../evaluations/workflow-support';
import { download, exported, parseCsv } from './fixtures';

/*
 * Half-up, where half-down would differ: every figure below has an exact value ending in 5 at
 * the rounding digit. 电话接听量 scores 10 × v / 1200 points: 1191 calls are 9.925 (9.93, not
 * 9.92), 1190 calls 9.9166… (9.92). The two totals then differ by 0.01, so their department's
 * mean and median are x.xx5. A bonus base of 1,000.05 元 at K 0.9 is 900.045 元 (900.05).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const inputs = (calls: number) => ({
  ...COMPLETE,
  metrics: COMPLETE.metrics.map((x) => (x.indicator === 'calls_answered' ? { ...x, value: calls } : x)),
  // An exam of 0 puts the month at 87.09 / 87.10, grade C, K 0.9: a K with an odd tenth.
  ratings: COMPLETE.ratings.map((x) => (x.indicator === 'exam' ? { ...x, value: 0 } : x)),
});

let m: Month;
let totals: number[];
beforeAll(async () => {
  m = await openMonth(['KF002']);
  const hr = m.t.owner;
  ok(await hr.patch(`/positions/${m.positionId}`, { bonusBaseFen: 100_005 }));
  const items = ok(await hr.get(`/evaluations?periodId=${m.periodId}`)).items;
  totals = [];
  for (const [i, e] of [...items]
    .sort((a: any, b: any) => (a.employeeNo < b.employeeNo ? -1 : 1))
    .entries()) {
    const { etag } = await read(hr, e.id);
    const done = ok(await hr.post(`/evaluations/${e.id}/inputs`, inputs(1190 + i), ifMatch(etag)));
    totals.push(done.total);
  }
}, 60_000);

/** The report's rows by their first cell, CSV and XLSX alike, as text. */
async function sheet(body: Record<string, unknown>, format: 'csv' | 'xlsx'): Promise<Map<string, string[]>> {
  const report = await exported(m.t.owner, { ...body, format });
  const { bytes } = await download(m.t.owner, report.id);
  let table: string[][];
  if (format === 'csv') table = parseCsv(utf8.decode(bytes).slice(1));
  else {
    const book = XLSX.read(bytes, { type: 'array' });
    const s = book.Sheets[book.SheetNames[0]!]!;
    // Numbers as the cell's format shows them (0.00), the way a reader sees them.
    table = XLSX.utils.sheet_to_json<string[]>(s, { header: 1, raw: false, defval: '' });
  }
  const [header, ...rows] = table;
  return new Map(rows.map((r) => [r[0]!, r.map((v, c) => `${header![c]}=${v}`)]));
}

describe('half-up rounding where half-down differs', () => {
  it('an indicator of exactly 9.925 points scores 9.93; 9.9166… scores 9.92', async () => {
    const byNo = new Map<string, number>();
    for (const e of ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items) {
      const detail = (await read(m.t.owner, e.id)).body;
      byNo.set(e.employeeNo, detail.breakdown.indicators.find((i: any) => i.key === 'calls_answered').points);
    }
    expect(Object.fromEntries(byNo)).toEqual({ KF001: 9.92, KF002: 9.93 });
    expect(Math.round((totals[1]! - totals[0]!) * 100), `totals ${totals}`).toBe(1);
  });

  it('a bonus of exactly 900.045 元 is 900.05, in the evaluation and in the payroll sheet', async () => {
    for (const e of ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items) {
      expect(e.grade, 'grade C, K 0.9').toBe('C');
      expect(e.pay, e.employeeNo).toEqual({
        baseSalaryFen: 300_000,
        bonusBaseFen: 100_005,
        bonusFen: 90_005,
        totalFen: 390_005,
      });
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await sheet({ kind: 'payroll', periodId: m.periodId, includeOpen: true }, format);
      for (const no of ['KF001', 'KF002'])
        expect(rows.get(no), `${format} ${no}`).toEqual(
          expect.arrayContaining(['绩效奖金=900.05', '工资总额=3900.05']),
        );
      expect(rows.get('合计'), format).toEqual(expect.arrayContaining(['绩效奖金=1800.10']));
    }
  });

  it('a department mean and median of exactly x.xx5 round up, in the summary and in the report', async () => {
    const up = totals[1]!.toFixed(2); // (t + t + 0.01) / 2, half-up
    const summary = ok(await m.t.owner.get(`/periods/${m.periodId}/summary`));
    expect(summary.departments.map((d: any) => [d.mean, d.median])).toEqual([[totals[1], totals[1]]]);
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await sheet({ kind: 'department-summary', periodId: m.periodId }, format);
      expect(rows.get('客服部'), format).toEqual(expect.arrayContaining([`平均分=${up}`, `中位数=${up}`]));
    }
  });
});
