import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiKeys, type Role, sessions, users } from '../../db/schema';
import { type Db, directoryDb } from '../data/db';
import type { AppEnv, KeyPrincipal, Principal, UserPrincipal } from '../env';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { nowIso } from '../lib/time';
import { keySuspended } from './duties';

export const SESSION_COOKIE = 'jx_session';
/** last_used_at is written at most this often per key, to keep reads from becoming writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** How many accounts deep control is followed (A made B, B made C …). */
const CONTROL_DEPTH = 8;

export interface Authenticated {
  principal: Principal;
  /** Present for cookie sessions: the token the CSRF check compares against. */
  csrfToken?: string;
}

/**
 * The user and everyone who controls their account (an admin who created it or set its
 * password, and whoever controls that admin's), as a JSON array, in the same statement as the
 * lookup: acting through such an account is acting as them (access/duties.ts).
 */
function selvesOf(userId: SQL | SQL.Aliased | typeof users.id | typeof apiKeys.createdBy): SQL<string> {
  return sql<string>`(WITH RECURSIVE chain(id, depth) AS (
      SELECT ${userId}, 0
      UNION
      SELECT c.controller_id, chain.depth + 1 FROM account_controllers c JOIN chain ON c.user_id = chain.id
      WHERE chain.depth < ${CONTROL_DEPTH}
    ) SELECT json_group_array(id) FROM (SELECT DISTINCT id FROM chain))`;
}

/** A key with its creator as they stand now, found by `where`. */
function keyWithCreator(db: Db, where: SQL) {
  return db
    .select({
      key: apiKeys,
      creatorRole: users.role,
      creatorActive: users.active,
      selves: selvesOf(apiKeys.createdBy).as('selves'),
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(where)
    .limit(1);
}
type KeyFound = Awaited<ReturnType<typeof keyWithCreator>>[number];

/**
 * The key as a principal, or why it cannot act: revoked, expired, or its creator no longer an
 * active owner or admin (a key acts for its creator, so it stops with them until the owner
 * hands it over to another admin).
 */
function keyPrincipal(found: KeyFound | undefined, now: string): KeyPrincipal {
  if (!found) throw new ApiError('UNAUTHORIZED');
  const { key, creatorRole } = found;
  if (key.revokedAt) throw new ApiError('UNAUTHORIZED', { message: 'KEY_REVOKED' });
  // Compared as instants: a stored `…:05Z` and a `…:05.300Z` now do not order as strings.
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.parse(now))
    throw new ApiError('UNAUTHORIZED', { message: 'KEY_EXPIRED' });
  if (keySuspended({ role: creatorRole, active: found.creatorActive }) || !creatorRole)
    throw new ApiError('FORBIDDEN', { message: 'KEY_CREATOR_INACTIVE', details: { rule: 'key_creator' } });
  return {
    kind: 'api_key',
    tenantId: key.tenantId,
    keyId: key.id,
    scopes: key.scopes,
    createdBy: key.createdBy,
    creatorRole,
    selves: JSON.parse(found.selves) as string[],
  };
}

async function fromApiKey(c: Context<AppEnv>, secret: string): Promise<Authenticated> {
  const db = directoryDb(c.env);
  const [found] = await keyWithCreator(db, eq(apiKeys.keyHash, await sha256Hex(secret)));
  const now = nowIso();
  const principal = keyPrincipal(found, now);
  const last = found?.key.lastUsedAt;
  if (!last || Date.parse(now) - Date.parse(last) > LAST_USED_RESOLUTION_MS) {
    const touch = db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, principal.keyId)).run();
    c.executionCtx.waitUntil(touch.catch(() => undefined));
  }
  return { principal };
}

const userColumns = { user: users, selves: selvesOf(users.id).as('selves') };

function userPrincipal(
  row: { user: typeof users.$inferSelect; selves: string },
  sessionId: string,
): UserPrincipal {
  return {
    kind: 'user',
    tenantId: row.user.tenantId,
    userId: row.user.id,
    role: row.user.role as Role,
    sessionId,
    selves: JSON.parse(row.selves) as string[],
    mustChangePassword: row.user.mustChangePassword,
  };
}

async function fromSession(c: Context<AppEnv>, token: string): Promise<Authenticated> {
  const db = directoryDb(c.env);
  const [row] = await db
    .select({ session: sessions, ...userColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, await sha256Hex(token)))
    .limit(1);
  if (!row?.user.active || row.user.tenantId !== row.session.tenantId) throw new ApiError('UNAUTHORIZED');
  if (row.session.expiresAt <= nowIso()) throw new ApiError('UNAUTHORIZED', { message: 'SESSION_EXPIRED' });
  return { principal: userPrincipal(row, row.session.id), csrfToken: row.session.csrfToken };
}

/** Who is calling: a bearer API key wins over a session cookie; neither is a 401. */
export async function authenticate(c: Context<AppEnv>): Promise<Authenticated> {
  const header = c.req.header('Authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ApiError('UNAUTHORIZED');
    return fromApiKey(c, match[1]);
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token) return fromSession(c, token);
  throw new ApiError('UNAUTHORIZED');
}

/**
 * A principal as it stands now, for work done later on someone's behalf (a report job): the
 * user if still active, the key if it may still act. Undefined when they can no longer act.
 */
export async function principalNow(
  db: Db,
  tenantId: string,
  who: { type: 'user' | 'api_key' | 'system'; id: string },
): Promise<Principal | undefined> {
  if (who.type === 'user') {
    const [row] = await db
      .select(userColumns)
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, who.id)));
    return row?.user.active ? userPrincipal(row, '') : undefined;
  }
  if (who.type !== 'api_key') return undefined;
  const [found] = await keyWithCreator(
    db,
    and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, who.id)) as SQL,
  );
  try {
    return keyPrincipal(found, nowIso());
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}
