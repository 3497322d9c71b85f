import { and, asc, count, eq, notInArray, type SQL } from 'drizzle-orm';
import { employees, evaluations, periods } from '../../../db/schema';
import { type AuditChange, commit, type Statement } from '../../audit/commit';
import { auditParts } from '../../audit/parts';
import { isUniqueViolation } from '../../data/constraint';
import { SETTLED } from '../../domain/evaluation/workflow';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { loadWhere } from './load';
import { pinnedEvaluation, pinningsFor, type SkipReason } from './pinning';
import { applyAll, auditFor, insertEvaluations, statementsFor } from './store';

type PeriodRow = typeof periods.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;

export const publicPeriod = (p: PeriodRow) => ({
  id: p.id,
  key: p.key,
  status: p.status,
  openedAt: p.openedAt,
  closedAt: p.closedAt,
});

export async function findPeriod(scope: Scope, id: string): Promise<PeriodRow> {
  const [row] = await scope.db
    .select()
    .from(periods)
    .where(and(eq(periods.tenantId, scope.tenantId), eq(periods.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listPeriods(scope: Scope) {
  const rows = await scope.db
    .select()
    .from(periods)
    .where(eq(periods.tenantId, scope.tenantId))
    .orderBy(asc(periods.key));
  return rows.map(publicPeriod);
}

export interface SkippedEmployee {
  employeeId: string;
  employeeNo: string;
  reason: SkipReason;
}

/** Changing who is in a period, or closing it, needs it open. */
export function assertOpen(period: PeriodRow): void {
  if (period.status === 'closed') {
    throw new ApiError('CONFLICT', { message: 'PERIOD_CLOSED', params: { key: period.key } });
  }
}

/**
 * Opens a month: one evaluation per active employee, pinned to the current published version
 * of the scheme that applies to them, scored on no inputs yet. Employees without a usable
 * scheme are reported, not guessed at.
 */
export async function openPeriod(scope: Scope, key: string) {
  const exists = () => new ApiError('CONFLICT', { message: 'PERIOD_EXISTS', params: { key }, field: 'key' });
  try {
    return await openPeriodOnce(scope, key, exists);
  } catch (err) {
    // Two people opening the same month at once: the loser's batch hits the unique key.
    if (isUniqueViolation(err, 'periods.tenant_id, periods.key')) throw exists();
    throw err;
  }
}

async function openPeriodOnce(scope: Scope, key: string, exists: () => ApiError) {
  return commit(scope.db, scope.actor, async () => {
    const [existing] = await scope.db
      .select({ id: periods.id })
      .from(periods)
      .where(and(eq(periods.tenantId, scope.tenantId), eq(periods.key, key)));
    if (existing) throw exists();
    const now = nowIso();
    const period: PeriodRow = {
      id: newId('per'),
      tenantId: scope.tenantId,
      key,
      status: 'open',
      inputsDueOn: null,
      openedAt: now,
      openedBy: scope.actor.actorId,
      closedAt: null,
      closedBy: null,
    };
    const staff = await scope.db
      .select()
      .from(employees)
      .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.active, true)))
      .orderBy(asc(employees.employeeNo));
    const pinnings = await pinningsFor(scope, staff);
    const created: EvaluationRow[] = [];
    const skipped: SkippedEmployee[] = [];
    for (const e of staff) {
      const pinning = pinnings.get(e.id) ?? { ok: false, reason: 'no_scheme' };
      if (pinning.ok) created.push(pinnedEvaluation(scope, period.id, e, pinning, now));
      else skipped.push({ employeeId: e.id, employeeNo: e.employeeNo, reason: pinning.reason });
    }
    const statements: Statement[] = [
      scope.db.insert(periods).values(period),
      ...insertEvaluations(scope, created),
    ];
    const summary = created.map((c) => ({
      id: c.id,
      employeeId: c.employeeId,
      schemeVersionId: c.schemeVersionId,
    }));
    return {
      statements,
      audit: openingEntries(period, summary, skipped),
      result: { period: publicPeriod(period), evaluations: created.length, skipped },
    };
  });
}

/**
 * `period.open` with the evaluations it created, and `period.open.evaluations` entries with the
 * rest when a large company's month does not fit one audit row.
 */
function openingEntries(period: PeriodRow, summary: unknown[], skipped: SkippedEmployee[]): AuditChange[] {
  const head = { ...publicPeriod(period), skipped };
  const parts = auditParts(head, summary);
  return parts.map((evaluations, i) =>
    i === 0
      ? {
          action: 'period.open',
          entityType: 'period',
          entityId: period.id,
          after: { ...head, evaluations, evaluationCount: summary.length, evaluationParts: parts.length },
        }
      : {
          action: 'period.open.evaluations',
          entityType: 'period',
          entityId: period.id,
          after: { part: i + 1, of: parts.length, evaluations },
        },
  );
}

/**
 * Closing locks every evaluation; it waits until HR has approved them all (payroll reads them).
 * Each lock is audited on its evaluation, besides the one entry for the period.
 */
export async function closePeriod(scope: Scope, id: string) {
  return commit(scope.db, scope.actor, async () => {
    const period = await findPeriod(scope, id);
    assertOpen(period);
    const pending = await scope.db
      .select({ status: evaluations.status, n: count() })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          eq(evaluations.periodId, id),
          notInArray(evaluations.status, [...SETTLED]),
        ),
      )
      .groupBy(evaluations.status);
    const notApproved = pending;
    if (notApproved.length > 0) {
      throw new ApiError('CONFLICT', {
        message: 'PERIOD_NOT_APPROVED',
        params: { counts: notApproved.map((p) => `${p.status} ${p.n}`).join(', ') },
        details: { notApproved: Object.fromEntries(notApproved.map((p) => [p.status, p.n])) },
      });
    }
    const now = nowIso();
    const after = { ...period, status: 'closed' as const, closedAt: now, closedBy: scope.actor.actorId };
    // Each approved evaluation locks through the aggregate, one audit entry each; the rows read
    // here are exactly the rows locked (the update is guarded by their revision).
    const approved = await loadWhere(
      scope,
      and(eq(evaluations.periodId, id), eq(evaluations.status, 'approved')) as SQL,
      { relation: 'system' },
    );
    const applied = await applyAll(
      scope,
      approved.map((state) => ({ state, change: { kind: 'lock' } as const })),
    );
    const statements: Statement[] = [
      scope.db
        .update(periods)
        .set(after)
        .where(and(eq(periods.tenantId, scope.tenantId), eq(periods.id, id))),
      ...statementsFor(scope, applied),
    ];
    const locks = auditFor(applied);
    return {
      statements,
      audit: [
        {
          action: 'period.close',
          entityType: 'period',
          entityId: id,
          before: publicPeriod(period),
          after: { ...publicPeriod(after), lockedEvaluations: approved.length },
        },
        ...locks,
      ],
      result: { period: publicPeriod(after), lockedEvaluations: approved.length },
    };
  });
}
