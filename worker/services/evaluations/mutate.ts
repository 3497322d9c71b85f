import { and, eq } from 'drizzle-orm';
import { evaluationInputs, evaluations, periods } from '../../../db/schema';
import type { AuditChange, Statement } from '../../audit/commit';
import { commit } from '../../audit/commit';
import type { EvaluationStatus, Relation } from '../../domain/evaluation/workflow';
import type { SchemeContent } from '../../domain/scheme';
import { ApiError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { assertIfMatch } from './etag';
import { versionById } from './pinning';
import { derive } from './scoring';
import { findVisibleEvaluation, relationTo } from './visibility';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type InputRow = typeof evaluationInputs.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;

/** What one change does to an evaluation, decided from its current state. */
export interface EvaluationChange {
  action: string;
  /** The evaluation's input rows after the change (rescoring reads these). */
  rows: InputRow[];
  status?: EvaluationStatus;
  statements: Statement[];
  audit?: Record<string, unknown>;
  extraAudit?: AuditChange[];
}

export interface ChangeContext {
  evaluation: EvaluationRow;
  relation: Relation;
  rows: InputRow[];
  content: SchemeContent;
  period: PeriodRow;
}

/** The parts of an evaluation that the audit log records before and after a change. */
export function auditView(e: EvaluationRow) {
  return {
    status: e.status,
    revision: e.revision,
    total: e.totalCenti / 100,
    grade: e.grade,
    k: e.k,
    vetoed: e.vetoed,
    bonusFen: e.bonusFen,
    payTotalFen: e.payTotalFen,
    missingRequired: e.missingRequired,
  };
}

async function loadRows(scope: Scope, evaluationId: string) {
  return scope.db
    .select()
    .from(evaluationInputs)
    .where(
      and(eq(evaluationInputs.tenantId, scope.tenantId), eq(evaluationInputs.evaluationId, evaluationId)),
    );
}

/**
 * The one way an evaluation changes: under If-Match, inside the audited batch, rescored from
 * its inputs with its pinned scheme version, revision bumped. `decide` says what the change is.
 */
export async function changeEvaluation(
  scope: Scope,
  id: string,
  ifMatch: string | undefined,
  decide: (ctx: ChangeContext) => Promise<EvaluationChange> | EvaluationChange,
): Promise<EvaluationRow> {
  return commit(scope.db, scope.actor, async () => {
    const evaluation = await findVisibleEvaluation(scope, id);
    assertIfMatch(ifMatch, evaluation);
    const [period] = await scope.db
      .select()
      .from(periods)
      .where(and(eq(periods.tenantId, scope.tenantId), eq(periods.id, evaluation.periodId)));
    if (!period) throw new ApiError('INTERNAL');
    const ctx: ChangeContext = {
      evaluation,
      relation: await relationTo(scope, evaluation),
      rows: await loadRows(scope, id),
      content: await versionById(scope, evaluation.schemeVersionId),
      period,
    };
    const change = await decide(ctx);
    const score = derive(ctx.content, change.rows, evaluation);
    const after: EvaluationRow = {
      ...evaluation,
      ...score,
      status: change.status ?? evaluation.status,
      revision: evaluation.revision + 1,
      updatedAt: nowIso(),
    };
    const update = scope.db
      .update(evaluations)
      .set(after)
      .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.id, id)));
    return {
      statements: [...change.statements, update],
      audit: [
        {
          action: change.action,
          entityType: 'evaluation',
          entityId: id,
          before: auditView(evaluation),
          after: { ...auditView(after), ...change.audit },
        },
        ...(change.extraAudit ?? []),
      ],
      result: after,
    };
  });
}
