import type { Queue } from '@cloudflare/workers-types';
import { and, desc, eq, gt, lt, or } from 'drizzle-orm';
import {
  apiKeys,
  type ReportFormat,
  type ReportKind,
  type ReportParams,
  reports,
  users,
} from '../../../db/schema';
import { assertMayExport, manageableReports, visibleReports } from '../../access/policy';
import { commit } from '../../audit/commit';
import type { ReportJob } from '../../env';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { decodeCursor, page } from '../cursor';
import { findPeriod } from '../evaluations/periods';
import { assertEmployeeVisible } from '../org/records';
import type { Scope } from '../scope';
import { beijingDay } from './kinds/audit-log';
import { publicReport, type ReportRow } from './public';
import { reportTitle, type TitleFacts } from './texts';

export const REPORT_TTL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportRequest extends ReportParams {
  kind: ReportKind;
  format: ReportFormat;
}

/**
 * Checks what can be checked before the work is queued, so that a wrong request is refused at
 * once with its reason: the kind for the role, the period (payroll only once it is closed,
 * unless asked), the employee. Returns what the file name shows.
 */
async function checkRequest(scope: Scope, r: ReportRequest): Promise<TitleFacts> {
  assertMayExport(scope, r.kind);
  if (r.kind === 'audit-log') return { from: beijingDay(r.from!), to: beijingDay(r.to!) };
  if (r.kind === 'employee-history') {
    const employee = r.employeeId ? await assertEmployeeVisible(scope, r.employeeId) : undefined;
    return { employeeNo: employee?.employeeNo, from: r.from, to: r.to };
  }
  const period = await findPeriod(scope, r.periodId!);
  if (r.kind === 'payroll' && period.status !== 'closed' && !r.includeOpen)
    throw new ApiError('CONFLICT', {
      message: 'PAYROLL_PERIOD_OPEN',
      params: { key: period.key },
      field: 'includeOpen',
    });
  return { periodKey: period.key };
}

const paramsOf = (r: ReportRequest): ReportParams => {
  const { kind: _k, format: _f, ...params } = r;
  return params;
};

/** Sends the job; if the queue refuses it the report is failed at once, so it can be retried. */
async function enqueue(scope: Scope, jobs: Queue<ReportJob>, row: ReportRow): Promise<ReportRow> {
  try {
    await jobs.send({ tenantId: row.tenantId, reportId: row.id, attempt: row.attempt });
    return row;
  } catch {
    const failed = {
      status: 'failed' as const,
      errorCode: 'REPORT_QUEUE_FAILED',
      errorParams: {},
      finishedAt: nowIso(),
    };
    await scope.db
      .update(reports)
      .set(failed)
      .where(and(eq(reports.tenantId, scope.tenantId), eq(reports.id, row.id)));
    return { ...row, ...failed };
  }
}

async function creatorName(scope: Scope, r: Pick<ReportRow, 'createdByType' | 'createdById'>) {
  const table = r.createdByType === 'user' ? users : apiKeys;
  const [row] = await scope.db
    .select({ name: table.name })
    .from(table)
    .where(and(eq(table.tenantId, scope.tenantId), eq(table.id, r.createdById)));
  return row?.name ?? null;
}

/** POST /reports: the row (queued) and its audit entry in one batch, then the queue message. */
export async function createReport(scope: Scope, jobs: Queue<ReportJob>, request: ReportRequest) {
  const facts = await checkRequest(scope, request);
  const now = nowIso();
  const id = newId('rpt');
  const row: ReportRow = {
    id,
    tenantId: scope.tenantId,
    kind: request.kind,
    format: request.format,
    status: 'queued',
    params: paramsOf(request),
    lang: scope.lang,
    fileName: `${reportTitle(request.kind, scope.lang, facts)}.${request.format}`,
    objectKey: `tenants/${scope.tenantId}/reports/${id}.${request.format}`,
    rows: null,
    bytes: null,
    sha256: null,
    errorCode: null,
    errorParams: null,
    attempt: 1,
    createdByType: scope.actor.actorType === 'api_key' ? 'api_key' : 'user',
    createdById: scope.actor.actorId,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    expiresAt: new Date(Date.parse(now) + REPORT_TTL_DAYS * DAY_MS).toISOString(),
  };
  await commit(scope.db, scope.actor, async () => ({
    statements: [scope.db.insert(reports).values(row)],
    audit: [
      {
        action: 'report.create',
        entityType: 'report',
        entityId: id,
        after: { kind: row.kind, format: row.format, params: row.params, fileName: row.fileName },
      },
    ],
    result: undefined,
  }));
  const queued = await enqueue(scope, jobs, row);
  return publicReport(queued, scope.lang, await creatorName(scope, queued));
}

