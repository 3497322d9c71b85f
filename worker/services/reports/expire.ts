import { and, eq, inArray, lte } from 'drizzle-orm';
import { reports } from '../../../db/schema';
import { commit } from '../../audit/commit';
import type { Db } from '../../data/db';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';

/** Reports expired per cron run; the rest wait for the next day (they already answer 404). */
const EXPIRED_PER_RUN = 1_000;

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
      await bucket.delete(part.map((r) => r.objectKey));
    }
  }
  return expired.length;
}
