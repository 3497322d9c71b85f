import { type Cell, column, hundredths, kCell, type ReportSource } from '../cells';
import { headers, reportTitle, statusNames, totalsLabel } from '../texts';
import type { KindContext } from './context';
import { periodEvaluations } from './period-rows';

/**
 * 工资表: pay per evaluation in 元 with two decimals, from integer fen, and a totals row summed
 * in fen. An open month is exported only on request (`includeOpen`), each row then with its status.
 */
export async function payroll(ctx: KindContext): Promise<ReportSource> {
  const { lang, scope, period } = await ctx.period();
  const withStatus = period.status !== 'closed';
  const col = (h: keyof typeof headers, type: 'text' | 'fixed2', width?: number) =>
    column(lang, headers[h], type, width);
  const columns = [
    col('employeeNo', 'text', 10),
    col('name', 'text', 10),
    col('department', 'text', 14),
    col('position', 'text', 14),
    col('baseSalary', 'fixed2', 12),
    col('bonusBase', 'fixed2', 12),
    col('grade', 'text', 6),
    col('k', 'fixed2', 6),
    col('bonus', 'fixed2', 12),
    col('payTotal', 'fixed2', 12),
    ...(withStatus ? [col('status', 'text', 8)] : []),
  ];
  async function* pages(): AsyncGenerator<Cell[][]> {
    const sum = { base: 0, bonusBase: 0, bonus: 0, total: 0 };
    for await (const page of periodEvaluations(scope, period.id, false)) {
      yield page.map((e) => {
        sum.base += e.baseSalaryFen;
        sum.bonusBase += e.bonusBaseFen;
        sum.bonus += e.bonusFen;
        sum.total += e.payTotalFen;
        return [
          e.employeeNo,
          e.name,
          e.department,
          e.position,
          hundredths(e.baseSalaryFen),
          hundredths(e.bonusBaseFen),
          e.grade,
          kCell(e.k),
          hundredths(e.bonusFen),
          hundredths(e.payTotalFen),
          ...(withStatus ? [statusNames[e.status][lang]] : []),
        ];
      });
    }
    yield [
      [
        totalsLabel[lang],
        null,
        null,
        null,
        hundredths(sum.base),
        hundredths(sum.bonusBase),
        null,
        null,
        hundredths(sum.bonus),
        hundredths(sum.total),
        ...(withStatus ? [null] : []),
      ],
    ];
  }
  return {
    title: reportTitle('payroll', lang, { periodKey: period.key }),
    columns,
    pages: pages(),
    summaryRows: 1,
  };
}
