import type { Lang, Texts } from '../../lib/i18n';

/**
 * One cell of a report: text, a whole number, or a number kept in hundredths (scores, K and
 * money in fen all are), so that both formats print exactly two decimals and no float ever
 * rounds a sum.
 */
export type Cell = string | number | { hundredths: number } | null;

export const hundredths = (n: number): Cell => ({ hundredths: n });
/** K is stored with at most two decimals; its hundredths are exact after rounding. */
export const kCell = (k: number): Cell => ({ hundredths: Math.round(k * 100) });

export interface Column {
  header: string;
  type: 'text' | 'int' | 'fixed2';
  /** Width in characters (a Chinese character counts two), for the XLSX. */
  width: number;
}

export const column = (lang: Lang, header: Texts, type: Column['type'], width?: number): Column => {
  const text = header[lang];
  return {
    header: text,
    type,
    width: Math.max(width ?? (type === 'text' ? 12 : 10), displayWidth(text) + 2),
  };
};

/** Columns as wide as a CJK character is on screen: two Latin ones. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** `-12.05` from -1205: integer arithmetic, never a float. */
export function formatHundredths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A sheet's worth of rows: what every report kind produces, a page at a time. */
export interface ReportSource {
  /** The report's title: its sheet name, and the stem of its file name. */
  title: string;
  columns: Column[];
  /** Pages of rows, read from D1 a page at a time: never every row in memory at once. */
  pages: AsyncIterable<Cell[][]>;
  /** Rows at the end that are not data (payroll's totals), left out of the row count. */
  summaryRows?: number;
}
