import { sessions } from '../../db/schema';
import type { Db } from '../data/db';
import { sha256Hex } from '../lib/crypto';
import { newId, randomBase62 } from '../lib/ids';
import { addSeconds, nowIso } from '../lib/time';

/** Sessions last a working day; signing in again is cheap, a stolen cookie's life is short. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

function buildInsert(db: Db, row: typeof sessions.$inferInsert) {
  return db.insert(sessions).values(row);
}

/** A fresh random token (only its hash is stored) and the insert that persists it. */
export async function newSession(db: Db, tenantId: string, userId: string) {
  const token = randomBase62(43);
  const csrfToken = randomBase62(32);
  const now = nowIso();
  const expiresAt = addSeconds(now, SESSION_TTL_SECONDS);
  const row = {
    id: newId('session'),
    tenantId,
    userId,
    tokenHash: await sha256Hex(token),
    csrfToken,
    createdAt: now,
    expiresAt,
  };
  return { token, csrfToken, expiresAt, sessionId: row.id, insert: buildInsert(db, row) };
}
