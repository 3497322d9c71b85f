import { and, eq, lt, or } from 'drizzle-orm';
import { reports } from '../../../db/schema';
import { principalNow } from '../../access/authenticate';
import { assertMayExport, hasScope } from '../../access/policy';
import { type Db, dbFor } from '../../data/db';
import type { Env, ReportJob } from '../../env';
import { ApiError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { csvWriter } from './formats/csv';
import type { SheetWriter } from './formats/sink';
import { xlsxWriter } from './formats/xlsx';
import { kindContext, reportSources } from './kinds';
import { contentTypes, type ReportRow } from './public';
import { PartUpload, StorageError } from './upload';

/** A job still `running` after this long died with its isolate; a redelivery may take it over. */
const STALE_RUN_MS = 10 * 60 * 1000;

/**
 * Takes the report for this attempt: queued, or running but abandoned. Another attempt's
 * message, a deleted report or one already done finds nothing and is dropped.
 */
async function claim(db: Db, job: ReportJob): Promise<ReportRow | undefined> {
  const now = nowIso();
  const [row] = await db
    .update(reports)
    .set({ status: 'running', startedAt: now })
    .where(
      and(
        eq(reports.tenantId, job.tenantId),
        eq(reports.id, job.reportId),
        eq(reports.attempt, job.attempt),
        or(
          eq(reports.status, 'queued'),
          and(
            eq(reports.status, 'running'),
            lt(reports.startedAt, new Date(Date.now() - STALE_RUN_MS).toISOString()),
          ),
        ),
      ),
    )
    .returning();
  return row;
}

/**
 * The creator as they stand now (role or scopes may have changed since they asked): the report
 * holds what they may see today, and nothing if they are gone.
 */
async function creatorScope(db: Db, r: ReportRow): Promise<Scope> {
  const principal = await principalNow(db, r.tenantId, { type: r.createdByType, id: r.createdById });
  // A key that has since lost reports:write no longer makes reports.
  if (!principal || !hasScope(principal, 'reports:write'))
    throw new ApiError('FORBIDDEN', { message: 'REPORT_CREATOR_GONE' });
  return {
    db,
    tenantId: r.tenantId,
    principal,
    lang: r.lang,
    actor: {
      tenantId: r.tenantId,
      actorType: r.createdByType,
      actorId: r.createdById,
      requestId: `job_${r.id}`,
    },
  };
}

/** Why a job failed, as a message key and its parameters (rendered in each reader's language). */
function failureOf(
  err: unknown,
  stage: 'read' | 'store',
): { errorCode: string; errorParams: Record<string, string> } {
  if (err instanceof ApiError)
    return { errorCode: err.options.message ?? err.code, errorParams: stringParams(err.options.params) };
  const reason = (err instanceof Error ? err.message : String(err)).slice(0, 300);
  return {
    errorCode: stage === 'store' ? 'REPORT_STORAGE_FAILED' : 'REPORT_FAILED',
    errorParams: { reason },
  };
}
const stringParams = (p: Record<string, string | number> = {}) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)]));

/**
 * Makes one report: rows from D1 a page at a time into the format, the bytes to R2 a 5 MiB
 * part at a time (upload.ts). Success records rows, size and SHA-256, on the row and on the
 * object; any failure discards what was uploaded (no object is left to serve) and records
 * the reason on the report. `env.REPORTS` is the bucket; tests hand in one that fails on purpose.
 */
export async function runReportJob(env: Pick<Env, 'DB' | 'REPORTS'>, job: ReportJob): Promise<void> {
  const db = dbFor(env as Env, job.tenantId);
  const report = await claim(db, job);
  if (!report) return;
  const upload = new PartUpload(env.REPORTS, report.objectKey, {
    contentType: contentTypes[report.format],
    metadata: {
      tenantId: report.tenantId,
      reportId: report.id,
      kind: report.kind,
      format: report.format,
      createdBy: `${report.createdByType}:${report.createdById}`,
    },
  });
  const sameAttempt = and(
    eq(reports.tenantId, report.tenantId),
    eq(reports.id, report.id),
    eq(reports.attempt, report.attempt),
  );
  try {
    const scope = await creatorScope(db, report);
    assertMayExport(scope, report.kind);
    const source = await reportSources[report.kind](kindContext(scope, report.lang, report.params));
    const writer: SheetWriter = report.format === 'csv' ? csvWriter(upload) : xlsxWriter(upload);
    await writer.begin(source.title, source.columns);
    let rows = 0;
    for await (const page of source.pages) {
      await writer.rows(page);
      rows += page.length;
    }
    await writer.end();
    const dataRows = rows - (source.summaryRows ?? 0);
    const { bytes, sha256 } = await upload.finish({ rows: String(dataRows) });
    const done = await db
      .update(reports)
      .set({ status: 'ready', rows: dataRows, bytes, sha256, finishedAt: nowIso() })
      .where(and(sameAttempt, eq(reports.status, 'running')));
    // Deleted (or retried) while it ran: the file belongs to nobody, so it goes.
    if (done.meta.changes === 0) await env.REPORTS.delete(report.objectKey);
  } catch (err) {
    await upload.abort();
    const failure = failureOf(err, err instanceof StorageError ? 'store' : 'read');
    console.error('report failed', report.id, failure.errorCode, failure.errorParams.reason ?? '');
    await db
      .update(reports)
      .set({ status: 'failed', ...failure, finishedAt: nowIso() })
      .where(and(sameAttempt, eq(reports.status, 'running')));
  }
}

/** The queue's consumer: each message one report; only a failure to record it is retried. */
export async function consumeReportJobs(batch: MessageBatch<ReportJob>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      await runReportJob(env, message.body);
      message.ack();
    } catch (err) {
      console.error('report job not recorded; the queue retries it', message.body.reportId, err);
      message.retry({ delaySeconds: 5 });
    }
  }
}
