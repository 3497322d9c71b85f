/*
 * What people type and paste into the scoring grid, as exact values: pure, no DOM, so the unit
 * suite tests it (test/unit/web/grid-paste.test.ts).
 *
 * Rates: the API takes a rate as a fraction (96% is 0.96) on every path; people type percent.
 * So the dashboard reads every rate as percent, "96", "96%" and "96.5%" alike, and sends the
 * fraction, moving the decimal point on the text itself (no float arithmetic: "96.5" → "0.965",
 * never 0.9650000000000001). A bare number below 1 with decimals ("0.965") is refused as
 * ambiguous, since a sheet may hold fractions: the person writes "96.5%" or "0.965%".
 */

export type ColumnType = 'quantity' | 'ratio' | 'rating';

export interface PasteColumn {
  key: string;
  name: string;
  type: ColumnType;
  scale: number | null;
}

export interface PasteRow {
  employeeNo: string;
  employeeName: string;
}

export type CellProblem =
  | { code: 'not_a_number' }
  | { code: 'negative' }
  | { code: 'rate_ambiguous'; text: string; percent: string }
  | { code: 'rate_range'; percent: string }
  | { code: 'rating_range'; scale: number };

export type ParsedCell =
  | { empty: true }
  | { empty: false; value: number }
  | { empty: false; problem: CellProblem };

/** Full-width digits and signs (９６％) as ASCII, spaces out, thousands separators out. */
function normalize(text: string): string {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?%?$/.test(s) ? s.replace(/,/g, '') : s;
}

interface Decimal {
  negative: boolean;
  /** All digits, without the point. */
  digits: string;
  /** Where the point sits in `digits` (digits.length when there is no fraction). */
  point: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function readDecimal(s: string): Decimal | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const [, sign = '', whole = '', frac = '', exp = '0'] = m;
  if (whole === '' && frac === '') return null;
  return { negative: sign === '-', digits: whole + frac, point: whole.length + Number(exp) };
}

/** The decimal as its shortest text, the point moved `shift` places right (-2: percent → fraction). */
function decimalText(d: Decimal, shift = 0): string {
  const point = d.point + shift;
  let digits = d.digits;
  let at = point;
  if (at <= 0) {
    digits = '0'.repeat(1 - at) + digits;
    at = 1;
  } else if (at > digits.length) {
    digits = digits + '0'.repeat(at - digits.length);
  }
  const whole = digits.slice(0, at).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(at).replace(/0+$/, '');
  const body = frac ? `${whole}.${frac}` : whole;
  return d.negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** More significant digits than a double keeps exactly: refused rather than rounded. */
const tooLong = (d: Decimal) => d.digits.replace(/^0+/, '').replace(/0+$/, '').length > 15;

/** A fraction the API sent, as the percent people read: 0.965 → "96.5". */
export function percentText(fraction: number): string {
  const d = readDecimal(String(fraction));
  return d ? decimalText(d, 2) : String(fraction * 100);
}

/** A value the API sent, as the grid shows it: rates in percent with the sign. */
export function cellText(value: number | null, type: ColumnType): string {
  if (value === null) return '';
  return type === 'ratio' ? `${percentText(value)}%` : String(value);
}

/** What a person typed into a cell of this column: nothing, an exact value, or what is wrong. */
export function parseCell(text: string, column: Pick<PasteColumn, 'type' | 'scale'>): ParsedCell {
  let s = normalize(text);
  if (s === '') return { empty: true };
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  // Only a rate takes a percent sign; "95%" typed into a count is a slip, not 0.95.
  if (percent && column.type !== 'ratio') return { empty: false, problem: { code: 'not_a_number' } };
  const d = readDecimal(s);
  if (!d || tooLong(d)) return { empty: false, problem: { code: 'not_a_number' } };
  if (column.type === 'ratio') {
    const whole = Number(decimalText({ ...d, negative: false }).split('.')[0]);
    if (!percent && whole === 0 && decimalText(d).includes('.'))
      return {
        empty: false,
        problem: { code: 'rate_ambiguous', text: decimalText(d), percent: decimalText(d, 2) },
      };
    const fraction = decimalText(d, -2);
    const value = Number(fraction);
    if (value < 0 || value > 1)
      return { empty: false, problem: { code: 'rate_range', percent: decimalText(d) } };
    return { empty: false, value };
  }
  const value = Number(decimalText(d));
  if (value < 0) return { empty: false, problem: { code: 'negative' } };
  if (column.type === 'rating' && column.scale !== null && value > column.scale)
    return { empty: false, problem: { code: 'rating_range', scale: column.scale } };
  return { empty: false, value };
}

/** A block copied from Excel: rows of tab-separated cells; a quoted cell may hold tabs and line breaks. */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"' && cell === '') {
      // Excel quotes a cell that holds a tab, a line break or a quote ("" inside is one ").
      let j = i + 1;
      let quoted = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else quoted += s[j++];
      }
      if (j < s.length && (s[j + 1] === '\t' || s[j + 1] === '\n' || j + 1 === s.length)) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** What a header cell names: the 工号 column, the name column, an indicator, or nothing known. */
