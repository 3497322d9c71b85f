import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import type { Env } from '../env';
import { withD1Limits } from './limits';

export type Db = DrizzleD1Database<typeof schema>;

const clients = new WeakMap<D1Database, Db>();
/** Each client's tenant writers (worker/audit/writer.ts), for commit(). */
const writers = new WeakMap<Db, Env['TENANT_WRITER']>();

function clientFor(env: Env): Db {
  let db = clients.get(env.DB);
  if (!db) {
    db = drizzle(withD1Limits(env.DB), { schema });
    clients.set(env.DB, db);
  }
  writers.set(db, env.TENANT_WRITER);
  return db;
}

/**
 * The tenant writers beside a database: every audited write to it runs in its tenant's turn
 * (worker/audit/commit.ts). Carried with the client so that commit(db, …) needs nothing more.
 */
export function writersOf(db: Db): Env['TENANT_WRITER'] {
  const namespace = writers.get(db);
  if (!namespace) throw new Error('no TENANT_WRITER binding beside this database (wrangler.toml)');
  return namespace;
}

/**
 * The one place that maps a tenant to its database. Today every tenant lives in `DB`; when
 * tenants outgrow one D1 database this looks the tenant up in a directory of shards
 * (docs/scaling.md) and no handler or service changes.
 */
export function dbFor(env: Env, _tenantId: string): Db {
  return clientFor(env);
}

/**
 * Lookups that happen before the tenant is known: a slug at login and sign-up, a session
 * token, an API key hash. In a sharded future these live in the directory database.
 */
export function directoryDb(env: Env): Db {
  return clientFor(env);
}
