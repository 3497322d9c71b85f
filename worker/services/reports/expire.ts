import { and, eq, inArray, lt, lte } from 'drizzle-orm';
import { reports } from '../../../db/schema';
import { commit } from '../../audit/commit';
import type { Db } from '../../data/db';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';

/** Reports expired per cron run; the rest wait for the next day (they already answer 404). */
const EXPIRED_PER_RUN = 1_000;
/** An export takes seconds; one still `running` after an hour lost its worker mid-way. */
export const STUCK_RUNNING_MS = 60 * 60 * 1000;

/**
 * Fails the reports whose worker died mid-job (an isolate stopped, a deploy), so that their
 * creators see why and can retry; a redelivered message does not take over a live-looking job.
 */
export async function failInterruptedReports(db: Db, now = Date.now()) {
  const res = await db
    .update(reports)
    .set({
      status: 'failed',
      errorCode: 'REPORT_INTERRUPTED',
      errorParams: {},
      finishedAt: new Date(now).toISOString(),
    })
    .where(
      and(
        eq(reports.status, 'running'),
        lt(reports.startedAt, new Date(now - STUCK_RUNNING_MS).toISOString()),
      ),
    );
  return res.meta.changes;
}

/**
 * The daily cron's part for reports: rows past `expiresAt` go, each tenant's in one audited
 * batch (`report.expire`, by the system), then their objects. The API stops serving a report
 * the moment it expires; this only reclaims the space.
 */
export async function expireReports(db: Db, bucket: R2Bucket, now = Date.now()) {
  const expired = await db
    .select({
      id: reports.id,
      tenantId: reports.tenantId,
      objectKey: reports.objectKey,
      fileName: reports.fileName,
    })
    .from(reports)
    .where(lte(reports.expiresAt, new Date(now).toISOString()))
    .limit(EXPIRED_PER_RUN);
  const byTenant = new Map<string, typeof expired>();
  for (const r of expired) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
  for (const [tenantId, list] of byTenant) {
    for (const part of chunk(list, IDS_PER_STATEMENT)) {
      const actor = {
        tenantId,
        actorType: 'system' as const,
        actorId: 'cron',
        requestId: 'cron_report_expiry',
      };
      await commit(db, actor, async () => ({
        statements: [
          db.delete(reports).where(
            and(
              eq(reports.tenantId, tenantId),
              inArray(
                reports.id,
                part.map((r) => r.id),
              ),
            ),
          ),
        ],
        audit: part.map((r) => ({
          action: 'report.expire',
          entityType: 'report',
          entityId: r.id,
          before: { fileName: r.fileName },
        })),
        result: undefined,
      }));
      // With the temporary key of a big upload, should a worker have died between its two steps.
      await bucket.delete(part.flatMap((r) => [r.objectKey, `${r.objectKey}.upload`]));
    }
  }
  return expired.length;
}
