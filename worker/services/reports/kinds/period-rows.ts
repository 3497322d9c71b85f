import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { departments, employees, evaluations, positions } from '../../../../db/schema';
import type { CategoryResult } from '../../../domain/scheme';
import { visibleEvaluations } from '../../evaluations/visibility';
import type { Scope } from '../../scope';

/** Rows per D1 read: a page is what the export holds in memory besides one R2 part. */
export const PAGE_ROWS = 500;

/**
 * A period's evaluations the report's creator may see, in 工号 order, a page at a time (keyset
 * on 工号, unique per tenant, so no row is skipped or read twice). The breakdown is not read,
 * only its categories (json_extract): a breakdown with evidence can be large.
 */
export async function* periodEvaluations(scope: Scope, periodId: string, withCategories: boolean) {
  let after = '';
  for (;;) {
    const page = await scope.db
      .select({
        employeeNo: employees.employeeNo,
        name: employees.name,
        department: departments.name,
        position: positions.name,
        status: evaluations.status,
        totalCenti: evaluations.totalCenti,
        grade: evaluations.grade,
        k: evaluations.k,
        baseSalaryFen: evaluations.baseSalaryFen,
        bonusBaseFen: evaluations.bonusBaseFen,
        bonusFen: evaluations.bonusFen,
        payTotalFen: evaluations.payTotalFen,
        categories: withCategories
          ? sql<string>`json_extract(${evaluations.breakdown}, '$.categories')`
          : sql<string>`'[]'`,
      })
      .from(evaluations)
      .innerJoin(
        employees,
        and(eq(employees.tenantId, evaluations.tenantId), eq(employees.id, evaluations.employeeId)),
      )
      .innerJoin(
        departments,
        and(eq(departments.tenantId, evaluations.tenantId), eq(departments.id, evaluations.departmentId)),
      )
      .innerJoin(
        positions,
        and(eq(positions.tenantId, evaluations.tenantId), eq(positions.id, evaluations.positionId)),
      )
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          eq(evaluations.periodId, periodId),
          gt(employees.employeeNo, after),
          visibleEvaluations(scope),
        ),
      )
      .orderBy(asc(employees.employeeNo))
      .limit(PAGE_ROWS);
    if (page.length === 0) return;
    yield page.map((r) => ({ ...r, categories: JSON.parse(r.categories) as CategoryResult[] }));
    if (page.length < PAGE_ROWS) return;
    after = page.at(-1)!.employeeNo;
  }
}
