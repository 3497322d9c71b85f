import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema';
import { canonicalJson } from '../audit/chain';
import type { Statement } from '../audit/commit';
import { sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { nowIso } from '../lib/time';
import type { Scope } from './scope';

/** A claimed key: `complete` is a statement to put in the write's own batch. */
export interface Claim {
  key: string;
  complete(status: number, body: unknown): Statement;
  /** Frees the key when the write failed, so that the client may retry it. */
  release(): Promise<void>;
}

export type Claimed = { replay: { status: number; body: unknown } } | { claim: Claim };

/** In-flight claims older than this are taken to be dead (the Worker was killed mid-request). */
const STALE_IN_FLIGHT_MS = 5 * 60 * 1000;

/**
 * Claims an Idempotency-Key for this request (Stripe's semantics): a finished key replays its
 * first answer, a key in flight is 409, the same key with another request is 422.
 */
export async function claimIdempotencyKey(scope: Scope, key: string, request: unknown): Promise<Claimed> {
  const requestHash = await sha256Hex(canonicalJson(request));
  const where = and(eq(idempotencyKeys.tenantId, scope.tenantId), eq(idempotencyKeys.key, key));
  const inserted = await scope.db
    .insert(idempotencyKeys)
    .values({ tenantId: scope.tenantId, key, requestHash, state: 'in_flight', createdAt: nowIso() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [row] = await scope.db.select().from(idempotencyKeys).where(where);
    if (!row) return claimIdempotencyKey(scope, key, request); // released in between
    if (row.requestHash !== requestHash) {
      throw new ApiError('UNPROCESSABLE', { message: 'IDEMPOTENCY_MISMATCH', field: 'Idempotency-Key' });
    }
    if (row.state === 'done') {
      return { replay: { status: row.responseStatus ?? 200, body: JSON.parse(row.responseBody ?? 'null') } };
    }
    const inFlight = () =>
      new ApiError('CONFLICT', { message: 'IDEMPOTENCY_IN_FLIGHT', field: 'Idempotency-Key' });
    if (Date.now() - Date.parse(row.createdAt) < STALE_IN_FLIGHT_MS) throw inFlight();
    // Take the dead claim over, unless another retry took it first (only one may proceed).
    const taken = await scope.db
      .update(idempotencyKeys)
      .set({ createdAt: nowIso() })
      .where(and(where, eq(idempotencyKeys.state, 'in_flight'), eq(idempotencyKeys.createdAt, row.createdAt)))
      .returning({ key: idempotencyKeys.key });
    if (taken.length === 0) throw inFlight();
  }
  return {
    claim: {
      key,
      complete: (status, body) =>
        scope.db
          .update(idempotencyKeys)
          .set({
            state: 'done',
            responseStatus: status,
            responseBody: JSON.stringify(body),
            completedAt: nowIso(),
          })
          .where(where),
      release: async () => {
        await scope.db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.state, 'in_flight')));
      },
    },
  };
}
