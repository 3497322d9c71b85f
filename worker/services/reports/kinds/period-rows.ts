import { asc, eq, gt, sql } from 'drizzle-orm';
import { employees, evaluations } from '../../../../db/schema';
import type { CategoryResult } from '../../../domain/scheme';
import type { Scope } from '../../scope';
import { namedEvaluations, PAGE_ROWS, reportable } from './named-evaluations';

/**
 * A period's evaluations the report's creator may see, in 工号 order, a page at a time (keyset
 * on 工号, unique per tenant, so no row is skipped or read twice). The breakdown is not read,
 * only its categories (json_extract): a breakdown with evidence can be large.
 */
export async function* periodEvaluations(scope: Scope, periodId: string, withCategories: boolean) {
  let after = '';
  for (;;) {
    const page = await namedEvaluations(scope, {
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
      .where(reportable(scope, eq(evaluations.periodId, periodId), gt(employees.employeeNo, after)))
      .orderBy(asc(employees.employeeNo))
      .limit(PAGE_ROWS);
    if (page.length === 0) return;
    yield page.map((r) => ({ ...r, categories: JSON.parse(r.categories) as CategoryResult[] }));
    if (page.length < PAGE_ROWS) return;
    after = page.at(-1)!.employeeNo;
  }
}
