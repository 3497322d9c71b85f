import { and, eq, inArray } from 'drizzle-orm';
import { evaluationInputs, users } from '../../../db/schema';
import type { Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { inputsEditable } from '../../domain/evaluation/workflow';
import { checkInputs, type EvaluationInputs, schemeErrorMessage } from '../../domain/scheme';
import { ApiError, type FieldIssue, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { invalid, issue } from '../org/issues';
import type { Scope } from '../scope';
import { type ChangeContext, changeEvaluation, type InputRow } from './mutate';

/** Who records inputs: HR, the employee's supervisor, an integrator. Never the employee. */
function assertMayRecord(scope: Scope, ctx: ChangeContext) {
  if (!['hr', 'supervisor', 'integrator'].includes(ctx.relation)) {
    throw new ApiError('FORBIDDEN', {
      message: 'TRANSITION_NOT_ALLOWED',
      params: { transition: 'record inputs' },
    });
  }
  if (!inputsEditable(ctx.evaluation.status)) {
    throw new ApiError('CONFLICT', { message: 'INPUTS_LOCKED', params: { status: ctx.evaluation.status } });
  }
  void scope;
}

/** Input errors against the pinned scheme, as VALIDATION_FAILED naming each field. */
export function assertInputsFit(
  scope: Scope,
  ctx: Pick<ChangeContext, 'content'>,
  inputs: EvaluationInputs,
  prefix = '',
) {
  const errors = checkInputs(ctx.content, inputs);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', {
      details: errors.map((e) => ({
        field: `${prefix}${e.field}`,
        code: e.code,
        message: schemeErrorMessage(e, scope.lang),
      })),
    });
  }
}

/** New input rows from a validated payload; `source` says whether a person or a system sent them. */
export function inputRows(
  scope: Scope,
  evaluationId: string,
  inputs: EvaluationInputs,
  source: InputRow['source'],
): InputRow[] {
  const base = {
    tenantId: scope.tenantId,
    evaluationId,
    source,
    recordedBy: scope.actor.actorId,
    voided: false,
    voidedByAppeal: null,
    createdAt: nowIso(),
  };
  const none = { rule: null, value: null, count: null, passed: null, evidence: null };
  return [
    ...inputs.metrics.map((m) => ({
      ...base,
      ...none,
      id: newId('inp'),
      kind: 'metric' as const,
      indicator: m.indicator,
      value: m.value,
    })),
    ...inputs.events.map((e) => ({
      ...base,
      ...none,
      id: newId('inp'),
      kind: 'event' as const,
      indicator: e.indicator,
      rule: e.rule,
      count: e.count,
      evidence: e.evidence ? (e.evidence as Record<string, string>) : null,
    })),
    ...inputs.ratings.map((r) => ({
      ...base,
      ...none,
      id: newId('inp'),
      kind: 'rating' as const,
      indicator: r.indicator,
      value: r.value,
      // The rater: the person recording, or the user a system names (assertRaters checked it).
      recordedBy: r.raterId ?? scope.actor.actorId,
    })),
    ...inputs.checks.map((c) => ({
      ...base,
      ...none,
      id: newId('inp'),
      kind: 'check' as const,
      indicator: c.indicator,
      passed: c.passed,
      evidence: c.callId ? { callId: c.callId } : null,
    })),
  ];
}

/** Rows per multi-row INSERT of inputs: 15 columns × 6 = 90 bound parameters. */
const INPUTS_PER_INSERT = 6;

const raterTexts = {
  person: {
    'zh-CN': '人工录入的评分，评分人就是录入者本人，不能代他人评分',
    en: 'must be yours: a person records their own ratings; only a system may name another rater',
  },
  unknown: {
    'zh-CN': '本企业没有这个用户（{raterId}）',
    en: 'is not a user of this company ({raterId})',
  },
};

/**
 * The rater shown on a rating must be true: a person rates as themselves, and a system that
 * reports someone else's rating must name a user of this company.
 */
