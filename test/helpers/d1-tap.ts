/** One statement as D1 is asked to run it. */
export interface SeenStatement {
  sql: string;
  params: unknown[];
}

/** A batch as the app sends it: what each statement is, and the real statements to run. */
export interface SeenBatch {
  statements: SeenStatement[];
  real: D1PreparedStatement[];
  /** Prepares a statement on the real binding (to stand in for one of the batch's). */
  prepare(sql: string): D1PreparedStatement;
}

/**
 * What a test wrapper does with the statements the app sends. `batch` may answer the
 * statements to run instead (a fault); `afterBatch` runs once the batch has committed and may
 * throw (an answer lost on the way back).
 */
export interface D1Tap {
  single?(statement: SeenStatement): void;
  batch?(batch: SeenBatch): D1PreparedStatement[] | undefined;
  afterBatch?(statements: SeenStatement[]): void;
}

const RUNNERS = new Set(['run', 'all', 'first', 'raw']);

/**
 * The real D1 binding with `tap` watching every statement. A test hands it to the app as its
 * environment's DB (test/helpers/app.ts), so it exists only where a test puts it.
 */
export function tapD1(real: D1Database, tap: D1Tap): D1Database {
  const seen = new WeakMap<object, { real: D1PreparedStatement } & SeenStatement>();
  const wrap = (statement: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql, values);
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (RUNNERS.has(String(prop)))
          return (...args: unknown[]) => {
            tap.single?.({ sql, params });
            return value.apply(target, args);
          };
        return value.bind(target);
      },
    });
    seen.set(proxy, { real: statement, sql, params });
    return proxy;
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql, []);
      if (prop === 'batch')
        return async (statements: D1PreparedStatement[]) => {
          const known = statements.map((s) => {
            const entry = seen.get(s);
            if (!entry) throw new Error('tapD1: a statement that did not come from this binding');
            return entry;
          });
          const views = known.map(({ sql, params }) => ({ sql, params }));
          const real = known.map((k) => k.real);
          const replaced = tap.batch?.({ statements: views, real, prepare: (sql) => target.prepare(sql) });
          const result = await target.batch(replaced ?? real);
          tap.afterBatch?.(views);
          return result;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The table a statement writes, or undefined for a read. */
export function writtenTable(sql: string): string | undefined {
  return /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+"?(\w+)"?/i.exec(sql)?.[1];
}
