import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../../db/schema';
import { appeals, evaluationInputs, evaluations } from '../../../db/schema';
import { keyOf, personOf } from '../../access/policy';
import { type AuditChange, commit, type Statement } from '../../audit/commit';
import type { Db } from '../../data/db';
import { chunk, D1_MAX_BOUND_PARAMETERS, IDS_PER_STATEMENT, rowsPerInsert } from '../../data/limits';
import {
  apply,
  type Change,
  type ChangeContext,
  type EvaluationRow,
  type EvaluationState,
  type Outcome,
} from '../../domain/evaluation/aggregate';
import { notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { assertIfMatch } from './etag';
import { loadByIds } from './load';
import { refusalError } from './refusals';
import { removalEntries } from './removal-audit';

/*
 * The one module that writes the evaluations table. Every path that changes an evaluation
 * loads its state (load.ts), applies the change with the aggregate (domain/evaluation) and
 * hands the result here, which turns it into statements and audit entries for `commit`.
 */

/**
 * Every statement this module builds starts with this comment: D1's query insights show which
 * module wrote, and the tests refuse any write to `evaluations` that lacks it.
 */
export const EVALUATION_STORE_TAG = '/* evaluation-store */';

const tagged = new WeakMap<object, Db>();

/** A drizzle client over the same D1 binding whose statements carry the store's tag. */
function storeDb(db: Db): Db {
  const binding = (db as Db & { $client: D1Database }).$client;
  let out = tagged.get(binding);
  if (!out) {
    const client = new Proxy(binding, {
      get(target, prop) {
        if (prop === 'prepare') return (query: string) => target.prepare(`${EVALUATION_STORE_TAG} ${query}`);
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    out = drizzle(client, { schema });
    tagged.set(binding, out);
  }
  return out;
}

/** The aggregate's context for this request: now, fresh ids, the actor. */
export const changeContext = (scope: Scope): ChangeContext => ({
  now: nowIso(),
  actorId: scope.actor.actorId,
  enteredBy: personOf(scope.principal),
  keyId: keyOf(scope.principal),
  newId,
});

/** A state and what the aggregate made of it, ready to be written. */
export interface Applied {
  before: EvaluationState;
  outcome: Extract<Outcome, { ok: true }>;
}

/** Rows per multi-row INSERT of inputs: 17 columns × 5 = 85 bound parameters. */
const INPUTS_PER_INSERT = rowsPerInsert(17);
/** Counted from the table, so a new column cannot push a multi-row INSERT past 100 parameters. */
const EVALUATIONS_PER_INSERT = rowsPerInsert(Object.keys(getTableColumns(evaluations)).length);

/** New evaluations (opening a period, a joiner) as chunked multi-row INSERTs. */
export function insertEvaluations(scope: Scope, rows: EvaluationRow[]): Statement[] {
  const db = storeDb(scope.db);
  return chunk(rows, EVALUATIONS_PER_INSERT).map((part) => db.insert(evaluations).values(part));
}

/**
 * The statements for a set of applied changes. An update sets only what changed and carries
 * `WHERE revision = ?`, so a write planned on an older revision can never overwrite a newer
 * one; evaluations that get the same values from the same revision (a position's pay, a lock)
 * share one statement, chunked under D1's 100 bound parameters.
 */
export function statementsFor(scope: Scope, applied: Applied[]): Statement[] {
  const db = storeDb(scope.db);
  const t = scope.tenantId;
  const out: Statement[] = [];
  const inserts: EvaluationRow[] = [];
  const updates = new Map<string, { set: Partial<EvaluationRow>; revision: number; ids: string[] }>();
  const ofEvaluation = <T extends typeof evaluationInputs | typeof appeals>(table: T, id: string) =>
    and(eq(table.tenantId, t), eq(table.evaluationId, id));
  for (const { before, outcome } of applied) {
    const { writes } = outcome;
    const id = before.row.id;
    if (writes.insert) inserts.push(writes.insert);
    for (const part of chunk(writes.deleteInputIds ?? [], IDS_PER_STATEMENT)) {
      out.push(
        db
          .delete(evaluationInputs)
          .where(and(eq(evaluationInputs.tenantId, t), inArray(evaluationInputs.id, part))),
      );
    }
    for (const part of chunk(writes.insertInputs ?? [], INPUTS_PER_INSERT)) {
      out.push(db.insert(evaluationInputs).values(part));
    }
    if (writes.voidInputs) {
      const { ids, appealId } = writes.voidInputs;
      for (const part of chunk(ids, IDS_PER_STATEMENT)) {
        out.push(
          db
            .update(evaluationInputs)
            .set({ voided: true, voidedByAppeal: appealId })
            .where(and(eq(evaluationInputs.tenantId, t), inArray(evaluationInputs.id, part))),
        );
      }
    }
    if (writes.insertAppeal) out.push(db.insert(appeals).values(writes.insertAppeal));
    if (writes.resolveAppeal) {
      out.push(
        db
          .update(appeals)
          .set({ ...writes.resolveAppeal, status: 'resolved' })
          .where(and(ofEvaluation(appeals, id), eq(appeals.status, 'open'))),
      );
    }
    if (writes.remove) {
      out.push(
        db.delete(evaluationInputs).where(ofEvaluation(evaluationInputs, id)),
        db.delete(appeals).where(ofEvaluation(appeals, id)),
        db
          .delete(evaluations)
          .where(
            and(
              eq(evaluations.tenantId, t),
              eq(evaluations.id, id),
              eq(evaluations.revision, before.row.revision),
            ),
          ),
      );
    }
    if (writes.update) {
      const after = outcome.state.row;
      const set = { ...writes.update, revision: after.revision, updatedAt: after.updatedAt };
      const key = JSON.stringify([before.row.revision, set]);
      const group = updates.get(key) ?? { set, revision: before.row.revision, ids: [] };
      group.ids.push(id);
      updates.set(key, group);
    }
  }
  out.push(...insertEvaluations(scope, inserts));
  for (const { set, revision, ids } of updates.values()) {
    // Beside the ids: one parameter per column set, the tenant and the revision.
    const room = Math.min(IDS_PER_STATEMENT, D1_MAX_BOUND_PARAMETERS - Object.keys(set).length - 2);
    for (const part of chunk(ids, room)) {
      out.push(
        db
          .update(evaluations)
          .set(set)
          .where(
            and(
              eq(evaluations.tenantId, t),
              inArray(evaluations.id, part),
              eq(evaluations.revision, revision),
            ),
          ),
      );
    }
  }
  return out;
}

/** The audit entries of a set of applied changes, in order; a removal may take several rows. */
export function auditFor(applied: Applied[]): AuditChange[] {
  return applied.flatMap(({ before, outcome }) =>
    outcome.audit.flatMap((entry) =>
      entry.action === 'evaluation.delete'
        ? removalEntries(entry.before as Record<string, unknown> & { inputs: unknown[] }, before.row.id)
        : [{ entityType: 'evaluation', entityId: before.row.id, ...entry }],
    ),
  );
}

/** Applies one change to each state; the first refusal is thrown as the error naming its rule. */
export async function applyAll(
  scope: Scope,
  items: { state: EvaluationState; change: Change }[],
): Promise<Applied[]> {
  const ctx = changeContext(scope);
  const out: Applied[] = [];
  for (const { state, change } of items) {
    const outcome = apply(state, change, ctx);
    if (!outcome.ok) throw await refusalError(scope, outcome.refusal);
    out.push({ before: state, outcome });
  }
  return out;
}

/**
 * One change to one evaluation the caller may see, under If-Match, as one audited batch.
 * `verify` may read more (a named rater) once the aggregate has accepted the change. Answers
 * the new state, which holds everything the API shows: nothing is read again after the commit.
 */
export async function changeEvaluation(
  scope: Scope,
  id: string,
  ifMatch: string | undefined,
  change: Change,
  verify?: (state: EvaluationState) => Promise<void>,
): Promise<EvaluationState> {
  return commit(scope.db, scope.actor, async () => {
    const [state] = await loadByIds(scope, [id], { detail: true });
    if (!state) throw notFound();
    assertIfMatch(ifMatch, state.row);
    const applied = await applyAll(scope, [{ state, change }]);
    await verify?.(state);
    return {
      statements: statementsFor(scope, applied),
      audit: auditFor(applied),
      result: applied[0]!.outcome.state,
    };
  });
}
