import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiKeys, sessions, users } from '../../db/schema';
import { directoryDb } from '../data/db';
import type { AppEnv, Principal } from '../env';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { nowIso } from '../lib/time';

export const SESSION_COOKIE = 'jx_session';
/** last_used_at is written at most this often per key, to keep reads from becoming writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface Authenticated {
  principal: Principal;
  /** Present for cookie sessions: the token the CSRF check compares against. */
  csrfToken?: string;
}

async function fromApiKey(c: Context<AppEnv>, secret: string): Promise<Authenticated> {
  const db = directoryDb(c.env);
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, await sha256Hex(secret)))
    .limit(1);
  if (!key) throw new ApiError('UNAUTHORIZED');
  const now = nowIso();
  if (key.revokedAt) throw new ApiError('UNAUTHORIZED', { message: 'KEY_REVOKED' });
  // Compared as instants: a stored `…:05Z` and a `…:05.300Z` now do not order as strings.
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.parse(now))
    throw new ApiError('UNAUTHORIZED', { message: 'KEY_EXPIRED' });
  if (!key.lastUsedAt || Date.parse(now) - Date.parse(key.lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    const touch = db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id)).run();
    c.executionCtx.waitUntil(touch.catch(() => undefined));
  }
  return { principal: { kind: 'api_key', tenantId: key.tenantId, keyId: key.id, scopes: key.scopes } };
}

async function fromSession(c: Context<AppEnv>, token: string): Promise<Authenticated> {
  const db = directoryDb(c.env);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, await sha256Hex(token)))
    .limit(1);
  if (!row?.user.active || row.user.tenantId !== row.session.tenantId) throw new ApiError('UNAUTHORIZED');
  if (row.session.expiresAt <= nowIso()) throw new ApiError('UNAUTHORIZED', { message: 'SESSION_EXPIRED' });
  return {
    principal: {
      kind: 'user',
      tenantId: row.session.tenantId,
      userId: row.user.id,
      role: row.user.role,
      sessionId: row.session.id,
    },
    csrfToken: row.session.csrfToken,
  };
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
