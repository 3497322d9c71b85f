import type { BatchItem } from 'drizzle-orm/batch';
import { auditLog } from '../../db/schema';
import { isUniqueViolation } from '../data/constraint';
import { type Db, writersOf } from '../data/db';
import { newId } from '../lib/ids';
import { nowIso } from '../lib/time';
import { type AuditRecord, canonicalJson, hashRecord } from './chain';
import type { Head, Outcome, WriterStub } from './lease';

/** Who is making a change, for the audit entry. */
export interface Actor {
  tenantId: string;
  actorType: AuditRecord['actorType'];
  actorId: string;
  requestId: string;
}

/** One change to record: before/after are what a reader needs, never secrets. */
export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export type Statement = BatchItem<'sqlite'>;

/** What a write wants done: its statements, the audit entries that describe them, its answer. */
export interface Plan<T> {
  statements: Statement[];
  audit: AuditChange[];
  result: T;
}

/**
 * A batch refused on seq means a holder taken for dead committed after all; the writer plans
 * again on a fresh head. More than a few in a row means the writer itself is broken.
 */
const MAX_ATTEMPTS = 5;

/** Watches each run of a write's plan; the race test counts runs per request. Unset in production. */
export const commitProbe: { planRan?: (actor: Actor) => void } = {};

async function chain(head: Head, actor: Actor, changes: AuditChange[]) {
  const at = nowIso();
  const records: (AuditRecord & { hash: string })[] = [];
  let { seq, hash } = head;
  for (const change of changes) {
    const record: AuditRecord = {
      id: newId('audit'),
      tenantId: actor.tenantId,
      seq: ++seq,
      at,
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before === undefined ? null : canonicalJson(change.before),
      after: change.after === undefined ? null : canonicalJson(change.after),
      requestId: actor.requestId,
      prevHash: hash,
    };
    hash = await hashRecord(record);
    records.push({ ...record, hash });
  }
  return records;
}

/**
 * Runs a write and its audit entries as one atomic D1 batch, in its tenant's turn.
 *
 * The tenant's writer (worker/audit/writer.ts) hands out the turn with the chain head, so the
 * plan reads a state no other audited write changes until this one is done, and runs once.
 * While the plan runs the lease is renewed; a holder that dies loses it. If a holder taken
 * for dead commits after all, our `seq` collides with its row, D1 rolls our whole batch back,
 * and the plan is rebuilt on the new state: the chain cannot fork.
 */
export async function commit<T>(db: Db, actor: Actor, plan: () => Promise<Plan<T>>): Promise<T> {
  const namespace = writersOf(db);
  const writer = namespace.get(namespace.idFromName(actor.tenantId)) as unknown as WriterStub;
  for (let attempt = 1; ; attempt++) {
    const lease = await writer.acquire(actor.tenantId);
    const renewal = setInterval(() => writer.renew(lease.id).catch(() => {}), lease.ttlMs / 3);
    let outcome: Outcome = 'unchanged';
    try {
      commitProbe.planRan?.(actor);
      const { statements, audit, result } = await plan();
      const records = await chain(lease.head, actor, audit);
      const inserts = records.map((r) => db.insert(auditLog).values(r));
      const all = [...statements, ...inserts];
      if (all.length === 0) return result;
      try {
        await db.batch(all as [Statement, ...Statement[]]);
      } catch (err) {
        // D1 says it rolled back; but an error on the way back could hide a commit, so the
        // writer reads the head again rather than trust ours.
        outcome = 'unknown';
        if (!isUniqueViolation(err, 'audit_log.tenant_id, audit_log.seq') || attempt >= MAX_ATTEMPTS)
          throw err;
        continue;
      }
      const last = records.at(-1);
      if (last) outcome = { seq: last.seq, hash: last.hash };
      return result;
    } finally {
      clearInterval(renewal);
      // If this call fails, the lease expires and the writer reads the head from D1.
      await writer.release(lease.id, outcome).catch(() => {});
    }
  }
}
