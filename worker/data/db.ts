import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import type { Env } from '../env';
import { withD1Limits } from './limits';

export type Db = DrizzleD1Database<typeof schema>;

const clients = new WeakMap<D1Database, Db>();

function clientFor(binding: D1Database): Db {
  let db = clients.get(binding);
  if (!db) {
    db = drizzle(withD1Limits(binding), { schema });
    clients.set(binding, db);
  }
  return db;
}

/**
 * The one place that maps a tenant to its database. Today every tenant lives in `DB`; when
 * tenants outgrow one D1 database this looks the tenant up in a directory of shards
 * (docs/scaling.md) and no handler or service changes.
 */
export function dbFor(env: Env, _tenantId: string): Db {
  return clientFor(env.DB);
}

/**
 * Lookups that happen before the tenant is known: a slug at login and sign-up, a session
 * token, an API key hash. In a sharded future these live in the directory database.
 */
export function directoryDb(env: Env): Db {
  return clientFor(env.DB);
}
