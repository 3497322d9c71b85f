import { format, type Lang, type Texts } from '../../lib/i18n';
import { messages } from '../../lib/messages';
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
  /** What the message was filled with: the dashboard words it again when the language changes. */
  params?: Record<string, string | number>;
}

export const rowTexts = {
  required: messages.IMPORT_required,
  employeeNo: messages.IMPORT_employeeNo,
  tooLong: messages.IMPORT_tooLong,
  unknownDepartment: messages.IMPORT_unknownDepartment,
  unknownPosition: messages.IMPORT_unknownPosition,
  unknownSupervisor: messages.IMPORT_unknownSupervisor,
  badActive: messages.IMPORT_badActive,
  duplicate: messages.IMPORT_duplicate,
  extraCells: messages.IMPORT_extraCells,
  unknownColumn: messages.IMPORT_unknownColumn,
  duplicateColumn: messages.IMPORT_duplicateColumn,
  missingColumn: messages.IMPORT_missingColumn,
  unclosed_quote: messages.IMPORT_unclosed_quote,
  text_after_quote: messages.IMPORT_text_after_quote,
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
  const message = format(messages.IMPORT_ISSUE[lang], { line, field: shown, text });
  return { line, field, code, message, params: { line, ...params } };
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
