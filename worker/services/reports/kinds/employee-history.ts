import { and, asc, eq, gt, gte, lte, or } from 'drizzle-orm';
import { employees, evaluations, periods } from '../../../../db/schema';
import { assertEmployeeVisible } from '../../org/records';
import { type Cell, column, hundredths, kCell, type ReportSource } from '../cells';
import { headers, reportTitle, statusNames } from '../texts';
import type { KindContext } from './context';
import { namedEvaluations, PAGE_ROWS, reportable } from './named-evaluations';

/**
 * 考核历史: month by month score, grade, K and pay of one employee or of everyone the creator
 * sees, over the months `from`…`to` (YYYY-MM), in 工号 then month order (keyset on both).
 */
export async function employeeHistory(ctx: KindContext): Promise<ReportSource> {
  const { scope, lang, params } = ctx;
  const from = params.from ?? '';
  const to = params.to ?? '';
  const employee = params.employeeId ? await assertEmployeeVisible(scope, params.employeeId) : undefined;
  const col = (h: keyof typeof headers, type: 'text' | 'fixed2', width?: number) =>
    column(lang, headers[h], type, width);
  const columns = [
    col('employeeNo', 'text', 10),
    col('name', 'text', 10),
    col('month', 'text', 9),
    col('department', 'text', 14),
    col('position', 'text', 14),
    col('total', 'fixed2'),
    col('grade', 'text', 6),
    col('k', 'fixed2', 6),
    col('bonus', 'fixed2', 12),
    col('payTotal', 'fixed2', 12),
    col('status', 'text', 8),
  ];
  async function* pages(): AsyncGenerator<Cell[][]> {
    let after: { no: string; key: string } | undefined;
    for (;;) {
      const page = await namedEvaluations(scope, {
        key: periods.key,
        totalCenti: evaluations.totalCenti,
        grade: evaluations.grade,
        k: evaluations.k,
        bonusFen: evaluations.bonusFen,
        payTotalFen: evaluations.payTotalFen,
        status: evaluations.status,
      })
        .innerJoin(
          periods,
          and(eq(periods.tenantId, evaluations.tenantId), eq(periods.id, evaluations.periodId)),
        )
        .where(
          reportable(
            scope,
            gte(periods.key, from),
            lte(periods.key, to),
            employee ? eq(evaluations.employeeId, employee.id) : undefined,
            after
              ? or(
                  gt(employees.employeeNo, after.no),
                  and(eq(employees.employeeNo, after.no), gt(periods.key, after.key)),
                )
              : undefined,
          ),
        )
        .orderBy(asc(employees.employeeNo), asc(periods.key))
        .limit(PAGE_ROWS);
      if (page.length === 0) return;
      yield page.map((e) => [
        e.employeeNo,
        e.name,
        e.key,
        e.department,
        e.position,
        hundredths(e.totalCenti),
        e.grade,
        kCell(e.k),
        hundredths(e.bonusFen),
        hundredths(e.payTotalFen),
        statusNames[e.status][lang],
      ]);
      if (page.length < PAGE_ROWS) return;
      const last = page.at(-1)!;
      after = { no: last.employeeNo, key: last.key };
    }
  }
  const title = reportTitle('employee-history', lang, { employeeNo: employee?.employeeNo, from, to });
  return { title, columns, pages: pages() };
}
