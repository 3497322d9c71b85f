import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../worker/routes/reports/schema';
import { rows } from '../support';
import { download, exported, ok, parseCsv, seedMonth, yuan } from './fixtures';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('CSV reports', () => {
  it('period-scores: BOM, CRLF, one row per evaluation equal to D1, Chinese file name', async () => {
    const m = await seedMonth();
    const created = ok(
      await m.t.owner.post('/reports', { kind: 'period-scores', format: 'csv', periodId: m.periodId }),
      202,
    );
    expect(reportSchema.safeParse(created).error).toBeUndefined();
    expect(created).toMatchObject({
      status: 'queued',
      kind: 'period-scores',
      fileName: '考核成绩-2026-11.csv',
    });
    const report = await exported(m.t.owner, { kind: 'period-scores', format: 'csv', periodId: m.periodId });
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(report.rows).toBe(9);
    const { bytes, headers } = await download(m.t.owner, report.id);
    expect([...bytes.slice(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    expect(headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('Content-Disposition')).toBe(
      `attachment; filename="period-scores-2026-11.csv"; filename*=UTF-8''${encodeURIComponent('考核成绩-2026-11.csv')}`,
    );
    expect(report.bytes).toBe(bytes.byteLength);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect(report.sha256).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));

    const [header, ...body] = parseCsv(utf8.decode(bytes).slice(1));
    expect(header!.slice(0, 4)).toEqual(['工号', '姓名', '部门', '岗位']);
    expect(header!.slice(-4)).toEqual(['总分', '等级', 'K', '状态']);
    const db = await rows<any>(
      `SELECT p.employee_no, p.name, d.name AS dept, pos.name AS pos, e.total_centi, e.grade, e.k, e.status,
              json_extract(e.breakdown, '$.categories') AS cats
         FROM evaluations e JOIN employees p ON p.id = e.employee_id JOIN departments d ON d.id = e.department_id
         JOIN positions pos ON pos.id = e.position_id
        WHERE e.tenant_id = ? AND e.period_id = ? ORDER BY p.employee_no`,
      m.t.tenantId,
      m.periodId,
    );
    const names: Record<string, string> = { draft: '草稿', appealed: '申诉中' };
    expect(body).toEqual(
      db.map((e) => [
        e.employee_no,
        e.name,
        e.dept,
        e.pos,
        ...JSON.parse(e.cats).map((c: any) => yuan(Math.round(c.points * 100))),
        yuan(e.total_centi),
        e.grade,
        yuan(Math.round(e.k * 100)),
        names[e.status],
      ]),
    );
    expect(header!.slice(4, -4)).toEqual(JSON.parse(db[0].cats).map((c: any) => c.name));
  });
});
