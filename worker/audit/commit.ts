import { desc, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { auditLog } from '../../db/schema';
import { isUniqueViolation } from '../data/constraint';
import type { Db } from '../data/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { nowIso } from '../lib/time';
import { type AuditRecord, canonicalJson, GENESIS_HASH, hashRecord } from './chain';

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

const MAX_ATTEMPTS = 40;

async function readHead(db: Db, tenantId: string): Promise<{ seq: number; hash: string }> {
  const [head] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

async function chain(head: { seq: number; hash: string }, actor: Actor, changes: AuditChange[]) {
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
 * Runs a write and its audit entries as one atomic D1 batch.
 *
 * The chain head is read before the plan, so the plan's reads (the "before" of the entry) are
 * at least as new as the head. If another writer appends first, our `seq` collides with its
 * row, D1 rolls the whole batch back, and the plan is rebuilt on the new state: per tenant,
 * audited writes are serialised optimistically and the chain cannot fork.
 */
export async function commit<T>(db: Db, actor: Actor, plan: () => Promise<Plan<T>>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const head = await readHead(db, actor.tenantId);
    const { statements, audit, result } = await plan();
    const records = await chain(head, actor, audit);
    const inserts = records.map((r) => db.insert(auditLog).values(r));
    const all = [...statements, ...inserts];
    if (all.length === 0) return result;
    try {
      await db.batch(all as [Statement, ...Statement[]]);
      return result;
    } catch (err) {
      if (!isUniqueViolation(err, 'audit_log.tenant_id, audit_log.seq')) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new ApiError('CONFLICT', { message: 'AUDIT_BUSY' });
      await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt, 8)));
    }
  }
}
