import { format, type Lang, type Texts } from '../../lib/i18n';
import { refusedCharacter, textTexts } from '../../lib/text';
import type { CsvRecord } from './csv';
import { EMPLOYEE_NO } from './issues';
import type { EmployeeRow } from './records';

/** The columns an employee file may have, with the header names (Chinese or English) accepted. */
export const importColumns = {
  employeeNo: ['工号', 'employeeno', 'employee no', 'employee_no'],
  name: ['姓名', 'name'],
  department: ['部门', 'department'],
  position: ['岗位', '职位', 'position'],
  supervisorEmail: ['上级', '上级邮箱', 'supervisoremail', 'supervisor email', 'supervisor'],
  active: ['在职', '是否在职', 'active'],
} as const;
export type ImportField = keyof typeof importColumns;
const required: ImportField[] = ['employeeNo', 'name', 'department', 'position'];

/** One problem of the file: the line it is on (as an editor numbers them) and the field. */
export interface ImportIssue {
  line: number;
  field: string;
  code: string;
  message: string;
}

export const rowTexts = {
  required: { 'zh-CN': '必填', en: 'is required' },
  employeeNo: {
    'zh-CN': '工号「{value}」只能包含字母、数字、点、下划线和连字符，最长 32 个字符',
    en: '"{value}" may only hold letters, digits, dots, underscores and hyphens, at most 32 characters',
  },
  tooLong: { 'zh-CN': '不能超过 {n} 个字符', en: 'must be at most {n} characters' },
  unknownDepartment: { 'zh-CN': '没有名为「{value}」的部门', en: 'no department is named "{value}"' },
  unknownPosition: { 'zh-CN': '没有名为「{value}」的岗位', en: 'no position is named "{value}"' },
  unknownSupervisor: {
    'zh-CN': '没有邮箱为 {value} 的主管用户',
    en: 'no user with the supervisor role has the e-mail {value}',
  },
  badActive: {
    'zh-CN': '应为 是/否/true/false/1/0，而不是「{value}」',
    en: 'must be 是/否/true/false/1/0, not "{value}"',
  },
  duplicate: {
    'zh-CN': '工号 {value} 在文件中重复：第 {first} 行和第 {line} 行',
    en: '{value} appears twice in the file: lines {first} and {line}',
  },
  extraCells: { 'zh-CN': '此行比表头多出单元格：{value}', en: 'has more cells than the header: {value}' },
  unknownColumn: {
    'zh-CN': '无法识别的列「{value}」；可用的列：工号、姓名、部门、岗位、上级、在职',
    en: 'unknown column "{value}"; the columns are employeeNo, name, department, position, supervisorEmail, active',
  },
  duplicateColumn: { 'zh-CN': '列「{value}」出现了两次', en: 'the column "{value}" appears twice' },
  missingColumn: { 'zh-CN': '缺少必需的列「{value}」', en: 'the required column "{value}" is missing' },
  unclosed_quote: {
    'zh-CN': '引号没有闭合（从此行开始）',
    en: 'a quoted field starting on this line is never closed',
  },
  text_after_quote: {
    'zh-CN': '引号闭合后、逗号之前还有其他字符',
    en: 'there are characters between a closing quote and the next comma',
  },
  // A cell holds one line of text, as a name does through the API (line_break, bidi_control …).
  ...textTexts,
} satisfies Record<string, Texts>;

/** Builds an issue worded `第 3 行「部门」：…` / `line 3, department: …`. */
export function rowIssue(
  lang: Lang,
  line: number,
  field: string,
  code: keyof typeof rowTexts,
  params: Record<string, string | number> = {},
  shown = field,
): ImportIssue {
  const text = format(rowTexts[code][lang], { line, ...params });
  const message = lang === 'en' ? `line ${line}, ${shown}: ${text}` : `第 ${line} 行「${shown}」：${text}`;
  return { line, field, code, message };
}

