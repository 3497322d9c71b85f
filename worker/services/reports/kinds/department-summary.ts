import { visibleEvaluations } from '../../../access/policy';
import { departmentStats } from '../../summary/department-stats';
import { type Cell, column, hundredths, type ReportSource } from '../cells';
import { headers, reportTitle } from '../texts';
import type { KindContext } from './context';

/** 部门汇总: per department headcount, mean, median, min, max, one column per grade, bonus. */
export async function departmentSummary(ctx: KindContext): Promise<ReportSource> {
  const { lang, scope, period, facts } = await ctx.period();
  const stats = await departmentStats(scope, period.id, visibleEvaluations(scope));
  const columns = [
    column(lang, headers.department, 'text', 14),
    column(lang, headers.headcount, 'int'),
    column(lang, headers.mean, 'fixed2'),
    column(lang, headers.median, 'fixed2'),
    column(lang, headers.min, 'fixed2'),
    column(lang, headers.max, 'fixed2'),
    ...facts.bands.map((b) =>
      column(lang, { 'zh-CN': `${b.grade}（${b.label}）`, en: `${b.grade} (${b.label})` }, 'int'),
    ),
    column(lang, headers.bonusTotal, 'fixed2', 12),
  ];
  // One row per department: memory grows with departments, not with evaluations.
  const rows: Cell[][] = stats.map((d) => [
    d.name,
    d.headcount,
    hundredths(d.meanCenti),
    hundredths(d.medianCenti),
    hundredths(d.minCenti),
    hundredths(d.maxCenti),
    ...facts.bands.map((b) => d.grades.get(b.grade) ?? 0),
    hundredths(d.bonusFen),
  ]);
  async function* pages() {
    yield rows;
  }
  return {
    title: reportTitle('department-summary', lang, { periodKey: period.key }),
    columns,
    pages: pages(),
  };
}
