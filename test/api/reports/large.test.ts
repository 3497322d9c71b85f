import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { rows } from '../support';
import { download, exported, parseCsv, seedMonth } from './fixtures';

const BULK = 20_000;

/**
 * 20,000 more evaluations in the seeded month, written straight into D1 (one INSERT … SELECT
 * each): what is under test is the export, not how a month gets that big. Each name is long
 * (60 CJK characters), so the CSV passes 5 MiB and goes up in more than one part.
 */
async function bulkMonth() {
  const m = await seedMonth();
  const now = new Date().toISOString();
  await rows(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO employees (id, tenant_id, employee_no, name, department_id, position_id, active, created_at, updated_at)
     SELECT 'emp_bulk' || i, ?, 'B' || printf('%05d', i), '批量员工' || i || replace(hex(zeroblob(60)), '00', '名'), ?, ?, 1, ?, ?
       FROM n`,
    BULK,
    m.t.tenantId,
    m.departmentId,
    m.positionId,
    now,
    now,
  );
  await rows(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO evaluations
       SELECT 'eva_bulk' || i, e.tenant_id, e.period_id, 'emp_bulk' || i, e.department_id, e.position_id, e.scheme_id,
              e.scheme_version_id, e.status, 1, (i * 37) % 10001, e.grade, e.k, e.vetoed, e.base_salary_fen,
              e.bonus_base_fen, e.bonus_fen, e.pay_total_fen,
              json_object('categories', json_extract(e.breakdown, '$.categories')), '[]', e.created_at, e.updated_at
         FROM n, evaluations e WHERE e.id = ?`,
    BULK,
    m.evaluationId,
  );
  return m;
}

describe('a 20,000-row month', () => {
  it('exports as CSV in several 5 MiB parts and as XLSX, every row there', async () => {
    const m = await bulkMonth();
    const csv = await exported(
      m.t.owner,
      { kind: 'period-scores', format: 'csv', periodId: m.periodId },
      undefined,
      120_000,
    );
    expect(csv.rows).toBe(BULK + 9);
    expect(csv.bytes).toBeGreaterThan(5 * 1024 * 1024);
    const [obj] = await rows<{ object_key: string }>('SELECT object_key FROM reports WHERE id = ?', csv.id);
    const head = await env.REPORTS.head(obj!.object_key);
    expect(head?.etag, 'a multipart object of 2 parts').toMatch(/-2$/);
    const { bytes } = await download(m.t.owner, csv.id);
    expect(bytes.byteLength).toBe(csv.bytes);
    const [, ...body] = parseCsv(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1),
    );
    expect(body).toHaveLength(BULK + 9);
    expect(body.map((r) => r[0])).toEqual([...body.map((r) => r[0]!)].sort());
    const bulk = body.filter((r) => r[0]!.startsWith('B'));
    expect(bulk[1233]![0]).toBe('B01234');
    expect(bulk[1233]!.at(-4)).toBe((((1234 * 37) % 10001) / 100).toFixed(2));

    const xlsx = await exported(
      m.t.owner,
      { kind: 'period-scores', format: 'xlsx', periodId: m.periodId },
      undefined,
      120_000,
    );
    expect(xlsx.rows).toBe(BULK + 9);
    const book = XLSX.read((await download(m.t.owner, xlsx.id)).bytes, { type: 'array', dense: true });
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(sheet).toHaveLength(BULK + 10);
    // 工号 order: B00001 … B20000, then GC…, then KF…
    expect(sheet[1]![0]).toBe('B00001');
    expect(sheet[BULK]![0]).toBe(`B${String(BULK).padStart(5, '0')}`);
    expect(sheet.at(-1)![0]).toBe('KF006');
    expect(sheet[1234]!.at(-4)).toBe(((1234 * 37) % 10001) / 100);
  }, 240_000);
});
