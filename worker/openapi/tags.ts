import type { Texts } from '../lib/i18n';

interface Tag {
  name: string;
  displayName: Texts;
  description: Texts;
}

const tag = (name: string, zh: string, en: string, zhDescription: string, enDescription: string): Tag => ({
  name,
  displayName: { 'zh-CN': zh, en },
  description: { 'zh-CN': zhDescription, en: enDescription },
});

/**
 * The tags operations may use, in the order the reference shows them. A route's tag must be
 * declared here (test/api/edge/openapi.test.ts checks it).
 */
export const tags: Tag[] = [
  tag(
    'Auth',
    '注册与登录',
    'Sign-up and sessions',
    '企业注册、登录、退出和当前身份。',
    'Company sign-up, sign-in, sign-out and who is calling.',
  ),
  tag(
    'Users',
    '用户',
    'Users',
    '企业内可以登录的人及其角色。',
    'The people who sign in to the company, and their roles.',
  ),
  tag(
    'API keys',
    'API 密钥',
    'API keys',
    '集成方使用的密钥及其范围。',
    'Keys for integrators, and their scopes.',
  ),
  tag('Departments', '部门', 'Departments', '部门及其主管。', 'Departments and their supervisors.'),
  tag('Positions', '岗位', 'Positions', '岗位及其薪资（以分为单位）。', 'Positions and their pay (in fen).'),
  tag(
    'Employees',
    '员工',
    'Employees',
    '被考核的员工，按工号识别，可从 CSV 导入。',
    'The employees evaluated, known by 工号, importable from CSV.',
  ),
  tag(
    'Schemes',
    '考核方案',
    'Schemes',
    '考核方案（指标、分值、规则和等级）及其版本；发布的版本从不改变。',
    'Evaluation schemes (indicators, points, rules and grades) and their versions; a published version never changes.',
  ),
  tag(
    'Scheme assignments',
    '方案分配',
    'Scheme assignments',
    '哪个方案适用于哪个岗位、部门或员工。',
    'Which scheme applies to which position, department or employee.',
  ),
  tag('Periods', '考核周期', 'Periods', '按月开启和关闭考核。', 'Months of evaluation, opened and closed.'),
  tag(
    'Evaluations',
    '考核',
    'Evaluations',
    '每名员工每月一份考核：输入、得分明细、提交、确认、申诉、审批。',
    'One evaluation per employee and month: inputs, breakdown, submit, confirm, appeal, approve.',
  ),
  tag(
    'Ingestion',
    '数据接入',
    'Ingestion',
    '集成方批量推送指标和事件，可安全重试。',
    'Integrators push metrics and events in bulk, safely retried.',
  ),
  tag(
    'Reports',
    '报表',
    'Reports',
    '月末的文件：成绩表、工资表、部门汇总、员工历史和审计日志，CSV 或 XLSX，保存在对象存储中。',
    'The files a month ends in: scores, payroll, department summary, employee history and the audit log, as CSV or XLSX, kept in object storage.',
  ),
  tag(
    'Audit log',
    '审计日志',
    'Audit log',
    '哈希链审计日志：每次修改的操作者、前后值。',
    'The hash-chained audit log: who changed what, before and after.',
  ),
];
