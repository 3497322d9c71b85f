import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { rows } from '../../support';
import { buildCompany, type Company } from './world';

/** Ours (甲), whose people and keys call the API, and theirs (乙), whose rows share the database. */
export interface Pair {
  ours: Company;
  theirs: Company;
  /** Strings of theirs that none of our answers or files may hold. */
  secrets: string[];
  /** Strings of ours, to show that an answer is not empty by accident. */
  own: string[];
}

interface Column {
  name: string;
  type: string;
}

/** Every table with a tenant_id column, with its columns: read from SQLite, so a new table is covered. */
export async function tenantTables(): Promise<Map<string, Column[]>> {
  const cols = await rows<{ t: string; name: string; type: string }>(
    `SELECT m.name AS t, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%' AND m.name != 'd1_migrations'
      ORDER BY m.name, p.cid`,
  );
  const tables = new Map<string, Column[]>();
  for (const c of cols) tables.set(c.t, [...(tables.get(c.t) ?? []), { name: c.name, type: c.type }]);
  for (const [t, cs] of tables) if (!cs.some((c) => c.name === 'tenant_id')) tables.delete(t);
  expect(tables.size, 'tables with tenant_id').toBeGreaterThan(10);
  return tables;
}

const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

/** Every row of the tenant in every table, its tenants row and its R2 objects. */
export async function snapshot(tenantId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of (await tenantTables()).keys())
    out[t] = sorted(await rows(`SELECT * FROM "${t}" WHERE tenant_id = ?`, tenantId));
  out.tenants = sorted(await rows('SELECT * FROM tenants WHERE id = ?', tenantId));
  const listed = await env.REPORTS.list({ prefix: `tenants/${tenantId}/` });
  out.r2 = sorted(listed.objects.map((o) => [o.key, o.etag, o.size]));
  return out;
}

/**
 * Text that could identify a row: ids, names, 工号, e-mails, hashes. Not times, JSON (its
 * names are in their own columns) or short codes (a grade, `csv`); a Chinese name may be short.
 */
const telling = (v: unknown): v is string =>
  typeof v === 'string' &&
  (v.length >= 4 || (v.length >= 2 && /[\u0080-\uffff]/.test(v))) &&
  !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) &&
  !/^[[{]/.test(v);

/** The telling text values of every row of a tenant. */
async function textsOf(tenantId: string): Promise<Set<string>> {
  const out = new Set<string>([tenantId]);
  const all = [await rows('SELECT * FROM tenants WHERE id = ?', tenantId)];
  for (const [t] of await tenantTables())
    all.push(await rows(`SELECT * FROM "${t}" WHERE tenant_id = ?`, tenantId));
  for (const row of all.flat()) for (const v of Object.values(row)) if (telling(v)) out.add(v);
  return out;
}

/**
 * Ids are unique across tenants, so a query filtered by an id alone (a period's evaluations,
 * an evaluation's inputs) would hide a missing tenant filter. For each column of theirs that
 * names an object of a collection (`period_id` → periods), one of their rows is copied with our
 * object's id in that column: only the tenant filter then keeps it out of our answers.
 */
async function strayRows(theirs: Company, ours: Company): Promise<string[]> {
  const planted: string[] = [];
  for (const [t, cols] of await tenantTables()) {
    for (const c of cols) {
      const collection = `${c.name.replace(/_id$/, '').replaceAll('_', '-')}s`;
      if (!c.name.endsWith('_id') || c.name === 'tenant_id' || !(collection in ours.ids)) continue;
      const [row] = await rows(
        `SELECT rowid AS _r FROM "${t}" WHERE tenant_id = ? AND "${c.name}" = ? LIMIT 1`,
        theirs.tenantId,
        theirs.ids[collection],
      );
      if (!row) continue;
      const select = cols.map((x) =>
        x.name === c.name
          ? '?2'
          : x.name === 'id'
            ? x.type === 'INTEGER'
              ? 'NULL'
              : `id || '_${c.name}'`
            : `"${x.name}"`,
      );
      // A copy that would break a unique index of theirs (a second 工号 …) is left out.
      try {
        await rows(
          `INSERT INTO "${t}" (${cols.map((x) => `"${x.name}"`).join(', ')})
           SELECT ${select.join(', ')} FROM "${t}" WHERE rowid = ?1`,
          row._r,
          ours.ids[collection],
        );
        planted.push(`${t}.${c.name}`);
      } catch (e) {
        if (!/UNIQUE constraint failed/.test(String(e))) throw e;
      }
    }
  }
  return planted;
}

/** The two companies of a test file, with theirs' stray rows naming our objects. */
export async function twoCompanies(): Promise<Pair> {
  const [ours, theirs] = await Promise.all([buildCompany('甲', 'JQ'), buildCompany('乙', 'YQ')]);
  const [ourTexts, theirTexts] = [await textsOf(ours.tenantId), await textsOf(theirs.tenantId)];
  const planted = await strayRows(theirs, ours);
  expect(planted, 'stray rows of theirs point at our period and evaluation').toEqual(
    expect.arrayContaining(['evaluations.period_id', 'evaluation_inputs.evaluation_id']),
  );
  return {
    ours,
    theirs,
    // Their stray rows hold our ids: those are ours, not theirs.
    secrets: [theirs.mark, ...[...(await textsOf(theirs.tenantId))].filter((s) => !ourTexts.has(s))],
    own: [...ourTexts].filter((s) => !theirTexts.has(s)),
  };
}

/** The first secret of theirs the text holds, if any. */
export const leaked = (p: Pair, text: string) => p.secrets.find((s) => text.includes(s));
