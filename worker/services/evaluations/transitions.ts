import { and, eq, inArray } from 'drizzle-orm';
import { appeals, evaluationInputs } from '../../../db/schema';
import type { Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { checkTransition, type Transition } from '../../domain/evaluation/workflow';
import { scoreEvaluation } from '../../domain/scheme';
import { ApiError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { type ChangeContext, changeEvaluation, type EvaluationChange } from './mutate';
import { inputsFromRows } from './scoring';

export interface TransitionBody {
  reason?: string;
  disputedInputIds?: string[];
  answer?: string;
  voidInputIds?: string[];
}

function assertAllowed(transition: Transition, ctx: ChangeContext) {
  const check = checkTransition(transition, ctx.evaluation.status, ctx.relation);
  if (check.ok) return check.to;
  if (check.reason === 'not_allowed') {
    throw new ApiError('FORBIDDEN', { message: 'TRANSITION_NOT_ALLOWED', params: { transition } });
  }
  throw new ApiError('CONFLICT', {
    message: 'WRONG_STATE',
    params: { status: check.status, transition, allowed: check.allowedFrom.join(', ') },
    details: { status: check.status, allowedFrom: check.allowedFrom },
  });
}

const required = (value: string | undefined, field: string): string => {
  if (value?.trim()) return value.trim();
  throw new ApiError('VALIDATION_FAILED', {
    details: [{ field, code: 'required', message: `${field}: required / 必填` }],
  });
};

function unknownIds(ids: string[], ctx: ChangeContext, field: string, eventsOnly: boolean) {
  const known = new Set(ctx.rows.filter((r) => !eventsOnly || r.kind === 'event').map((r) => r.id));
  const bad = ids.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (bad.length > 0) {
    throw new ApiError('VALIDATION_FAILED', {
      details: bad.map(({ id, i }) => ({
        field: `${field}[${i}]`,
        code: 'unknown_input',
        message: `${field}[${i}]: ${id} ?`,
      })),
    });
  }
}

const decisions: Record<
  Transition,
  (scope: Scope, ctx: ChangeContext, body: TransitionBody) => EvaluationChange | Promise<EvaluationChange>
> = {
  submit: (_scope, ctx) => {
    // Role and state first: a caller who may not submit learns nothing about the inputs.
    const status = assertAllowed('submit', ctx);
    const missing = scoreEvaluation(ctx.content, inputsFromRows(ctx.rows)).missingRequired;
    if (missing.length > 0) {
      throw new ApiError('CONFLICT', {
        message: 'MISSING_REQUIRED',
        params: { keys: missing.join(', ') },
        details: missing.map((key) => ({
          field: `indicators.${key}`,
          code: 'missing_required',
          message: key,
        })),
      });
    }
    return {
      action: 'evaluation.submit',
      rows: ctx.rows,
      status,
      statements: [],
    };
  },
  confirm: (_scope, ctx) => ({
    action: 'evaluation.confirm',
    rows: ctx.rows,
    status: assertAllowed('confirm', ctx),
    statements: [],
  }),
  appeal: (scope, ctx, body) => {
    const status = assertAllowed('appeal', ctx);
    const reason = required(body.reason, 'reason');
    const disputed = body.disputedInputIds ?? [];
    unknownIds(disputed, ctx, 'disputedInputIds', false);
    const appeal = {
      id: newId('apl'),
      tenantId: scope.tenantId,
      evaluationId: ctx.evaluation.id,
      reason,
      disputedInputIds: disputed,
      status: 'open' as const,
      answer: null,
      voidedInputIds: null,
      createdBy: scope.actor.actorId,
      createdAt: nowIso(),
      resolvedBy: null,
      resolvedAt: null,
    };
    return {
      action: 'evaluation.appeal',
      rows: ctx.rows,
      status,
      statements: [scope.db.insert(appeals).values(appeal)],
      audit: { appeal: { id: appeal.id, reason, disputedInputIds: disputed } },
    };
  },
  resolve: async (scope, ctx, body) => {
    const status = assertAllowed('resolve', ctx);
    const answer = required(body.answer, 'answer');
    const voidIds = [...new Set(body.voidInputIds ?? [])];
    unknownIds(voidIds, ctx, 'voidInputIds', true);
    // The appeal being answered: each voided input says which appeal voided it.
    const [open] = await scope.db
      .select({ id: appeals.id })
      .from(appeals)
      .where(
        and(
          eq(appeals.tenantId, scope.tenantId),
          eq(appeals.evaluationId, ctx.evaluation.id),
          eq(appeals.status, 'open'),
        ),
      );
    const voidedByAppeal = open?.id ?? null;
    const now = nowIso();
    const rows = ctx.rows.map((r) => (voidIds.includes(r.id) ? { ...r, voided: true, voidedByAppeal } : r));
    const statements: Statement[] = [
      scope.db
        .update(appeals)
        .set({
          status: 'resolved',
          answer,
          voidedInputIds: voidIds,
          resolvedBy: scope.actor.actorId,
          resolvedAt: now,
        })
        .where(
          and(
            eq(appeals.tenantId, scope.tenantId),
            eq(appeals.evaluationId, ctx.evaluation.id),
            eq(appeals.status, 'open'),
          ),
        ),
    ];
    for (const part of chunk(voidIds, IDS_PER_STATEMENT)) {
      statements.push(
        scope.db
          .update(evaluationInputs)
          .set({ voided: true, voidedByAppeal })
          .where(and(eq(evaluationInputs.tenantId, scope.tenantId), inArray(evaluationInputs.id, part))),
      );
    }
    return {
      action: 'evaluation.resolve',
      rows,
      status,
      statements,
      audit: { answer, voidedInputIds: voidIds },
    };
  },
  approve: (_scope, ctx) => {
    assertAllowed('approve', ctx);
    // Approved after its period closed (a reopened evaluation): it goes straight back to locked.
    return {
      action: 'evaluation.approve',
      rows: ctx.rows,
      status: ctx.period.status === 'closed' ? 'locked' : 'approved',
      statements: [],
    };
  },
  reopen: (_scope, ctx, body) => {
    const status = assertAllowed('reopen', ctx);
    const reason = required(body.reason, 'reason');
    return { action: 'evaluation.reopen', rows: ctx.rows, status, statements: [], audit: { reason } };
  },
  lock: () => {
    throw new ApiError('FORBIDDEN');
  },
};

/** Moves an evaluation one step of its workflow, checked for role and state. */
export function transitionEvaluation(
  scope: Scope,
  id: string,
  ifMatch: string | undefined,
  transition: Exclude<Transition, 'lock'>,
  body: TransitionBody,
) {
  return changeEvaluation(scope, id, ifMatch, (ctx) => decisions[transition](scope, ctx, body));
}
