import { Writable } from 'node:stream';
import ExcelJS from 'exceljs/lib/exceljs.nodejs.js';
import type { Cell, Column } from '../cells';
import type { ByteSink, SheetWriter } from './sink';

/** Excel refuses a cell of more than 32,767 characters (a long audit "before", say). */
const MAX_CELL_CHARS = 32_767;
const TRUNCATED = '…';

/** Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`. */
export const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

function xlsxValue(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'number') return cell;
  // The stored double nearest to 12.05 is what Excel itself stores for 12.05.
  if (typeof cell === 'object') return cell.hundredths / 100;
  return cell.length > MAX_CELL_CHARS ? cell.slice(0, MAX_CELL_CHARS - 1) + TRUNCATED : cell;
}

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (serialised and
 * zipped) as it is added, so the workbook is never held whole. Numbers are numbers, scores and
 * money formatted `0.00`, the header row frozen, columns as wide as their contents need.
 * Text is written inline rather than as shared strings, which would keep every string in memory.
 */
export function xlsxWriter(sink: ByteSink): SheetWriter {
  const stream = new Writable({
    write(chunk: Uint8Array, _encoding, done) {
      sink.write(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  let sheet: ExcelJS.Worksheet | undefined;
  let fixed2: number[] = [];
  return {
    async begin(title: string, columns: Column[]) {
      sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c) => ({ width: c.width }));
      fixed2 = columns.flatMap((c, i) => (c.type === 'fixed2' ? [i + 1] : []));
      const header = sheet.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
    },
    async rows(rows: Cell[][]) {
      for (const r of rows) {
        const row = sheet!.addRow(r.map(xlsxValue));
        for (const i of fixed2) row.getCell(i).numFmt = '0.00';
        row.commit();
      }
      await sink.drain();
    },
    async end() {
      sheet!.commit();
      await workbook.commit();
      await sink.drain();
    },
  };
}
