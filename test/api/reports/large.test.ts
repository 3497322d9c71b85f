import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runReportJob } from '../../../worker/services/reports/job';
import { PART_BYTES } from '../../../worker/services/reports/upload';
import {
  BULK,
  bulkMonth,
  download,
  exported,
  objectKeyOf,
  ok,
  parseCsv,
  queuedReport,
  watchedBucket,
} from './fixtures';

describe('a 20,000-row month', () => {
  it('goes up in 5 MiB parts and lands at its key with rows, SHA-256, kind and creator', async () => {
    const m = await bulkMonth();
    const { report, job } = await queuedReport(m, {
      kind: 'period-scores',
      format: 'csv',
      periodId: m.periodId,
    });
    const watched = watchedBucket(env.REPORTS);
    await runReportJob({ DB: env.DB, REPORTS: watched.bucket }, job);
    const ready = ok(await m.t.owner.get(`/reports/${report.id}`));
    expect(ready).toMatchObject({ status: 'ready', rows: BULK + 9 });
    expect(ready.bytes).toBeGreaterThan(PART_BYTES);
    const tail = ready.bytes - PART_BYTES;
    expect(watched.calls).toEqual([
      `createMultipartUpload ${report.id}.csv.upload`,
      `uploadPart 1 ${PART_BYTES}`,
      `uploadPart 2 ${tail}`,
      'complete',
      `put ${report.id}.csv`,
    ]);
    const key = await objectKeyOf(report.id);
    const head = await env.REPORTS.head(key);
    expect(head?.size).toBe(ready.bytes);
    expect(head?.customMetadata).toEqual({
      tenantId: m.t.tenantId,
      reportId: report.id,
      kind: 'period-scores',
      format: 'csv',
      createdBy: `user:${m.t.ownerId}`,
      rows: String(BULK + 9),
      sha256: ready.sha256,
    });
    expect(await env.REPORTS.head(`${key}.upload`), 'the temporary upload is gone').toBeNull();

    const { bytes } = await download(m.t.owner, report.id);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(ready.sha256);
    const [, ...body] = parseCsv(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1),
    );
    expect(body).toHaveLength(BULK + 9);
    const bulk = body.filter((r) => r[0]!.startsWith('B'));
    expect(bulk[1233]![0]).toBe('B01234');
    expect(bulk[1233]!.at(-4)).toBe((((1234 * 37) % 10001) / 100).toFixed(2));
  }, 120_000);

  it('exports as XLSX through the queue, every row there', async () => {
    const m = await bulkMonth();
    const xlsx = await exported(
      m.t.owner,
      { kind: 'period-scores', format: 'xlsx', periodId: m.periodId },
      undefined,
      120_000,
    );
    expect(xlsx.rows).toBe(BULK + 9);
    const head = await env.REPORTS.head(await objectKeyOf(xlsx.id));
    expect(head?.customMetadata).toMatchObject({
      rows: String(BULK + 9),
      sha256: xlsx.sha256,
      format: 'xlsx',
    });
    const book = XLSX.read((await download(m.t.owner, xlsx.id)).bytes, { type: 'array', dense: true });
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(sheet).toHaveLength(BULK + 10);
    // 工号 order: B00001 … B20000, then GC…, then KF…
    expect(sheet[1]![0]).toBe('B00001');
    expect(sheet[BULK]![0]).toBe(`B${String(BULK).padStart(5, '0')}`);
    expect(sheet.at(-1)![0]).toBe('KF006');
    expect(sheet[1234]!.at(-4)).toBe(((1234 * 37) % 10001) / 100);
  }, 120_000);
});
