import type { ReportKind } from '../../../../db/schema';
import type { ReportSource } from '../cells';
import { auditLogReport } from './audit-log';
import type { KindContext } from './context';
import { departmentSummary } from './department-summary';
import { employeeHistory } from './employee-history';
import { payroll } from './payroll';
import { periodScores } from './period-scores';

export { type KindContext, kindContext } from './context';

/** Each kind of report: what it reads and how its rows look. */
export const reportSources: Record<ReportKind, (ctx: KindContext) => Promise<ReportSource>> = {
  'period-scores': periodScores,
  payroll,
  'department-summary': departmentSummary,
  'employee-history': employeeHistory,
  'audit-log': auditLogReport,
};
