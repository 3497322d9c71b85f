import { and, asc, eq, gt, inArray, lt, or } from 'drizzle-orm';
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

/** This attempt's row for each subject. */
export type Attempt = { subject: string; id: number }[];

/**
 * Records this attempt, one row per subject, BEFORE the password is checked, and prunes what
 * has aged out, in one batch. Counting attempts still in flight is what stops a burst of
 * parallel guesses from all passing the check before any of them is recorded as a failure.
 * The rows stay as the failure record unless the login succeeds or is throttled.
 */
export async function beginAttempt(db: Db, subjects: string[]): Promise<Attempt> {
  const at = nowIso();
  const cutoff = new Date(Date.now() - WINDOW_MS).toISOString();
  const [, inserted] = await db.batch([
    db
      .delete(loginFailures)
      .where(and(inArray(loginFailures.subject, subjects), lt(loginFailures.at, cutoff))),
    db
      .insert(loginFailures)
      .values(subjects.map((subject) => ({ subject, at })))
      .returning({ subject: loginFailures.subject, id: loginFailures.id }),
  ]);
  return inserted;
}

/**
 * 429 with Retry-After once a subject has MAX_FAILURES failures, or attempts begun earlier and
 * still in flight, inside the window; the wait is until enough of them age out to allow one
 * more try. A refused attempt is withdrawn, so it does not extend the lock-out.
 */
export async function assertNotThrottled(db: Db, attempt: Attempt): Promise<void> {
  const now = Date.now();
  const since = new Date(now - WINDOW_MS).toISOString();
  let waitMs = 0;
  for (const { subject, id } of attempt) {
    const rows = await db
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.subject, subject), gt(loginFailures.at, since), lt(loginFailures.id, id)))
      .orderBy(asc(loginFailures.at));
    if (rows.length >= MAX_FAILURES) {
      const freeing = rows[rows.length - MAX_FAILURES]!;
      waitMs = Math.max(waitMs, Date.parse(freeing.at) + WINDOW_MS - now, 1);
    }
  }
  if (waitMs > 0) {
    await db.delete(loginFailures).where(
      inArray(
        loginFailures.id,
        attempt.map((a) => a.id),
      ),
    );
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new ApiError('TOO_MANY_REQUESTS', {
      params: { seconds },
      headers: { 'Retry-After': String(seconds) },
    });
  }
}

/**
 * A successful login withdraws its own attempt and clears the account's count (not the
 * address's earlier failures).
 */
export function forgetOnSuccess(db: Db, subjects: string[], attempt: Attempt) {
  return db.delete(loginFailures).where(
    or(
      eq(loginFailures.subject, subjects[0]!),
      inArray(
        loginFailures.id,
        attempt.map((a) => a.id),
      ),
    ),
  );
}
