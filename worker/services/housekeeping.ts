import { and, eq, lt, or } from 'drizzle-orm';
import { idempotencyKeys, loginFailures, sessions } from '../../db/schema';
import type { Db } from '../data/db';
import { WINDOW_MS } from './throttle';

/** Idempotency keys are kept a day, as Stripe does: long enough for any sane retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what only ever mattered for a while: expired sessions, login attempts outside the
 * throttling window and idempotency keys older than a day. None of it is a company's data
 * (nothing of it is audited); left alone it would grow without end in a 10 GB database.
 * One batch, so a run either clears all three or, on failure, tries again the next day.
 */
export async function purgeExpired(db: Db, now = Date.now()) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const [s, f, k] = await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, iso(now))),
    db.delete(loginFailures).where(lt(loginFailures.at, iso(now - WINDOW_MS))),
    db
      .delete(idempotencyKeys)
      .where(
        or(
          and(
            eq(idempotencyKeys.state, 'done'),
            lt(idempotencyKeys.completedAt, iso(now - IDEMPOTENCY_TTL_MS)),
          ),
          lt(idempotencyKeys.createdAt, iso(now - IDEMPOTENCY_TTL_MS)),
        ),
      ),
  ]);
  return { sessions: s.meta.changes, loginFailures: f.meta.changes, idempotencyKeys: k.meta.changes };
}
