import { and, asc, count, eq, sql, sum } from 'drizzle-orm';
import { appeals, employees, evaluations } from '../../../db/schema';
import { visibleEvaluations } from '../../access/policy';
import { evaluationStatuses } from '../../domain/evaluation/workflow';
import { findPeriod } from '../evaluations/periods';
import type { Scope } from '../scope';
import { departmentStats } from './department-stats';
import { schemeFactsOf } from './scheme-facts';

const BIN_CENTI = 500;
const HUNDRED_CENTI = 10_000;

/**
 * A score's 5-point bin, `(from, to]` with 0 in the first: bins 0…19 up to 100, bin 20 for
 * anything above 100 (schemes may score up to 200).
 */
const binOf = sql<number>`CASE
  WHEN ${evaluations.totalCenti} <= 0 THEN 0
  WHEN ${evaluations.totalCenti} > ${sql.raw(String(HUNDRED_CENTI))} THEN ${sql.raw(String(HUNDRED_CENTI / BIN_CENTI))}
  ELSE (${evaluations.totalCenti} + ${sql.raw(String(BIN_CENTI - 1))}) / ${sql.raw(String(BIN_CENTI))} - 1 END`;

/** The dashboard's picture of a month, over the evaluations the caller may see. */
export async function periodSummary(scope: Scope, periodId: string) {
  const period = await findPeriod(scope, periodId);
  const visible = visibleEvaluations(scope);
  const where = and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.periodId, period.id), visible);
  const [facts, statusRows, gradeRows, binRows, totals, depts, open] = await Promise.all([
    schemeFactsOf(scope, period.id),
    scope.db
      .select({ status: evaluations.status, n: count() })
      .from(evaluations)
      .where(where)
      .groupBy(evaluations.status),
    scope.db
      .select({ grade: evaluations.grade, n: count() })
      .from(evaluations)
      .where(where)
      .groupBy(evaluations.grade),
    scope.db.select({ bin: binOf, n: count() }).from(evaluations).where(where).groupBy(binOf),
    scope.db
      .select({
        n: count(),
        bonusFen: sum(evaluations.bonusFen).mapWith(Number),
        payFen: sum(evaluations.payTotalFen).mapWith(Number),
      })
      .from(evaluations)
      .where(where),
    departmentStats(scope, period.id, visible),
    scope.db
      .select({
        evaluationId: evaluations.id,
        appealId: appeals.id,
        employeeId: evaluations.employeeId,
        employeeNo: employees.employeeNo,
        employeeName: employees.name,
        reason: appeals.reason,
        createdAt: appeals.createdAt,
      })
      .from(appeals)
      .innerJoin(
        evaluations,
        and(eq(evaluations.tenantId, appeals.tenantId), eq(evaluations.id, appeals.evaluationId)),
      )
      .innerJoin(
        employees,
        and(eq(employees.tenantId, evaluations.tenantId), eq(employees.id, evaluations.employeeId)),
      )
      .where(and(where, eq(appeals.tenantId, scope.tenantId), eq(appeals.status, 'open')))
      .orderBy(asc(appeals.createdAt)),
  ]);
  const byStatus = Object.fromEntries(evaluationStatuses.map((s) => [s, 0])) as Record<
    (typeof evaluationStatuses)[number],
    number
  >;
  for (const r of statusRows) byStatus[r.status] = r.n;
  const gradeCount = new Map(gradeRows.map((g) => [g.grade, g.n]));
  const binCount = new Map(binRows.map((b) => [Number(b.bin), b.n]));
  const histogram = Array.from({ length: HUNDRED_CENTI / BIN_CENTI }, (_, i) => ({
    from: (i * BIN_CENTI) / 100,
    to: ((i + 1) * BIN_CENTI) / 100,
    count: binCount.get(i) ?? 0,
  }));
  if (facts.maxScore > 100)
    histogram.push({ from: 100, to: facts.maxScore, count: binCount.get(HUNDRED_CENTI / BIN_CENTI) ?? 0 });
  return {
    periodId: period.id,
    periodKey: period.key,
    status: period.status,
    evaluations: totals[0]?.n ?? 0,
    byStatus,
    grades: facts.bands.map((b) => ({ grade: b.grade, label: b.label, count: gradeCount.get(b.grade) ?? 0 })),
    histogram,
    departments: depts.map((d) => ({
      departmentId: d.departmentId,
      name: d.name,
      headcount: d.headcount,
      mean: d.meanCenti / 100,
      median: d.medianCenti / 100,
      min: d.minCenti / 100,
      max: d.maxCenti / 100,
    })),
    openAppeals: open,
    totalBonusFen: totals[0]?.bonusFen ?? 0,
    totalPayFen: totals[0]?.payFen ?? 0,
  };
}
