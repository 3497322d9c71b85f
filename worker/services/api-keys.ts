import { and, desc, eq, lt } from 'drizzle-orm';
import { apiKeys, type KeyScope, type Role, users } from '../../db/schema';
import { allowedKeyActions, assertMayHandOverKey, keySuspended, roleOf } from '../access/policy';
import { commit } from '../audit/commit';
import { sha256Hex } from '../lib/crypto';
import { ApiError, notFound } from '../lib/errors';
import { newId, randomBase62 } from '../lib/ids';
import { nowIso } from '../lib/time';
import { decodeCursor, page } from './cursor';
import type { Scope } from './scope';

/** `pek_` marks a Jixiao key in logs and secret scanners; 40 base62 chars ≈ 238 bits. */
export const KEY_PREFIX = 'pek_';
const SECRET_LENGTH = 40;

type KeyRow = typeof apiKeys.$inferSelect;

/** What anyone may see of a key: never its hash, only the first characters. */
export function publicKey(k: KeyRow) {
  return {
    id: k.id,
    name: k.name,
    start: k.start,
    scopes: k.scopes,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
    createdBy: k.createdBy,
    createdAt: k.createdAt,
  };
}

/** The admin a key acts for, as they stand now. */
type Creator = { role: Role | null; active: boolean | null };
type KeyWithCreator = KeyRow & { creator: Creator };

/** Keys with their creators, by `where` (the tenant included by the callers). */
const keysWithCreator = (scope: Scope) =>
  scope.db
    .select({ key: apiKeys, role: users.role, active: users.active })
    .from(apiKeys)
    .leftJoin(users, and(eq(users.tenantId, apiKeys.tenantId), eq(users.id, apiKeys.createdBy)));

const withCreator = (r: { key: KeyRow; role: Role | null; active: boolean | null }): KeyWithCreator => ({
  ...r.key,
  creator: { role: r.role, active: r.active },
});

async function findKey(scope: Scope, id: string): Promise<KeyWithCreator> {
  const [row] = await keysWithCreator(scope).where(
    and(eq(apiKeys.tenantId, scope.tenantId), eq(apiKeys.id, id)),
  );
  if (!row) throw notFound();
  return withCreator(row);
}

/** A key as the routes answer it: whether it is suspended, and what the caller may do to it. */
export function keyAnswer(scope: Scope, k: KeyWithCreator) {
  return {
    ...publicKey(k),
    suspended: keySuspended(k.creator),
    allowedActions: allowedKeyActions(scope.principal, k),
  };
}

export async function getKey(scope: Scope, id: string) {
  return keyAnswer(scope, await findKey(scope, id));
}

export async function listKeys(scope: Scope, q: { cursor?: string; limit: number }) {
  const before = decodeCursor<string>(q.cursor, 'string');
  const rows = (
    await keysWithCreator(scope)
      .where(and(eq(apiKeys.tenantId, scope.tenantId), before ? lt(apiKeys.id, before) : undefined))
      .orderBy(desc(apiKeys.id))
      .limit(q.limit + 1)
  ).map(withCreator);
  const p = page(rows, q.limit, (k) => k.id);
  return { items: p.items.map((k) => keyAnswer(scope, k)), nextCursor: p.nextCursor };
}

/** Creates a key; the secret is returned here once and never again. */
export async function createKey(
  scope: Scope,
  input: { name: string; scopes: KeyScope[]; expiresAt?: string },
) {
  const secret = KEY_PREFIX + randomBase62(SECRET_LENGTH);
  const row: KeyRow = {
    id: newId('apiKey'),
    tenantId: scope.tenantId,
    name: input.name,
    keyHash: await sha256Hex(secret),
    start: secret.slice(0, KEY_PREFIX.length + 4),
    scopes: [...new Set(input.scopes)],
    // Stored in the one ISO form (milliseconds, Z) that every other time here uses.
    expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    revokedAt: null,
    lastUsedAt: null,
    createdBy: scope.actor.actorId,
    createdAt: nowIso(),
  };
  return commit(scope.db, scope.actor, async () => ({
    statements: [scope.db.insert(apiKeys).values(row)],
    audit: [{ action: 'api_key.create', entityType: 'api_key', entityId: row.id, after: publicKey(row) }],
    // Made by the caller, an active owner or admin (only they reach this route).
    result: {
      key: keyAnswer(scope, { ...row, creator: { role: roleOf(scope.principal), active: true } }),
      secret,
    },
  }));
}

/** Revocation is immediate: the next request with the key is a 401. Revoking twice is harmless. */
export async function revokeKey(scope: Scope, id: string) {
  return commit(scope.db, scope.actor, async () => {
    const before = await findKey(scope, id);
    if (before.revokedAt) return { statements: [], audit: [], result: keyAnswer(scope, before) };
    const after = { ...before, revokedAt: nowIso() };
    return {
      statements: [
        scope.db
          .update(apiKeys)
          .set({ revokedAt: after.revokedAt })
          .where(and(eq(apiKeys.tenantId, scope.tenantId), eq(apiKeys.id, id))),
      ],
      audit: [
        {
          action: 'api_key.revoke',
          entityType: 'api_key',
          entityId: id,
          before: publicKey(before),
          after: publicKey(after),
        },
      ],
      result: keyAnswer(scope, after),
    };
  });
}

/**
 * The owner hands a key over to another admin: it acts for them from now on, so an integration
 * survives its creator leaving without a new secret. Audited with both holders.
 */
export async function handOverKey(scope: Scope, id: string, userId: string) {
  return commit(scope.db, scope.actor, async () => {
    const before = await findKey(scope, id);
    const [holder] = await scope.db
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, userId)));
    if (!holder)
      throw new ApiError('VALIDATION_FAILED', { message: 'KEY_HOLDER_NOT_ADMIN', field: 'userId' });
    assertMayHandOverKey(scope, holder);
    const after = { ...before, createdBy: userId, creator: holder };
    return {
      statements: [
        scope.db
          .update(apiKeys)
          .set({ createdBy: userId })
          .where(and(eq(apiKeys.tenantId, scope.tenantId), eq(apiKeys.id, id))),
      ],
      audit: [
        {
          action: 'api_key.hand_over',
          entityType: 'api_key',
          entityId: id,
          before: publicKey(before),
          after: publicKey(after),
        },
      ],
      result: keyAnswer(scope, after),
    };
  });
}
