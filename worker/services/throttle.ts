import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { loginFailures } from '../../db/schema';
import type { Db } from '../data/db';
import { ApiError } from '../lib/errors';
import { nowIso } from '../lib/time';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

/** The two things a guesser spends: one account's tries and one client address's tries. */
export function throttleSubjects(slug: string, email: string, clientIp: string): string[] {
  return [`acct:${slug}:${email}`, `ip:${clientIp}`];
}

/**
 * 429 with Retry-After once a subject has MAX_FAILURES failures inside the window; the wait is
 * until enough of them age out to allow one more try.
 */
export async function assertNotThrottled(db: Db, subjects: string[]): Promise<void> {
  const now = Date.now();
  const since = new Date(now - WINDOW_MS).toISOString();
  let waitMs = 0;
  for (const subject of subjects) {
    const rows = await db
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.subject, subject), gt(loginFailures.at, since)))
      .orderBy(asc(loginFailures.at));
    if (rows.length >= MAX_FAILURES) {
      const freeing = rows[rows.length - MAX_FAILURES]!;
      waitMs = Math.max(waitMs, Date.parse(freeing.at) + WINDOW_MS - now);
    }
  }
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new ApiError('TOO_MANY_REQUESTS', {
      params: { seconds },
      headers: { 'Retry-After': String(seconds) },
    });
  }
}

/** Records one failure per subject and prunes what has aged out, in one batch. */
export async function recordFailure(db: Db, subjects: string[]): Promise<void> {
  const at = nowIso();
  const cutoff = new Date(Date.now() - WINDOW_MS).toISOString();
  await db.batch([
    db
      .delete(loginFailures)
      .where(and(inArray(loginFailures.subject, subjects), lt(loginFailures.at, cutoff))),
    db.insert(loginFailures).values(subjects.map((subject) => ({ subject, at }))),
  ]);
}

/** A successful login clears the account's count (not the address's). */
export function clearAccount(db: Db, subjects: string[]) {
  return db.delete(loginFailures).where(eq(loginFailures.subject, subjects[0]!));
}
