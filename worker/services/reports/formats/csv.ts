import { type Cell, type Column, formatHundredths } from '../cells';
import type { ByteSink, SheetWriter } from './sink';

const BOM = '\uFEFF';
/** A text cell opening with one of these would be run as a formula by Excel or LibreOffice. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Text cells that look like formulas get a leading apostrophe (OWASP's advice for CSV
 * injection): `=HYPERLINK("…")` arrives as the text it was. Numbers are ours, never neutralised.
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return formatHundredths(cell.hundredths);
  return quote(FORMULA_START.test(cell) ? `'${cell}` : cell);
}

/** UTF-8 with a BOM (so Excel in China opens it as UTF-8), CRLF line ends, RFC 4180 quoting. */
export function csvWriter(sink: ByteSink): SheetWriter {
  const utf8 = new TextEncoder();
  const line = (cells: string[]) => sink.write(utf8.encode(`${cells.join(',')}\r\n`));
  return {
    async begin(_title: string, columns: Column[]) {
      sink.write(utf8.encode(BOM));
      line(columns.map((c) => csvCell(c.header)));
    },
    async rows(rows: Cell[][]) {
      // One encode per page, not per row: a page of text is small, and far fewer calls.
      let text = '';
      for (const r of rows) text += `${r.map(csvCell).join(',')}\r\n`;
      sink.write(utf8.encode(text));
      await sink.drain();
    },
    async end() {
      await sink.drain();
    },
  };
}