/** A report the caller may see, not expired; anything else (another tenant's too) is 404. */
export async function findReport(scope: Scope, id: string, manage = false): Promise<ReportRow> {
  const [row] = await scope.db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, scope.tenantId),
        eq(reports.id, id),
        gt(reports.expiresAt, nowIso()),
        visibleReports(scope),
        manage ? manageableReports(scope) : undefined,
      ),
    );
  if (!row) throw notFound();
  return row;
}

export async function getReport(scope: Scope, id: string) {
  const row = await findReport(scope, id);
  return publicReport(row, scope.lang, await creatorName(scope, row));
}

/** Newest first; the cursor is the last row's (createdAt, id). */
export async function listReports(scope: Scope, q: { cursor?: string; limit: number }) {
  const cursor = decodeCursor<string>(q.cursor, 'string');
  const [at, id, ...rest] = cursor?.split('|') ?? [];
  if (cursor !== undefined && (!at || !id || rest.length > 0))
    throw new ApiError('BAD_REQUEST', { message: 'INVALID_CURSOR' });
  const rows = await scope.db
    .select({ r: reports, userName: users.name, keyName: apiKeys.name })
    .from(reports)
    .leftJoin(users, and(eq(users.tenantId, reports.tenantId), eq(users.id, reports.createdById)))
    .leftJoin(apiKeys, and(eq(apiKeys.tenantId, reports.tenantId), eq(apiKeys.id, reports.createdById)))
    .where(
      and(
        eq(reports.tenantId, scope.tenantId),
        gt(reports.expiresAt, nowIso()),
        visibleReports(scope),
        at !== undefined && id !== undefined
          ? or(lt(reports.createdAt, at), and(eq(reports.createdAt, at), lt(reports.id, id)))
          : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (x) => `${x.r.createdAt}|${x.r.id}`);
  return {
    items: p.items.map((x) => publicReport(x.r, scope.lang, x.userName ?? x.keyName ?? null)),
    nextCursor: p.nextCursor,
  };
}

/** Row and audit entry go in one batch; the object after, so a failed batch deletes nothing. */
export async function deleteReport(scope: Scope, bucket: R2Bucket, id: string): Promise<void> {
  const row = await commit(scope.db, scope.actor, async () => {
    const r = await findReport(scope, id, true);
    return {
      statements: [
        scope.db.delete(reports).where(and(eq(reports.tenantId, scope.tenantId), eq(reports.id, r.id))),
      ],
      audit: [
        {
          action: 'report.delete',
          entityType: 'report',
          entityId: r.id,
          before: {
            kind: r.kind,
            format: r.format,
            status: r.status,
            fileName: r.fileName,
            sha256: r.sha256,
          },
        },
      ],
      result: r,
    };
  });
  // Should this fail, the object stays behind unreachable: no row points at it any more, and
  // every byte of R2 goes out only through a row the caller may see.
  await bucket.delete(row.objectKey);
}

/** A failed report, queued again as a new attempt (a stale message of the old one is ignored). */
export async function retryReport(scope: Scope, jobs: Queue<ReportJob>, id: string) {
  const row = await commit(scope.db, scope.actor, async () => {
    const r = await findReport(scope, id, true);
    if (r.status !== 'failed')
      throw new ApiError('CONFLICT', { message: 'REPORT_NOT_FAILED', params: { status: r.status } });
    const next: ReportRow = {
      ...r,
      status: 'queued',
      attempt: r.attempt + 1,
      errorCode: null,
      errorParams: null,
      startedAt: null,
      finishedAt: null,
    };
    return {
      statements: [
        scope.db
          .update(reports)
          .set(next)
          .where(
            and(eq(reports.tenantId, scope.tenantId), eq(reports.id, r.id), eq(reports.attempt, r.attempt)),
          ),
      ],
      audit: [
        {
          action: 'report.retry',
          entityType: 'report',
          entityId: r.id,
          before: { status: r.status, attempt: r.attempt, error: r.errorCode },
          after: { status: next.status, attempt: next.attempt },
        },
      ],
      result: next,
    };
  });
  const queued = await enqueue(scope, jobs, row);
  return publicReport(queued, scope.lang, await creatorName(scope, queued));
}

/** The ready report's object, after its download is audited: who took which file. */
export async function downloadReport(scope: Scope, bucket: R2Bucket, id: string) {
  const row = await findReport(scope, id);
  if (row.status !== 'ready')
    throw new ApiError('CONFLICT', { message: 'REPORT_NOT_READY', params: { status: row.status } });
  const object = await bucket.get(row.objectKey);
  if (!object) throw notFound();
  await commit(scope.db, scope.actor, async () => ({
    statements: [],
    audit: [
      {
        action: 'report.download',
        entityType: 'report',
        entityId: row.id,
        after: { fileName: row.fileName, sha256: row.sha256, bytes: row.bytes },
      },
    ],
    result: undefined,
  }));
  return { row, object };
}
