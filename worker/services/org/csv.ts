import { ApiError } from '../../lib/errors';

/**
 * CSV as people actually send it: Excel in China saves "CSV (逗号分隔)" as GBK/GB18030 and
 * "CSV UTF-8" as UTF-8 with a BOM; other tools write UTF-8 without one. workerd's TextDecoder
 * knows gb18030 (a superset of GBK and GB2312), so no library is needed.
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const GB_LABELS = new Set(['gb18030', 'gbk', 'gb2312', 'x-gbk', 'cp936']);

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes to text. A charset the caller names (`text/csv; charset=gbk`) is obeyed; otherwise a
 * UTF-8 BOM means UTF-8, then strict UTF-8 is tried, then GB18030. Bytes that are neither are a
 * 400 rather than a file of mojibake names.
 */
export function decodeCsv(bytes: Uint8Array, charset?: string): string {
  const named = charset?.trim().toLowerCase().replace(/^"|"$/g, '');
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  let text: string | undefined;
  if (named && GB_LABELS.has(named) && !hasBom) text = strict('gb18030', bytes);
  else if (hasBom || named === 'utf-8' || named === 'utf8') text = strict('utf-8', bytes);
  else text = strict('utf-8', bytes) ?? strict('gb18030', bytes);
  if (text === undefined) throw new ApiError('VALIDATION_FAILED', { message: 'CSV_ENCODING' });
  // TextDecoder drops a leading BOM already; a second one (tools that add it twice) goes too.
  return text.replace(/^\uFEFF/, '');
}

/** One record of the file and the physical line (1-based) it starts on, as an editor shows it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unclosed_quote' | 'text_after_quote',
  ) {
    super(`${reason} at line ${line}`);
  }
}

/**
 * RFC 4180, read the way Excel reads it: comma-separated; a field in double quotes may hold
 * commas, doubled quotes and line breaks; CRLF, LF and lone CR all end a record; a quote in the
 * middle of an unquoted field is just a character. Cells are returned untrimmed.
 */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside "…"
  let closed = false; // the current cell was quoted and its quote is closed
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    closed = false;
  };
  const endRecord = () => {
    endCell();
    out.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const crlf = ch === '\r' && text[i + 1] === '\n';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else if (ch === '\r' || ch === '\n') {
        cell += '\n';
        line++;
        if (crlf) i++;
      } else {
        cell += ch;
      }
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (crlf) i++;
      endRecord();
      line++;
      start = line;
    } else if (closed) {
      // Only blanks may follow a closing quote before the comma.
      if (ch !== ' ' && ch !== '\t') throw new CsvSyntaxError(line, 'text_after_quote');
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(start, 'unclosed_quote');
  if (cell !== '' || cells.length > 0 || closed) endRecord();
  return out;
}
