import { type Cell, column, hundredths, kCell, type ReportSource } from '../cells';
import { headers, reportTitle, statusNames } from '../texts';
import type { KindContext } from './context';
import { periodEvaluations } from './period-rows';

/** 考核成绩: every evaluation of the period, each category's points, total, grade, K, status. */
export async function periodScores(ctx: KindContext): Promise<ReportSource> {
  const { lang, scope, period, facts } = await ctx.period();
  const col = (h: keyof typeof headers, type: 'text' | 'fixed2', width?: number) =>
    column(lang, headers[h], type, width);
  const columns = [
    col('employeeNo', 'text', 10),
    col('name', 'text', 10),
    col('department', 'text', 14),
    col('position', 'text', 14),
    ...facts.categories.map((c) => column(lang, { 'zh-CN': c.name, en: c.name }, 'fixed2')),
    col('total', 'fixed2'),
    col('grade', 'text', 6),
    col('k', 'fixed2', 6),
    col('status', 'text', 8),
  ];
  async function* pages(): AsyncGenerator<Cell[][]> {
    for await (const page of periodEvaluations(scope, period.id, true)) {
      yield page.map((e) => {
        const points = new Map(e.categories.map((c) => [c.key, Math.round(c.points * 100)]));
        return [
          e.employeeNo,
          e.name,
          e.department,
          e.position,
          // A category of another scheme version in the month is blank, not zero.
          ...facts.categories.map((c) => {
            const p = points.get(c.key);
            return p === undefined ? null : hundredths(p);
          }),
          hundredths(e.totalCenti),
          e.grade,
          kCell(e.k),
          statusNames[e.status][lang],
        ];
      });
    }
  }
  return { title: reportTitle('period-scores', lang, { periodKey: period.key }), columns, pages: pages() };
}
