import { and, asc, count, eq, max, min, type SQL, sql, sum } from 'drizzle-orm';
import { departments, evaluations } from '../../../db/schema';
import type { Scope } from '../scope';

/** One department's month in integer hundredths of a point and fen: exact, no floats. */
export interface DepartmentStats {
  departmentId: string;
  name: string;
  headcount: number;
  meanCenti: number;
  medianCenti: number;
  minCenti: number;
  maxCenti: number;
  bonusFen: number;
  payFen: number;
  grades: Map<string, number>;
}

/** Half-up division of non-negative integers: the mean of scores kept to 0.01. */
const divideHalfUp = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

/**
 * Per department of the period: headcount, mean, median, min, max, grade counts, bonus and
 * pay totals, over the evaluations `where` admits (the caller's visibility). Aggregated in
 * D1, so memory grows with the departments, never with the evaluations; the median comes
 * from a window function (the middle row, or the two middle rows, of each department).
 */
export async function departmentStats(
  scope: Scope,
  periodId: string,
  visible?: SQL,
): Promise<DepartmentStats[]> {
  const where = and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.periodId, periodId), visible);
  const [groups, gradeRows, middles] = await Promise.all([
    scope.db
      .select({
        departmentId: evaluations.departmentId,
        name: departments.name,
        headcount: count(),
        sumCenti: sum(evaluations.totalCenti).mapWith(Number),
        minCenti: min(evaluations.totalCenti),
        maxCenti: max(evaluations.totalCenti),
        bonusFen: sum(evaluations.bonusFen).mapWith(Number),
        payFen: sum(evaluations.payTotalFen).mapWith(Number),
      })
      .from(evaluations)
      .innerJoin(
        departments,
        and(eq(departments.tenantId, evaluations.tenantId), eq(departments.id, evaluations.departmentId)),
      )
      .where(where)
      .groupBy(evaluations.departmentId, departments.name)
      .orderBy(asc(departments.name)),
    scope.db
      .select({ departmentId: evaluations.departmentId, grade: evaluations.grade, n: count() })
      .from(evaluations)
      .where(where)
      .groupBy(evaluations.departmentId, evaluations.grade),
    scope.db.all<{ department_id: string; total_centi: number }>(sql`
      SELECT department_id, total_centi FROM (
        SELECT ${evaluations.departmentId} AS department_id, ${evaluations.totalCenti} AS total_centi,
          ROW_NUMBER() OVER (PARTITION BY ${evaluations.departmentId} ORDER BY ${evaluations.totalCenti}) AS rn,
          COUNT(*) OVER (PARTITION BY ${evaluations.departmentId}) AS n
        FROM ${evaluations} WHERE ${where}
      ) WHERE rn IN ((n + 1) / 2, (n + 2) / 2)`),
  ]);
  const middle = new Map<string, number[]>();
  for (const m of middles)
    middle.set(m.department_id, [...(middle.get(m.department_id) ?? []), m.total_centi]);
  return groups.map((g) => {
    const mid = middle.get(g.departmentId) ?? [0];
    const grades = new Map<string, number>();
    for (const r of gradeRows) if (r.departmentId === g.departmentId) grades.set(r.grade, r.n);
    return {
      departmentId: g.departmentId,
      name: g.name,
      headcount: g.headcount,
      meanCenti: divideHalfUp(g.sumCenti, g.headcount),
      medianCenti: divideHalfUp(
        mid.reduce((a, b) => a + b, 0),
        mid.length,
      ),
      minCenti: g.minCenti ?? 0,
      maxCenti: g.maxCenti ?? 0,
      bonusFen: g.bonusFen,
      payFen: g.payFen,
      grades,
    };
  });
}
