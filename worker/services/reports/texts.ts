import type { EvaluationStatus } from '../../domain/evaluation/workflow';
import type { Texts } from '../../lib/i18n';

/** Column headers and labels of the report files, in both languages. */
export const headers = {
  employeeNo: { 'zh-CN': '工号', en: 'Employee no.' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  department: { 'zh-CN': '部门', en: 'Department' },
  position: { 'zh-CN': '岗位', en: 'Position' },
  month: { 'zh-CN': '月份', en: 'Month' },
  total: { 'zh-CN': '总分', en: 'Total' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  k: { 'zh-CN': 'K', en: 'K' },
  status: { 'zh-CN': '状态', en: 'Status' },
  baseSalary: { 'zh-CN': '基本工资', en: 'Base salary' },
  bonusBase: { 'zh-CN': '绩效奖金基数', en: 'Bonus base' },
  bonus: { 'zh-CN': '绩效奖金', en: 'Bonus' },
  payTotal: { 'zh-CN': '工资总额', en: 'Total pay' },
  headcount: { 'zh-CN': '人数', en: 'Headcount' },
  mean: { 'zh-CN': '平均分', en: 'Mean' },
  median: { 'zh-CN': '中位数', en: 'Median' },
  min: { 'zh-CN': '最低分', en: 'Min' },
  max: { 'zh-CN': '最高分', en: 'Max' },
  bonusTotal: { 'zh-CN': '奖金合计', en: 'Total bonus' },
  seq: { 'zh-CN': '序号', en: 'Seq' },
  atBeijing: { 'zh-CN': '时间（北京时间）', en: 'Time (Beijing)' },
  atUtc: { 'zh-CN': '时间（UTC）', en: 'Time (UTC)' },
  actorType: { 'zh-CN': '操作者类型', en: 'Actor type' },
  actor: { 'zh-CN': '操作者', en: 'Actor' },
  actorId: { 'zh-CN': '操作者 ID', en: 'Actor id' },
  action: { 'zh-CN': '操作', en: 'Action' },
  entityType: { 'zh-CN': '对象类型', en: 'Entity type' },
  entityId: { 'zh-CN': '对象 ID', en: 'Entity id' },
  before: { 'zh-CN': '变更前', en: 'Before' },
  after: { 'zh-CN': '变更后', en: 'After' },
} satisfies Record<string, Texts>;

export const totalsLabel: Texts = { 'zh-CN': '合计', en: 'Total' };

export const statusNames: Record<EvaluationStatus, Texts> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  confirmed: { 'zh-CN': '已确认', en: 'confirmed' },
  appealed: { 'zh-CN': '申诉中', en: 'appealed' },
  approved: { 'zh-CN': '已审批', en: 'approved' },
  locked: { 'zh-CN': '已锁定', en: 'locked' },
};

export const actorTypeNames: Record<'user' | 'api_key' | 'system', Texts> = {
  user: { 'zh-CN': '用户', en: 'user' },
  api_key: { 'zh-CN': 'API 密钥', en: 'API key' },
  system: { 'zh-CN': '系统', en: 'system' },
};

/** Titles: the sheet's name and the file name's stem (`工资表-2026-11.xlsx`). */
export const titles = {
  'period-scores': { 'zh-CN': '考核成绩', en: 'scores' },
  payroll: { 'zh-CN': '工资表', en: 'payroll' },
  'department-summary': { 'zh-CN': '部门汇总', en: 'department-summary' },
  'employee-history': { 'zh-CN': '考核历史', en: 'history' },
  'audit-log': { 'zh-CN': '审计日志', en: 'audit-log' },
} satisfies Record<string, Texts>;

/** What a title names beside the kind: the month, the range of months or days, the employee. */
export interface TitleFacts {
  periodKey?: string;
  employeeNo?: string;
  from?: string;
  to?: string;
}

/** `工资表-2026-11`, `考核历史-KF001-2026-01-2026-11`, `audit-log-20261101-20261130`. */
export function reportTitle(kind: keyof typeof titles, lang: keyof Texts, f: TitleFacts): string {
  const parts = [titles[kind][lang], f.employeeNo, f.periodKey, f.from, f.to].filter(Boolean);
  return parts.join('-');
}
