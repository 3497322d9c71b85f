import { tapD1, writtenTable } from './d1-tap';

/** SQLite refuses this when it runs it (not when it is prepared): a statement that fails. */
const FAILING_SQL = "SELECT json('fault injected by test/helpers/d1-faults.ts')";

/**
 * A D1 binding that breaks the next audited write (the batch that appends to audit_log):
 * `failStatement(k)` makes its k-th statement fail inside the batch, `loseAnswer()` lets it
 * commit and then throws, as if the answer were lost on the way back. One fault per arming.
 */
export function faultyD1(real: D1Database) {
  let armed: { kind: 'fail'; k: number } | { kind: 'lose' } | undefined;
  let last: { injected: boolean; size: number } | undefined;
  const audited = (sqls: { sql: string }[]) => sqls.some((s) => writtenTable(s.sql) === 'audit_log');
  const db = tapD1(real, {
    batch: ({ statements, real: stmts, prepare }) => {
      if (!armed || !audited(statements)) return undefined;
      const fault = armed;
      if (fault.kind === 'lose') return undefined;
      armed = undefined;
      last = { injected: fault.k <= stmts.length, size: stmts.length };
      if (!last.injected) return undefined;
      return stmts.map((s, i) => (i === fault.k - 1 ? prepare(FAILING_SQL) : s));
    },
    afterBatch: (statements) => {
      if (armed?.kind !== 'lose' || !audited(statements)) return;
      armed = undefined;
      last = { injected: true, size: statements.length };
      throw new Error('fault injected: the batch committed, its answer was lost');
    },
  });
  return {
    db,
    failStatement(k: number) {
      armed = { kind: 'fail', k };
      last = undefined;
    },
    loseAnswer() {
      armed = { kind: 'lose' };
      last = undefined;
    },
    /** What the armed fault met: whether it fired, and the size of the batch it met. */
    get last() {
      return last;
    },
  };
}
