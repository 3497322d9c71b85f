import { checkInputs, type EvaluationInputs } from '../scheme';
import { derive } from './scoring';
import {
  auditView,
  type ChangeContext,
  type EvaluationDetail,
  type EvaluationState,
  type InputRow,
  type Outcome,
  publicInput,
  refuse,
} from './state';
import { checkAction } from './workflow';

/** New input rows from validated inputs; a rating's rater is the named user or the recorder. */
export function inputRows(
  ctx: ChangeContext,
  tenantId: string,
  evaluationId: string,
  inputs: EvaluationInputs,
  source: InputRow['source'],
): InputRow[] {
  const base = {
    tenantId,
    evaluationId,
    source,
    recordedBy: ctx.actorId,
    enteredBy: ctx.enteredBy,
    keyId: ctx.keyId,
    voided: false,
    voidedByAppeal: null,
    createdAt: ctx.now,
  };
  const none = { rule: null, value: null, count: null, passed: null, evidence: null };
  const row = (fields: Partial<InputRow> & Pick<InputRow, 'kind' | 'indicator'>): InputRow => ({
    ...base,
    ...none,
    id: ctx.newId('inp'),
    ...fields,
  });
  return [
    ...inputs.metrics.map((m) => row({ kind: 'metric', indicator: m.indicator, value: m.value })),
    ...inputs.events.map((e) =>
      row({
        kind: 'event',
        indicator: e.indicator,
        rule: e.rule,
        count: e.count,
        evidence: e.evidence ? (e.evidence as Record<string, string>) : null,
      }),
    ),
    ...inputs.ratings.map((r) =>
      row({ kind: 'rating', indicator: r.indicator, value: r.value, recordedBy: r.raterId ?? ctx.actorId }),
    ),
    ...inputs.checks.map((c) =>
      row({
        kind: 'check',
        indicator: c.indicator,
        passed: c.passed,
        evidence: c.callId ? { callId: c.callId } : null,
      }),
    ),
  ];
}

/**
 * What a new row replaces: an indicator has one metric value, and each rater one rating per
 * indicator (a second rating from the same person replaces theirs, so nobody outweighs another).
 */
const replaces = (added: InputRow) => (current: InputRow) =>
  current.kind === added.kind &&
  current.indicator === added.indicator &&
  (added.kind === 'metric' || (added.kind === 'rating' && current.recordedBy === added.recordedBy));

/** The second rating of one rater for one indicator in the same request, if any. */
function ratedTwice(inputs: EvaluationInputs, actorId: string) {
  const seen = new Set<string>();
  for (const [i, r] of inputs.ratings.entries()) {
    const key = `${r.indicator}\u0000${r.raterId ?? actorId}`;
    if (seen.has(key)) return { field: `ratings[${i}]`, indicator: r.indicator };
    seen.add(key);
  }
  return undefined;
}

/** The evaluation rescored on `inputs`, revision stepped. */
function rescored(state: EvaluationState, detail: EvaluationDetail, inputs: InputRow[], now: string) {
  const score = derive(detail.content, inputs, state.row);
  const row = { ...state.row, ...score, revision: state.row.revision + 1, updatedAt: now };
  return { row, score, state: { ...state, row, detail: { ...detail, inputs } } };
}

/** Records inputs on a draft: checked against the pinned scheme, then the score follows. */
export function record(
  state: EvaluationState,
  detail: EvaluationDetail,
  change: { via: 'record' | 'ingest'; inputs: EvaluationInputs; source: InputRow['source'] },
  ctx: ChangeContext,
): Outcome {
  const check = checkAction(change.via, state.row.status, state.relation);
  if (!check.ok) return refuseAction(change.via, check);
  // A leaver's month is settled by HR (removed, or approved as it stands), not added to.
  if (!state.employee.active)
    return refuse({ rule: 'employee_inactive', employeeNo: state.employee.employeeNo });
  const errors = checkInputs(detail.content, change.inputs);
  if (errors.length > 0) return refuse({ rule: 'inputs_invalid', errors });
  const twice = ratedTwice(change.inputs, ctx.actorId);
  if (twice) return refuse({ rule: 'rated_twice', ...twice });
  const added = inputRows(ctx, state.row.tenantId, state.row.id, change.inputs, change.source);
  const replaced = detail.inputs.filter((r) => added.some((a) => replaces(a)(r)));
  const kept = detail.inputs.filter((r) => !replaced.includes(r));
  const next = rescored(state, detail, [...kept, ...added], ctx.now);
  return {
    ok: true,
    state: next.state,
    writes: { update: next.score, insertInputs: added, deleteInputIds: replaced.map((r) => r.id) },
    audit: [
      {
        action: change.via === 'record' ? 'evaluation.inputs.add' : 'evaluation.inputs.ingest',
        before: auditView(state.row),
        // The replaced values stay in the audit entry: a figure someone entered is never lost.
        after: {
          ...auditView(next.row),
          addedInputs: added.map(publicInput),
          replacedInputs: replaced.map(publicInput),
          // Through a key: who it acted for, above all when it named another person as rater.
          ...(ctx.keyId && { importedBy: { keyId: ctx.keyId, userId: ctx.enteredBy } }),
        },
      },
    ],
  };
}

/** Deletes one mistaken input from a draft; the audit entry keeps what it was. */
export function removeInput(
  state: EvaluationState,
  detail: EvaluationDetail,
  inputId: string,
  ctx: ChangeContext,
): Outcome {
  const check = checkAction('removeInput', state.row.status, state.relation);
  if (!check.ok) return refuseAction('removeInput', check);
  const target = detail.inputs.find((r) => r.id === inputId);
  if (!target) return refuse({ rule: 'input_not_found' });
  const next = rescored(
    state,
    detail,
    detail.inputs.filter((r) => r.id !== inputId),
    ctx.now,
  );
  return {
    ok: true,
    state: next.state,
    writes: { update: next.score, deleteInputIds: [inputId] },
    audit: [
      {
        action: 'evaluation.inputs.remove',
        before: auditView(state.row),
        after: { ...auditView(next.row), removedInput: publicInput(target) },
      },
    ],
  };
}

/** A failed workflow check as the refusal that names its rule. */
export function refuseAction(
  action: Parameters<typeof checkAction>[0],
  check: Exclude<ReturnType<typeof checkAction>, { ok: true }>,
): Outcome {
  if (check.reason === 'own_evaluation') return refuse({ rule: 'own_evaluation', action });
  if (check.reason === 'not_allowed') return refuse({ rule: 'not_allowed', action });
  return refuse({ rule: 'wrong_state', action, status: check.status, allowedFrom: check.allowedFrom });
}
