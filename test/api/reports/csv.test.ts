import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../worker/routes/reports/schema';
import { expectError, rows } from '../support';
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
    const [stored] = await rows<{ object_key: string }>(
      'SELECT object_key FROM reports WHERE id = ?',
      report.id,
    );
    expect(stored!.object_key).toBe(`tenants/${m.t.tenantId}/reports/${report.id}.csv`);
    expect((await env.REPORTS.head(stored!.object_key))?.customMetadata).toEqual({
      tenantId: m.t.tenantId,
      reportId: report.id,
      kind: 'period-scores',
      format: 'csv',
      createdBy: `user:${m.t.ownerId}`,
      rows: '9',
      sha256: report.sha256,
    });
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

describe('asking for a report', () => {
  it('in English: English headers, labels and file name', async () => {
    const m = await seedMonth();
    const report = await exported(
      m.t.owner,
      { kind: 'payroll', format: 'csv', periodId: m.periodId, includeOpen: true },
      'en',
    );
    expect(report.fileName).toBe('payroll-2026-11.csv');
    const [header, ...body] = parseCsv(utf8.decode((await download(m.t.owner, report.id)).bytes).slice(1));
    expect(header).toEqual([
      'Employee no.',
      'Name',
      'Department',
      'Position',
      'Base salary',
      'Bonus base',
      'Grade',
      'K',
      'Bonus',
      'Total pay',
      'Status',
    ]);
    expect(body.at(-1)![0]).toBe('Total');
    expect(new Set(body.slice(0, -1).map((r) => r[10]))).toEqual(new Set(['draft', 'appealed']));
  });

  it("an employee exports their own history only; another's employeeId is 404", async () => {
    const m = await seedMonth();
    const own = await exported(m.employee, {
      kind: 'employee-history',
      format: 'csv',
      from: '2026-01',
      to: '2026-12',
    });
    const [, ...lines] = parseCsv(utf8.decode((await download(m.employee, own.id)).bytes).slice(1));
    expect(lines.map((l) => l[0])).toEqual(['KF001']);
    const mine = await exported(m.employee, {
      kind: 'employee-history',
      format: 'csv',
      from: '2026-01',
      to: '2026-12',
      employeeId: m.employeeId,
    });
    expect(mine.fileName).toBe('考核历史-KF001-2026-01-2026-12.csv');
    const others = ok(await m.t.owner.get(`/employees?limit=200`)).items.filter(
      (e: any) => e.id !== m.employeeId,
    );
    expectError(
      await m.employee.post('/reports', {
        kind: 'employee-history',
        format: 'csv',
        from: '2026-01',
        to: '2026-12',
        employeeId: others[0].id,
      }),
      404,
      'NOT_FOUND',
    );
    // Their reports are theirs: the supervisor does not see them, HR does.
    expect(ok(await m.supervisor.get('/reports')).items).toEqual([]);
    expect(ok(await m.t.owner.get('/reports')).items.map((r: any) => r.id)).toEqual([mine.id, own.id]);
    expectError(await m.supervisor.get(`/reports/${own.id}`), 404, 'NOT_FOUND');
    expectError(await m.supervisor.delete(`/reports/${own.id}`), 404, 'NOT_FOUND');
    // Pages of one, newest first, then the end; a forged cursor is refused.
    const first = ok(await m.t.owner.get('/reports?limit=1'));
    expect(first.items.map((r: any) => r.id)).toEqual([mine.id]);
    const second = ok(await m.t.owner.get(`/reports?limit=1&cursor=${first.nextCursor}`));
    expect(second).toEqual({ items: [expect.objectContaining({ id: own.id })], nextCursor: null });
    const forged = btoa(JSON.stringify('2026-12-01')).replace(/=+$/, '');
    expectError(await m.t.owner.get(`/reports?cursor=${forged}`), 400, 'BAD_REQUEST');
  });

  it('names each wrong field and writes nothing', async () => {
    const m = await seedMonth();
    const before = await rows('SELECT id FROM reports WHERE tenant_id = ?', m.t.tenantId);
    const fields = async (body: unknown, lang?: 'en') => {
      const r = await m.t.owner.post('/reports', body, lang ? { lang } : undefined);
      expectError(r, 400, 'VALIDATION_FAILED');
      return r.body.error.details.map((d: any) => d.field).sort();
    };
    expect(await fields({ kind: 'payroll', format: 'csv' })).toEqual(['periodId']);
    expect(await fields({ kind: 'nope', format: 'pdf', periodId: m.periodId })).toEqual(['format', 'kind']);
    expect(await fields({ kind: 'employee-history', format: 'csv', from: '2026-13', to: 'x' })).toEqual([
      'from',
      'to',
    ]);
    expect(await fields({ kind: 'employee-history', format: 'csv', from: '2026-12', to: '2026-01' })).toEqual(
      ['from'],
    );
    expect(
      await fields({ kind: 'audit-log', format: 'xlsx', from: '2026-11-01', to: '2026-11-30T00:00:00Z' }),
    ).toEqual(['from']);
    expect(
      await fields({ kind: 'period-scores', format: 'csv', periodId: m.periodId, from: '2026-01' }),
    ).toEqual(['from']);
    const en = await m.t.owner.post(
      '/reports',
      { kind: 'department-summary', format: 'csv' },
      { lang: 'en' },
    );
    expect(en.body.error.details[0].message).toBe('periodId is required for this kind of report');
    expectError(
      await m.t.owner.post('/reports', { kind: 'payroll', format: 'csv', periodId: 'per_nope' }),
      404,
      'NOT_FOUND',
    );
    expect(await rows('SELECT id FROM reports WHERE tenant_id = ?', m.t.tenantId)).toEqual(before);
  });
});
