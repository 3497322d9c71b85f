/** D1 refuses a statement with more than 100 bound parameters (production limit). */
export const D1_MAX_BOUND_PARAMETERS = 100;
/** Ids per `IN (…)` list: room beside them for a few more parameters (tenant, values set). */
export const IDS_PER_STATEMENT = 90;

/** Splits a list into chunks so that no statement binds more than D1's 100 parameters. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per multi-row INSERT for a table with `columns` columns. */
export const rowsPerInsert = (columns: number) => Math.max(1, Math.floor(D1_MAX_BOUND_PARAMETERS / columns));

/** …or whose SQL text is longer than 100,000 bytes. */
export const D1_MAX_SQL_BYTES = 100_000;
/** …or a string or BLOB (and a row) larger than 2,000,000 bytes. */
export const D1_MAX_VALUE_BYTES = 2_000_000;

const utf8 = new TextEncoder();
/** UTF-8 takes at most 3 bytes per UTF-16 unit: most statements are cleared without encoding. */
const upperBytes = (v: unknown) => (typeof v === 'string' ? v.length * 3 : byteLength(v));
const byteLength = (v: unknown) =>
  typeof v === 'string'
    ? utf8.encode(v).length
    : v instanceof ArrayBuffer || ArrayBuffer.isView(v)
      ? v.byteLength
      : 0;

/**
 * The D1 binding, made to refuse what production D1 refuses. Local D1 is plain SQLite, which
 * takes 32,766 parameters, a statement of 1 GB and rows of 1 GB, so a multi-row INSERT or a long IN list that would fail for a
 * customer passes every local test; with this wrapper it fails in the tests the same way.
 */
export function withD1Limits(binding: D1Database): D1Database {
  return new Proxy(binding, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const bytes = new TextEncoder().encode(sql).length;
          if (bytes > D1_MAX_SQL_BYTES) {
            throw new Error(
              `D1 allows ${D1_MAX_SQL_BYTES} bytes of SQL per statement, this one has ${bytes}`,
            );
          }
          return limitedStatement(target.prepare(sql), sql);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function limitedStatement(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, prop) {
      if (prop === 'bind') {
        return (...values: unknown[]) => {
          if (values.length > D1_MAX_BOUND_PARAMETERS) {
            throw new Error(
              `D1 allows ${D1_MAX_BOUND_PARAMETERS} bound parameters per statement, this one has ${values.length}: ${sql.slice(0, 120)}`,
            );
          }
          // A row is at most 2 MB too; one statement's values together stand in for it.
          if (values.reduce<number>((n, v) => n + upperBytes(v), 0) > D1_MAX_VALUE_BYTES) {
            const bytes = values.reduce<number>((n, v) => n + byteLength(v), 0);
            if (bytes > D1_MAX_VALUE_BYTES)
              throw new Error(
                `D1 allows ${D1_MAX_VALUE_BYTES} bytes in a row, this statement binds ${bytes}: ${sql.slice(0, 120)}`,
              );
          }
          return target.bind(...values);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
