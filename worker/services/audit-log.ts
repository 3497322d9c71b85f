import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, or } from 'drizzle-orm';
import { auditLog, evaluations } from '../../db/schema';
import { type AuditRecord, GENESIS_HASH, hashRecord } from '../audit/chain';
import { describeEntries } from './audit-describe';
import { decodeCursor, page } from './cursor';
import type { Scope } from './scope';

type AuditRow = typeof auditLog.$inferSelect;

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function publicEntry(r: AuditRow) {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at,
    actor: { type: r.actorType, id: r.actorId },
    action: r.action,
    entity: { type: r.entityType, id: r.entityId },
    before: parseJson(r.before),
    after: parseJson(r.after),
    requestId: r.requestId,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

export interface AuditFilter {
  /** Actions (`position.update`) or kinds of actions (`evaluation.inputs`, `position`), comma-separated. */
  action?: string;
  /** The employee's own record and their evaluations. */
  employeeId?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** `at` is stored as `toISOString()`; bounds must be in that form to compare as strings. */
const instant = (iso: string | undefined) => (iso ? new Date(iso).toISOString() : undefined);

/** `evaluation.inputs,position`: each an action or the kind of actions it starts. */
const ofKinds = (list: string) =>
  or(
    ...list
      .split(',')
      .filter(Boolean)
      .map((a) => or(eq(auditLog.action, a), like(auditLog.action, `${a}.%`))),
  );

/** Entries about one employee: their record, and each of their evaluations. */
const aboutEmployee = (scope: Scope, employeeId: string) =>
  or(
    and(eq(auditLog.entityType, 'employee'), eq(auditLog.entityId, employeeId)),
    and(
      eq(auditLog.entityType, 'evaluation'),
      inArray(
        auditLog.entityId,
        scope.db
          .select({ id: evaluations.id })
          .from(evaluations)
          .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.employeeId, employeeId))),
      ),
    ),
  );

/** Newest first; the cursor is the last seq seen. */
export async function listAudit(scope: Scope, f: AuditFilter) {
  const beforeSeq = decodeCursor<number>(f.cursor, 'number');
  const from = instant(f.from);
  const to = instant(f.to);
  const rows = await scope.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, scope.tenantId),
        f.action ? ofKinds(f.action) : undefined,
        f.employeeId ? aboutEmployee(scope, f.employeeId) : undefined,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        from ? gte(auditLog.at, from) : undefined,
        to ? lte(auditLog.at, to) : undefined,
        beforeSeq !== undefined ? lt(auditLog.seq, beforeSeq) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(f.limit + 1);
  const p = page(rows, f.limit, (r) => r.seq);
  const words = await describeEntries(scope, p.items);
  return {
    items: p.items.map((r, i) => {
      const e = publicEntry(r);
      const d = words[i];
      return {
        ...e,
        actor: { ...e.actor, name: d?.actorName ?? null },
        subject: d?.subject ?? null,
        changes: d?.changes ?? [],
        ...(d?.schemeChanges && { schemeChanges: d.schemeChanges }),
      };
    }),
    nextCursor: p.nextCursor,
  };
}

export type VerifyResult =
  | { ok: true; checked: number; headHash: string }
  | {
      ok: false;
      checked: number;
      firstBad: { id: string; seq: number; reason: 'hash_mismatch' | 'broken_link' | 'missing_seq' };
    };

const VERIFY_PAGE = 500;

/** Recomputes the whole chain in pages, oldest first, and names the first entry that fails. */
export async function verifyAudit(scope: Scope): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await scope.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, scope.tenantId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(VERIFY_PAGE);
    for (const row of rows) {
      const bad = (reason: 'hash_mismatch' | 'broken_link' | 'missing_seq') => ({
        ok: false as const,
        checked,
        firstBad: { id: row.id, seq: row.seq, reason },
      });
      if (row.seq !== expectedSeq) return bad('missing_seq');
      if (row.prevHash !== prevHash) return bad('broken_link');
      const { hash, ...record } = row;
      if ((await hashRecord(record as AuditRecord)) !== hash) return bad('hash_mismatch');
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < VERIFY_PAGE) return { ok: true, checked, headHash: prevHash };
  }
}
