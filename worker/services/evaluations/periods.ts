import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { employees, evaluations, periods } from '../../../db/schema';
import { commit, type Statement } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { currentVersions, positionPay, schemesFor } from './pinning';
import { derive } from './scoring';

type PeriodRow = typeof periods.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;

/** Rows per multi-row INSERT: 24 columns × 4 = 96 bound parameters, under D1's 100. */
const EVALUATIONS_PER_INSERT = 4;

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
  reason: 'no_scheme' | 'no_published_version' | 'no_position_pay';
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
    const schemeOf = await schemesFor(scope, staff);
    const versions = await currentVersions(scope, [...schemeOf.values()]);
    const pay = await positionPay(scope);
    const created: EvaluationRow[] = [];
    const skipped: SkippedEmployee[] = [];
    for (const e of staff) {
      const schemeId = schemeOf.get(e.id);
      const version = schemeId ? versions.get(schemeId) : undefined;
      const money = pay.get(e.positionId);
      const reason = !schemeId
        ? 'no_scheme'
        : !version
          ? 'no_published_version'
          : !money
            ? 'no_position_pay'
            : null;
      if (reason || !version || !money) {
        skipped.push({ employeeId: e.id, employeeNo: e.employeeNo, reason: reason ?? 'no_scheme' });
        continue;
      }
      const score = derive(version.content, [], money);
      created.push({
        id: newId('evl'),
        tenantId: scope.tenantId,
        periodId: period.id,
        employeeId: e.id,
        departmentId: e.departmentId,
        positionId: e.positionId,
        schemeId: version.schemeId,
        schemeVersionId: version.versionId,
        status: 'draft',
        revision: 1,
        totalCenti: score.totalCenti,
        grade: score.grade,
        k: score.k,
        vetoed: score.vetoed,
        baseSalaryFen: money.baseSalaryFen,
        bonusBaseFen: money.bonusBaseFen,
        bonusFen: score.bonusFen,
        payTotalFen: score.payTotalFen,
        breakdown: score.breakdown,
        missingRequired: score.missingRequired,
        createdAt: now,
        updatedAt: now,
      });
    }
    const statements: Statement[] = [scope.db.insert(periods).values(period)];
    for (let i = 0; i < created.length; i += EVALUATIONS_PER_INSERT) {
      statements.push(scope.db.insert(evaluations).values(created.slice(i, i + EVALUATIONS_PER_INSERT)));
    }
    const summary = created.map((c) => ({
      id: c.id,
      employeeId: c.employeeId,
      schemeVersionId: c.schemeVersionId,
    }));
    return {
      statements,
      audit: [
        {
          action: 'period.open',
          entityType: 'period',
          entityId: period.id,
          after: { ...publicPeriod(period), evaluations: summary, skipped },
        },
      ],
      result: { period: publicPeriod(period), evaluations: created.length, skipped },
    };
  });
}

/** Closing locks every evaluation; it waits until HR has approved them all (payroll reads them). */
export async function closePeriod(scope: Scope, id: string) {
  return commit(scope.db, scope.actor, async () => {
    const period = await findPeriod(scope, id);
    if (period.status === 'closed') {
      throw new ApiError('CONFLICT', { message: 'PERIOD_CLOSED', params: { key: period.key } });
    }
    const pending = await scope.db
      .select({ status: evaluations.status, n: count() })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          eq(evaluations.periodId, id),
          ne(evaluations.status, 'approved'),
        ),
      )
      .groupBy(evaluations.status);
    const notApproved = pending.filter((p) => p.status !== 'locked');
    if (notApproved.length > 0) {
      throw new ApiError('CONFLICT', {
        message: 'PERIOD_NOT_APPROVED',
        params: { counts: notApproved.map((p) => `${p.status} ${p.n}`).join(', ') },
        details: { notApproved: Object.fromEntries(notApproved.map((p) => [p.status, p.n])) },
      });
    }
    const now = nowIso();
    const after = { ...period, status: 'closed' as const, closedAt: now, closedBy: scope.actor.actorId };
    const where = and(
      eq(evaluations.tenantId, scope.tenantId),
      eq(evaluations.periodId, id),
      eq(evaluations.status, 'approved'),
    );
    const [approved] = await scope.db.select({ n: count() }).from(evaluations).where(where);
    return {
      statements: [
        scope.db
          .update(periods)
          .set(after)
          .where(and(eq(periods.tenantId, scope.tenantId), eq(periods.id, id))),
        scope.db
          .update(evaluations)
          .set({ status: 'locked', updatedAt: now, revision: sql`${evaluations.revision} + 1` })
          .where(where),
      ],
      audit: [
        {
          action: 'period.close',
          entityType: 'period',
          entityId: id,
          before: publicPeriod(period),
          after: { ...publicPeriod(after), lockedEvaluations: approved?.n ?? 0 },
        },
      ],
      result: { period: publicPeriod(after), lockedEvaluations: approved?.n ?? 0 },
    };
  });
}