async function assertRaters(scope: Scope, inputs: EvaluationInputs) {
  const named = inputs.ratings.flatMap((r, i) => (r.raterId === undefined ? [] : [{ i, id: r.raterId }]));
  if (named.length === 0) return;
  const bad = (i: number, code: keyof typeof raterTexts, raterId: string): FieldIssue =>
    issue(scope.lang, `ratings[${i}].raterId`, `rater_${code}`, raterTexts[code], { raterId });
  let errors: FieldIssue[];
  if (scope.principal.kind !== 'api_key') {
    errors = named.filter((r) => r.id !== scope.actor.actorId).map((r) => bad(r.i, 'person', r.id));
  } else {
    const ids = [...new Set(named.map((r) => r.id))];
    const known = new Set<string>();
    for (const part of chunk(ids, IDS_PER_STATEMENT)) {
      const found = await scope.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, scope.tenantId), inArray(users.id, part)));
      for (const u of found) known.add(u.id);
    }
    errors = named.filter((r) => !known.has(r.id)).map((r) => bad(r.i, 'unknown', r.id));
  }
  if (errors.length > 0) throw invalid(errors);
}

/** DELETEs of input rows by id, chunked for D1's parameter limit. */
export function deleteInputs(scope: Scope, ids: string[]): Statement[] {
  return chunk(ids, IDS_PER_STATEMENT).map((part) =>
    scope.db
      .delete(evaluationInputs)
      .where(and(eq(evaluationInputs.tenantId, scope.tenantId), inArray(evaluationInputs.id, part))),
  );
}

/** Inserts (chunked) and, for metrics, replacement of the indicator's previous value. */
export function inputStatements(scope: Scope, current: InputRow[], added: InputRow[]) {
  const metricKeys = new Set(added.filter((r) => r.kind === 'metric').map((r) => r.indicator));
  const replaced = current.filter((r) => r.kind === 'metric' && metricKeys.has(r.indicator));
  const statements = deleteInputs(
    scope,
    replaced.map((r) => r.id),
  );
  for (let i = 0; i < added.length; i += INPUTS_PER_INSERT) {
    statements.push(scope.db.insert(evaluationInputs).values(added.slice(i, i + INPUTS_PER_INSERT)));
  }
  const replacedIds = new Set(replaced.map((r) => r.id));
  // The replaced values go into the audit entry: a figure someone entered is never lost.
  return { statements, rows: [...current.filter((r) => !replacedIds.has(r.id)), ...added], replaced };
}

/** Records inputs on a draft evaluation; the score follows from them. */
export async function addInputs(
  scope: Scope,
  id: string,
  ifMatch: string | undefined,
  inputs: EvaluationInputs,
) {
  return changeEvaluation(scope, id, ifMatch, async (ctx) => {
    assertMayRecord(scope, ctx);
    assertInputsFit(scope, ctx, inputs);
    await assertRaters(scope, inputs);
    const added = inputRows(scope, id, inputs, scope.principal.kind === 'api_key' ? 'integrator' : 'person');
    const { statements, rows, replaced } = inputStatements(scope, ctx.rows, added);
    return {
      action: 'evaluation.inputs.add',
      rows,
      statements,
      audit: { addedInputs: added.map(publicInput), replacedInputs: replaced.map(publicInput) },
    };
  });
}

/** Deletes one input from a draft (a mistaken entry); the audit entry keeps what it was. */
export async function removeInput(scope: Scope, id: string, ifMatch: string | undefined, inputId: string) {
  return changeEvaluation(scope, id, ifMatch, (ctx) => {
    assertMayRecord(scope, ctx);
    const target = ctx.rows.find((r) => r.id === inputId);
    if (!target) throw notFound();
    return {
      action: 'evaluation.inputs.remove',
      rows: ctx.rows.filter((r) => r.id !== inputId),
      statements: [
        scope.db
          .delete(evaluationInputs)
          .where(and(eq(evaluationInputs.tenantId, scope.tenantId), eq(evaluationInputs.id, inputId))),
      ],
      audit: { removedInput: publicInput(target) },
    };
  });
}

export function publicInput(r: InputRow) {
  return {
    id: r.id,
    kind: r.kind,
    indicator: r.indicator,
    rule: r.rule,
    value: r.value,
    count: r.count,
    passed: r.passed,
    evidence: r.evidence,
    source: r.source,
    recordedBy: r.recordedBy,
    voided: r.voided,
    voidedByAppeal: r.voidedByAppeal,
    createdAt: r.createdAt,
  };
}
