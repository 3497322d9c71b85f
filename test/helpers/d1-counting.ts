import { type SeenStatement, tapD1 } from './d1-tap';

export interface CountedStatement extends SeenStatement {
  /** Which batch it ran in (1, 2, …), or undefined when it ran on its own. */
  batch?: number;
}

/**
 * A D1 binding that keeps a list of every statement run through it, in order, each with the
 * batch it belonged to: what a test counts when it bounds the statements of a write.
 */
export function countingD1(real: D1Database) {
  const statements: CountedStatement[] = [];
  let batches = 0;
  const db = tapD1(real, {
    single: (s) => statements.push(s),
    batch: (seen) => {
      batches += 1;
      for (const s of seen.statements) statements.push({ ...s, batch: batches });
      return undefined;
    },
  });
  return {
    db,
    statements,
    get batches() {
      return batches;
    },
    /** Forgets what was counted so far. */
    reset() {
      statements.length = 0;
      batches = 0;
    },
  };
}
