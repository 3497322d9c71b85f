import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { expectError, rows } from '../support';
import { download, exported, ok, parseCsv, seedMonth, yuan } from './fixtures';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LINK = '=HYPERLINK("http://evil.example/x","点我")';
const fen = (s: string) => {
  expect(s, 'money has two decimals').toMatch(/^-?\d+\.\d{2}$/);
  return Number(s.replace('.', ''));
};

describe('payroll', () => {
  it('refuses an open month unless includeOpen; then every row has its status and the money adds up', async () => {
    const m = await seedMonth();
    const hr = m.t.owner;
    const evil = ok(
      await hr.post('/employees', {
        employeeNo: 'GC009',
        name: LINK,
        departmentId: m.otherDepartmentId,
        positionId: m.positionId,
      }),
      201,
    );
    ok(await hr.post(`/periods/${m.periodId}/evaluations`, { employeeId: evil.id }), 201);

    const refused = await hr.post('/reports', { kind: 'payroll', format: 'csv', periodId: m.periodId });
    expectError(refused, 409, 'CONFLICT');
    expect(refused.body.error.message).toContain('includeOpen');
    const en = await hr.post(
      '/reports',
      { kind: 'payroll', format: 'csv', periodId: m.periodId },
      { lang: 'en' },
    );
    expect(en.body.error.message).toContain('includeOpen: true');

    const report = await exported(hr, {
      kind: 'payroll',
      format: 'csv',
      periodId: m.periodId,
      includeOpen: true,
    });
    expect(report.fileName).toBe('工资表-2026-11.csv');
    expect(report.rows).toBe(10);
    const { bytes } = await download(hr, report.id);
    const text = utf8.decode(bytes);
    expect(text.charCodeAt(0), 'BOM').toBe(0xfeff);
    const [header, ...body] = parseCsv(text.slice(1));
    expect(header).toEqual([
      '工号',
      '姓名',
      '部门',
      '岗位',
      '基本工资',
      '绩效奖金基数',
      '等级',
      'K',
      '绩效奖金',
      '工资总额',
      '状态',
    ]);
    const totals = body.pop()!;
    expect(totals[0]).toBe('合计');

    // The formula arrives as text: a leading apostrophe, so no spreadsheet runs it.
    const evilRow = body.find((r) => r[0] === 'GC009')!;
    expect(evilRow[1]).toBe(`'${LINK}`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/x"",""点我"")"`);

    for (const col of [4, 5, 8, 9]) {
      const sum = body.reduce((a, r) => a + fen(r[col]!), 0);
      expect(fen(totals[col]!), `${header![col]} adds up`).toBe(sum);
    }
    const db = await rows<any>(
      `SELECT p.employee_no, e.base_salary_fen, e.bonus_base_fen, e.grade, e.k, e.bonus_fen, e.pay_total_fen, e.status
         FROM evaluations e JOIN employees p ON p.id = e.employee_id
        WHERE e.tenant_id = ? AND e.period_id = ? ORDER BY p.employee_no`,
      m.t.tenantId,
      m.periodId,
    );
    expect(body.map((r) => [r[0], r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual(
      db.map((e) => [
        e.employee_no,
        yuan(e.base_salary_fen),
        yuan(e.bonus_base_fen),
        e.grade,
        yuan(Math.round(e.k * 100)),
        yuan(e.bonus_fen),
        yuan(e.pay_total_fen),
      ]),
    );
    expect(new Set(body.map((r) => r[10]))).toEqual(new Set(['草稿', '申诉中']));

    // In the XLSX the name is a text cell holding exactly what was typed: no formula.
    const xlsx = await exported(hr, {
      kind: 'payroll',
      format: 'xlsx',
      periodId: m.periodId,
      includeOpen: true,
    });
    const book = XLSX.read((await download(hr, xlsx.id)).bytes, { type: 'array', cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const at = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }).findIndex((r) => r[0] === 'GC009');
    const cell = sheet[XLSX.utils.encode_cell({ r: at, c: 1 })]!;
    expect(cell).toMatchObject({ t: 's', v: LINK });
    expect(cell.f, 'no formula').toBeUndefined();
  });

  it('is not for supervisors or employees, whose reports hold only what they may see', async () => {
    const m = await seedMonth();
    const body = { kind: 'payroll', format: 'csv', periodId: m.periodId, includeOpen: true };
    expectError(await m.supervisor.post('/reports', body), 403, 'FORBIDDEN');
    expectError(await m.employee.post('/reports', body), 403, 'FORBIDDEN');
    expectError(
      await m.employee.post('/reports', { kind: 'period-scores', format: 'csv', periodId: m.periodId }),
      403,
      'FORBIDDEN',
    );
    // The supervisor's period-scores: 客服部 only.
    const own = await exported(m.supervisor, { kind: 'period-scores', format: 'csv', periodId: m.periodId });
    expect(own.rows).toBe(6);
    const [, ...lines] = parseCsv(utf8.decode((await download(m.supervisor, own.id)).bytes).slice(1));
    expect(lines.map((l) => l[0])).toEqual(['KF001', 'KF002', 'KF003', 'KF004', 'KF005', 'KF006']);
  });
});