type Header =
  | { kind: 'employeeNo' }
  | { kind: 'name' }
  | { kind: 'column'; key: string }
  | { kind: 'unknown' };

const EMPLOYEE_NO = ['工号', '员工工号', '员工编号', '编号', 'employeeno', 'employee no', 'no.'];
const NAME = ['姓名', '员工姓名', '名字', 'name', 'employee'];

/** "电话接听量（次）", "30分钟内回复率(%)" → the label without its unit. */
const bare = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase();

function headerOf(text: string, columns: PasteColumn[]): Header {
  const h = bare(text);
  if (h === '') return { kind: 'unknown' };
  if (EMPLOYEE_NO.includes(h)) return { kind: 'employeeNo' };
  if (NAME.includes(h)) return { kind: 'name' };
  const column = columns.find((c) => bare(c.name) === h || c.key.toLowerCase() === h);
  return column ? { kind: 'column', key: column.key } : { kind: 'unknown' };
}

/** One pasted value and the cell it lands in. */
export interface Placement {
  row: number;
  key: string;
  text: string;
}

/** A line of the block that could not land; `line` counts from 1 as the sheet shows it. */
export type PasteProblem =
  | { line: number; code: 'unknown_employee'; employeeNo: string }
  | { line: number; code: 'ambiguous_name'; name: string }
  | { line: number; code: 'unknown_name'; name: string }
  | { line: number; code: 'unknown_header'; header: string }
  | { line: number; code: 'outside' };

export interface PasteResult {
  placements: Placement[];
  problems: PasteProblem[];
  /** Whether the first line was read as headers. */
  headers: boolean;
}

const sameNo = (a: string, b: string) => a.normalize('NFKC').trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Where a pasted block lands. With a header line (工号, 姓名 or an indicator's label), each line
 * finds its row by 工号 (or by a name only one employee has) and each column its indicator by
 * label; without one, the block lands at the focused cell as Excel would put it. Empty cells of
 * the block leave what the grid holds.
 */
export function placePaste(
  text: string,
  grid: { rows: PasteRow[]; columns: PasteColumn[] },
  at: { row: number; col: number },
): PasteResult {
  const lines = splitTsv(text).filter((l) => l.some((c) => c.trim() !== ''));
  const placements: Placement[] = [];
  const problems: PasteProblem[] = [];
  const first = lines[0] ?? [];
  const headers = first.map((c) => headerOf(c, grid.columns));
  const isHeader = headers.some((h) => h.kind !== 'unknown');
  if (!isHeader) {
    lines.forEach((cells, i) => {
      cells.forEach((text, j) => {
        if (text.trim() === '') return;
        const row = at.row + i;
        const column = grid.columns[at.col + j];
        if (row >= grid.rows.length || !column) {
          if (!problems.some((p) => p.line === i + 1)) problems.push({ line: i + 1, code: 'outside' });
          return;
        }
        placements.push({ row, key: column.key, text });
      });
    });
    return { placements, problems, headers: false };
  }
  headers.forEach((h, j) => {
    const header = first[j]?.trim() ?? '';
    if (h.kind === 'unknown' && header !== '') problems.push({ line: 1, code: 'unknown_header', header });
  });
  const noAt = headers.findIndex((h) => h.kind === 'employeeNo');
  const nameAt = headers.findIndex((h) => h.kind === 'name');
  lines.slice(1).forEach((cells, i) => {
    const line = i + 2;
    let row = at.row + i;
    if (noAt >= 0) {
      const employeeNo = cells[noAt]?.trim() ?? '';
      row = grid.rows.findIndex((r) => sameNo(employeeNo, r.employeeNo));
      if (row < 0) {
        problems.push({ line, code: 'unknown_employee', employeeNo });
        return;
      }
    } else if (nameAt >= 0) {
      const name = cells[nameAt]?.trim() ?? '';
      const found = grid.rows.flatMap((r, k) => (r.employeeName === name ? [k] : []));
      if (found.length !== 1) {
        problems.push({ line, code: found.length === 0 ? 'unknown_name' : 'ambiguous_name', name });
        return;
      }
      row = found[0]!;
    } else if (row >= grid.rows.length) {
      problems.push({ line, code: 'outside' });
      return;
    }
    headers.forEach((h, j) => {
      const text = cells[j] ?? '';
      if (h.kind === 'column' && text.trim() !== '') placements.push({ row, key: h.key, text });
    });
  });
  return { placements, problems, headers: true };
}
