import type { Cell, Column } from '../cells';

/** Where a format writes its bytes: buffered, and flushed to R2 when `drain` is awaited. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  /** Uploads whatever full parts are buffered; formats await it between pages. */
  drain(): Promise<void>;
}

/** A format (CSV, XLSX): a header row, pages of rows, the end. */
export interface SheetWriter {
  begin(title: string, columns: Column[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}
