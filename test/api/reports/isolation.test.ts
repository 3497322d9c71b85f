import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dbFor } from '../../../worker/data/db';
import type { ReportJob } from '../../../worker/env';
import worker from '../../../worker/index';
import { createReport } from '../../../worker/services/reports';
import { runReportJob } from '../../../worker/services/reports/job';
import type { Scope } from '../../../worker/services/scope';
import { newTenant } from '../../helpers/tenant';
import { expectError, fillPath, operations, rows } from '../support';
import { download, exported, ok, seedMonth, settled } from './fixtures';

const reportRoutes = async () => (await operations()).filter((op) => op.path.startsWith('/reports/{id}'));
const callRoute = (who: any, op: { method: string; path: string }, id: string) =>
  op.method === 'GET'
    ? who.get(fillPath(op.path, id))
    : op.method === 'DELETE'
      ? who.delete(fillPath(op.path, id))
      : who.post(fillPath(op.path, id), {});

const objectKey = async (id: string) =>
  (await rows<{ object_key: string }>('SELECT object_key FROM reports WHERE id = ?', id))[0]?.object_key;

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

/** A real bucket that fails where told: R2 going away half-way through an upload. */
function failingBucket(
  real: R2Bucket,
  fail: 'complete' | 'uploadPart',
  seen: { uploadId?: string; parts: R2UploadedPart[] },
) {
  return new Proxy(real, {
    get(target, prop) {
      if (prop !== 'createMultipartUpload') return Reflect.get(target, prop).bind(target);
      return async (key: string, options: R2MultipartOptions) => {
        const upload = await target.createMultipartUpload(key, options);
        seen.uploadId = upload.uploadId;
        return {
          key: upload.key,
          uploadId: upload.uploadId,
          abort: () => upload.abort(),
          uploadPart: async (n: number, body: any) => {
            if (fail === 'uploadPart') throw new Error('injected: R2 is unavailable');
            const part = await upload.uploadPart(n, body);
            seen.parts.push(part);
            return part;
          },
          complete: async () => {
            throw new Error('injected: R2 is unavailable');
          },
        };
      };
    },
  });
}

describe('a failure half-way', () => {
  async function queuedReport(m: Awaited<ReturnType<typeof seedMonth>>) {
    const scope: Scope = {
      db: dbFor(env, m.t.tenantId),
      tenantId: m.t.tenantId,
      principal: {
        kind: 'user',
        tenantId: m.t.tenantId,
        userId: m.t.ownerId,
        role: 'owner',
        sessionId: 'test',
      },
      actor: { tenantId: m.t.tenantId, actorType: 'user', actorId: m.t.ownerId, requestId: 'req_test' },
      lang: 'zh-CN',
    };
    // The job is captured instead of sent, so that this test runs it against the failing bucket.
    const sent: ReportJob[] = [];
    const queue = { send: async (job: ReportJob) => void sent.push(job) } as unknown as Queue<ReportJob>;
    const report = await createReport(scope, queue, {
      kind: 'period-scores',
      format: 'csv',
      periodId: m.periodId,
    });
    return { report, job: sent[0]! };
  }

  it('an R2 failure mid-upload leaves the report failed with its reason and no object; a retry makes it', async () => {
    const m = await seedMonth();
    const { report, job } = await queuedReport(m);
    const seen: { uploadId?: string; parts: R2UploadedPart[] } = { parts: [] };
    await runReportJob({ DB: env.DB, REPORTS: failingBucket(env.REPORTS, 'complete', seen) }, job);
    expect(seen.parts.length, 'a part was uploaded before R2 failed').toBe(1);
    const failed = ok(await m.t.owner.get(`/reports/${report.id}`));
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('REPORT_STORAGE_FAILED');
    expect(failed.error.message).toContain('injected: R2 is unavailable');
    const en = ok(await m.t.owner.get(`/reports/${report.id}`, { lang: 'en' }));
    expect(en.error.message).toMatch(/^Writing the file to storage \(R2\) failed: injected/);
    const key = (await objectKey(report.id))!;
    expect(await env.REPORTS.head(key), 'no object').toBeNull();
    // The upload was aborted: its parts can no longer be completed into an object.
    const resumed = env.REPORTS.resumeMultipartUpload(key, seen.uploadId!);
    await expect(resumed.complete(seen.parts)).rejects.toThrow();
    expect(await env.REPORTS.head(key)).toBeNull();
    expectError(await m.t.owner.get(`/reports/${report.id}/download`), 409, 'CONFLICT');

    const again = ok(await m.t.owner.post(`/reports/${report.id}/retry`, {}), 202);
    expect(again).toMatchObject({ status: 'queued', error: null });
    const ready = await settled(m.t.owner, report.id);
    expect(ready.status).toBe('ready');
    expect(ready.rows).toBe(9);
    expect((await download(m.t.owner, report.id)).bytes.byteLength).toBe(ready.bytes);
    expectError(await m.t.owner.post(`/reports/${report.id}/retry`, {}), 409, 'CONFLICT');
    // The stale message of the first attempt changes nothing now.
    await runReportJob({ DB: env.DB, REPORTS: failingBucket(env.REPORTS, 'uploadPart', { parts: [] }) }, job);
    expect(ok(await m.t.owner.get(`/reports/${report.id}`)).status).toBe('ready');
  });

  it('a D1 failure while reading rows fails the report too, with no object', async () => {
    const m = await seedMonth();
    const { report, job } = await queuedReport(m);
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
    expect(await env.REPORTS.head((await objectKey(report.id))!)).toBeNull();
  });
});