/** Where each known column is in the header, and every problem of the header itself. */
export function readHeader(lang: Lang, header: CsvRecord) {
  const index = new Map<ImportField, number>();
  const label = new Map<ImportField, string>();
  const issues: ImportIssue[] = [];
  for (const [i, raw] of header.cells.entries()) {
    const name = raw.trim();
    if (name === '') continue;
    const key = (Object.keys(importColumns) as ImportField[]).find((k) =>
      (importColumns[k] as readonly string[]).includes(name.toLowerCase()),
    );
    if (!key) issues.push(rowIssue(lang, header.line, name, 'unknownColumn', { value: name }));
    else if (index.has(key))
      issues.push(rowIssue(lang, header.line, key, 'duplicateColumn', { value: name }, name));
    else {
      index.set(key, i);
      label.set(key, name);
    }
  }
  for (const key of required) {
    if (!index.has(key)) {
      const zh = importColumns[key][0];
      issues.push(
        rowIssue(lang, header.line, key, 'missingColumn', { value: lang === 'en' ? key : zh }, key),
      );
    }
  }
  return { index, label, issues, width: header.cells.length };
}
export type Header = ReturnType<typeof readHeader>;

const TRUE = new Set(['是', '在职', 'true', '1', 'yes', 'y']);
const FALSE = new Set(['否', '离职', 'false', '0', 'no', 'n']);

/** The lookups a row is checked against: this tenant's names, supervisors and staff. */
export interface ImportContext {
  lang: Lang;
  departmentByName: Map<string, string>;
  positionByName: Map<string, string>;
  supervisorByEmail: Map<string, string>;
  existingByNo: Map<string, EmployeeRow>;
}

/** What one valid row asks for; `undefined` keeps the existing value (or the default). */
export interface RowValues {
  line: number;
  employeeNo: string;
  name: string;
  departmentId: string;
  positionId: string;
  supervisorUserId: string | undefined;
  active: boolean | undefined;
}

/** Checks one data row against the header and the tenant; every bad cell becomes one issue. */
export function readRow(
  ctx: ImportContext,
  header: Header,
  rec: CsvRecord,
  firstLineOf: Map<string, number>,
): { values?: RowValues; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const shown = (f: ImportField) => header.label.get(f) ?? f;
  const notText = new Set<ImportField>();
  const bad = (f: ImportField, code: keyof typeof rowTexts, params: Record<string, string | number> = {}) => {
    if (!notText.has(f)) issues.push(rowIssue(ctx.lang, rec.line, f, code, params, shown(f)));
  };
  const cell = (f: ImportField) => {
    const i = header.index.get(f);
    return i === undefined ? '' : (rec.cells[i] ?? '').trim();
  };
  // Each cell is first one line of text (lib/text.ts); a cell that is not says only that.
  for (const f of header.index.keys()) {
    const refused = refusedCharacter(cell(f), 'oneLine');
    if (!refused) continue;
    bad(f, refused.code, { char: refused.char, position: refused.position });
    notText.add(f);
  }

  const extra = rec.cells.slice(header.width).filter((c) => c.trim() !== '');
  if (extra.length) {
    issues.push(rowIssue(ctx.lang, rec.line, '(row)', 'extraCells', { value: extra.join(', ') }));
  }

  const employeeNo = cell('employeeNo');
  if (!employeeNo) bad('employeeNo', 'required');
  else if (!EMPLOYEE_NO.test(employeeNo)) bad('employeeNo', 'employeeNo', { value: employeeNo });
  else {
    const first = firstLineOf.get(employeeNo);
    if (first !== undefined) bad('employeeNo', 'duplicate', { value: employeeNo, first });
    else firstLineOf.set(employeeNo, rec.line);
  }

  const name = cell('name');
  if (!name) bad('name', 'required');
  else if (name.length > 100) bad('name', 'tooLong', { n: 100 });

  const department = cell('department');
  const departmentId = ctx.departmentByName.get(department);
  if (!department) bad('department', 'required');
  else if (!departmentId) bad('department', 'unknownDepartment', { value: department });

  const position = cell('position');
  const positionId = ctx.positionByName.get(position);
  if (!position) bad('position', 'required');
  else if (!positionId) bad('position', 'unknownPosition', { value: position });

  const email = cell('supervisorEmail').toLowerCase();
  const supervisorUserId = email ? ctx.supervisorByEmail.get(email) : undefined;
  if (email && !supervisorUserId) bad('supervisorEmail', 'unknownSupervisor', { value: email });

  const flag = cell('active').toLowerCase();
  const active = flag === '' ? undefined : TRUE.has(flag) ? true : FALSE.has(flag) ? false : null;
  if (active === null) bad('active', 'badActive', { value: cell('active') });

  if (issues.length || !departmentId || !positionId || active === null) return { issues };
  return {
    issues,
    values: { line: rec.line, employeeNo, name, departmentId, positionId, supervisorUserId, active },
  };
}
