import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { runReportJob } from '../../../worker/services/reports/job';
import { PART_BYTES } from '../../../worker/services/reports/upload';
import { newTenant } from '../../helpers/tenant';
import { expectError, fillPath, operations, rows } from '../support';
import {
  bulkMonth,
  download,
  exported,
  objectKeyOf,
  ok,
  queuedReport,
  seedMonth,
  settled,
  watchedBucket,
} from './fixtures';

const reportRoutes = async () => (await operations()).filter((op) => op.path.startsWith('/reports/{id}'));
const callRoute = (who: any, op: { method: string; path: string }, id: string) =>
  op.method === 'GET'
    ? who.get(fillPath(op.path, id))
    : op.method === 'DELETE'
      ? who.delete(fillPath(op.path, id))
      : who.post(fillPath(op.path, id), {});

const objectKey = objectKeyOf;

describe('reports are the tenant’s alone', () => {
  it("another tenant's report id, or its object key, is 404 on every report route", async () => {
    const m = await seedMonth();
    const report = await exported(m.t.owner, { kind: 'period-scores', format: 'csv', periodId: m.periodId });
    const key = (await objectKey(report.id))!;
    expect(key).toBe(`tenants/${m.t.tenantId}/reports/${report.id}.csv`);
    const stranger = await newTenant();
    const strangerKey = await stranger.keyWith('reports:write');
    const routes = await reportRoutes();
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /reports/{id}',
      'GET /reports/{id}',
      'GET /reports/{id}/download',
      'POST /reports/{id}/retry',
    ]);
    for (const who of [stranger.owner, strangerKey])
      for (const op of routes)
        for (const id of [report.id, key, `../${report.id}`])
          expectError(await callRoute(who, op, id), 404, 'NOT_FOUND', `${op.method} ${op.path} ${id}`);
    expect(ok(await stranger.owner.get('/reports')).items).toEqual([]);
    // Still there for its owner, untouched.
    expect((await download(m.t.owner, report.id)).bytes.byteLength).toBe(report.bytes);
  });

  it('a deleted report is 404 everywhere, its object gone; create, download and delete are audited', async () => {
    const m = await seedMonth();
    const report = await exported(m.t.owner, {
      kind: 'department-summary',
      format: 'xlsx',
      periodId: m.periodId,
    });
    const key = (await objectKey(report.id))!;
    await download(m.t.owner, report.id);
    expect((await m.t.owner.delete(`/reports/${report.id}`)).status).toBe(204);
    expect(await env.REPORTS.head(key)).toBeNull();
    for (const op of await reportRoutes())
      expectError(await callRoute(m.t.owner, op, report.id), 404, 'NOT_FOUND', `${op.method} ${op.path}`);
    const audit = await rows<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM audit_log WHERE tenant_id = ? AND entity_id = ? ORDER BY seq`,
      m.t.tenantId,
      report.id,
    );
    expect(audit.map((a) => a.action)).toEqual(['report.create', 'report.download', 'report.delete']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([m.t.ownerId]));
  });

  it('an expired report is 404 at once and the daily cron removes it with its file', async () => {
    const m = await seedMonth();
    const report = await exported(m.t.owner, { kind: 'period-scores', format: 'csv', periodId: m.periodId });
    expect(Date.parse(report.expiresAt) - Date.parse(report.createdAt)).toBe(30 * 24 * 60 * 60 * 1000);
    const key = (await objectKey(report.id))!;
    await rows(
      `UPDATE reports SET expires_at = ? WHERE id = ?`,
      new Date(Date.now() - 1000).toISOString(),
      report.id,
    );
    for (const op of await reportRoutes())
      expectError(await callRoute(m.t.owner, op, report.id), 404, 'NOT_FOUND', `${op.method} ${op.path}`);
    expect(ok(await m.t.owner.get('/reports')).items.map((r: any) => r.id)).not.toContain(report.id);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await rows('SELECT id FROM reports WHERE id = ?', report.id)).toEqual([]);
    expect(await env.REPORTS.head(key)).toBeNull();
    const [entry] = await rows<any>(
      `SELECT action, actor_type FROM audit_log WHERE entity_id = ?  AND action = 'report.expire'`,
      report.id,
    );
    expect(entry).toEqual({ action: 'report.expire', actor_type: 'system' });
  });
});

describe('a failure half-way', () => {
  it('R2 failing mid-upload (part 2 of a 20,000-row file) leaves the report failed with its reason and no object; a retry makes it', async () => {
    const m = await bulkMonth();
    const { report, job } = await queuedReport(m, {
      kind: 'period-scores',
      format: 'csv',
      periodId: m.periodId,
    });
    const watched = watchedBucket(env.REPORTS, { call: 'uploadPart', part: 2 });
    await runReportJob({ DB: env.DB, REPORTS: watched.bucket }, job);
    expect(watched.calls.slice(0, 3)).toEqual([
      `createMultipartUpload ${report.id}.csv.upload`,
      `uploadPart 1 ${PART_BYTES}`,
      expect.stringMatching(/^uploadPart 2 /),
    ]);
    const failed = ok(await m.t.owner.get(`/reports/${report.id}`));
    expect(failed).toMatchObject({
      status: 'failed',
      rows: null,
      sha256: null,
      error: { code: 'REPORT_STORAGE_FAILED' },
    });
    expect(failed.error.message).toBe('写入文件存储（R2）失败：injected: R2 is unavailable (part 2)。请重试');
    const en = ok(await m.t.owner.get(`/reports/${report.id}`, { lang: 'en' }));
    expect(en.error.message).toBe(
      'Writing the file to storage (R2) failed: injected: R2 is unavailable (part 2). Retry it',
    );
    const key = await objectKeyOf(report.id);
    expect(await env.REPORTS.head(key), 'no object').toBeNull();
    expect(await env.REPORTS.head(`${key}.upload`), 'no upload object').toBeNull();
    // The upload was aborted: its part 1 can no longer be completed into an object.
    const resumed = env.REPORTS.resumeMultipartUpload(watched.seen.uploadKey!, watched.seen.uploadId!);
    await expect(resumed.complete(watched.seen.parts)).rejects.toThrow();
    expectError(await m.t.owner.get(`/reports/${report.id}/download`), 409, 'CONFLICT');

    const again = ok(await m.t.owner.post(`/reports/${report.id}/retry`, {}), 202);
    expect(again).toMatchObject({ status: 'queued', error: null });
    const ready = await settled(m.t.owner, report.id, 60_000);
    expect(ready).toMatchObject({ status: 'ready', rows: 20_009 });
    expect((await download(m.t.owner, report.id)).bytes.byteLength).toBe(ready.bytes);
    expectError(await m.t.owner.post(`/reports/${report.id}/retry`, {}), 409, 'CONFLICT');
    // The first attempt's message, delivered again, changes nothing now.
    await runReportJob({ DB: env.DB, REPORTS: watchedBucket(env.REPORTS, { call: 'put' }).bucket }, job);
    expect(ok(await m.t.owner.get(`/reports/${report.id}`)).status).toBe('ready');
  }, 120_000);

  it('a small file whose one put fails is failed too, and nothing is stored', async () => {
    const m = await seedMonth();
    const { report, job } = await queuedReport(m, {
      kind: 'payroll',
      format: 'xlsx',
      periodId: m.periodId,
      includeOpen: true,
    });
    const watched = watchedBucket(env.REPORTS, { call: 'put' });
    await runReportJob({ DB: env.DB, REPORTS: watched.bucket }, job);
    expect(watched.calls).toEqual([`put ${report.id}.xlsx`]);
    expect(ok(await m.t.owner.get(`/reports/${report.id}`))).toMatchObject({
      status: 'failed',
      error: { code: 'REPORT_STORAGE_FAILED' },
    });
    expect(await env.REPORTS.head(await objectKeyOf(report.id))).toBeNull();
  });

  it('a job whose worker died (running for over an hour) is failed by the daily cron, then retried', async () => {
    const m = await seedMonth();
    const { report, job } = await queuedReport(m, {
      kind: 'period-scores',
      format: 'csv',
      periodId: m.periodId,
    });
    // The worker took the job and died: the row says running, nothing was stored.
    await rows(
      `UPDATE reports SET status = 'running', started_at = ? WHERE id = ?`,
      new Date(Date.now() - 2 * 3600_000).toISOString(),
      report.id,
    );
    const fresh = await queuedReport(m, { kind: 'period-scores', format: 'xlsx', periodId: m.periodId });
    await rows(
      `UPDATE reports SET status = 'running', started_at = ? WHERE id = ?`,
      new Date().toISOString(),
      fresh.report.id,
    );
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const failed = ok(await m.t.owner.get(`/reports/${report.id}`, { lang: 'en' }));
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'REPORT_INTERRUPTED' } });
    expect(failed.error.message).toBe(
      'Making the report was interrupted (the worker making it stopped); retry it',
    );
    expect(
      ok(await m.t.owner.get(`/reports/${fresh.report.id}`)).status,
      'a job running now is left alone',
    ).toBe('running');
    // A redelivery of the dead attempt's message changes nothing; a retry makes the report.
    await runReportJob({ DB: env.DB, REPORTS: env.REPORTS }, job);
    expect(ok(await m.t.owner.get(`/reports/${report.id}`)).status).toBe('failed');
    ok(await m.t.owner.post(`/reports/${report.id}/retry`, {}), 202);
    expect((await settled(m.t.owner, report.id)).status).toBe('ready');
  });

  it('a D1 failure while reading rows fails the report too, with no object', async () => {
    const m = await seedMonth();
    const { report, job } = await queuedReport(m, {
      kind: 'period-scores',
      format: 'csv',
      periodId: m.periodId,
    });
    const flaky = new Proxy(env.DB, {
      get(target, prop) {
        if (prop !== 'prepare') return Reflect.get(target, prop).bind(target);
        return (sql: string) => {
          if (sql.includes('json_extract("evaluations"."breakdown"'))
            throw new Error('injected: D1 is overloaded');
          return target.prepare(sql);
        };
      },
    });
    await runReportJob({ DB: flaky, REPORTS: env.REPORTS }, job);
    const failed = ok(await m.t.owner.get(`/reports/${report.id}`));
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'REPORT_FAILED' } });
    expect(failed.error.message).toContain('injected: D1 is overloaded');
    expect(await env.REPORTS.head(await objectKeyOf(report.id))).toBeNull();
  });
});
