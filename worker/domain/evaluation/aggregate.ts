import { scoreEvaluation } from '../scheme';
import { follow, join, leave, lock } from './period-changes';
import { record, refuseAction, removeInput } from './record';
import { derive, inputsFromRows } from './scoring';
import {
  type AppealRow,
  auditView,
  type Change,
  type ChangeContext,
  type EvaluationDetail,
  type EvaluationRow,
  type EvaluationState,
  type InputRow,
  type Outcome,
  refuse,
  type Writes,
} from './state';
import { checkAction, type EvaluationStatus } from './workflow';

export * from './state';
export { join };

/**
 * The evaluation aggregate: one change applied to one evaluation's state. Pure: it answers the
 * new state, the rows to write and the audit entries, or a refusal naming the rule. Every path
 * that changes an evaluation comes through here, so a rule lives in one place.
 */
export function apply(state: EvaluationState, change: Change, ctx: ChangeContext): Outcome {
  switch (change.kind) {
    case 'record':
      return record(state, needDetail(state), change, ctx);
    case 'removeInput':
      return removeInput(state, needDetail(state), change.inputId, ctx);
    case 'lock':
      return lock(state, ctx);
    case 'follow':
      return follow(state, change, ctx);
    case 'leave':
      return leave(state, needDetail(state), change.reason);
    default:
      return step(state, needDetail(state), change, ctx);
  }
}

function needDetail(state: EvaluationState): EvaluationDetail {
  // A loader bug, not a user's error: the store loads detail for every change that reads it.
  if (!state.detail) throw new Error(`evaluation ${state.row.id} was loaded without its inputs`);
  return state.detail;
}

type StepChange = Extract<
  Change,
  { kind: 'submit' | 'confirm' | 'approve' | 'appeal' | 'resolve' | 'reopen' }
>;

/** Ids that are not inputs of this evaluation (events only, for voiding), as a refusal. */
function unknownIds(detail: EvaluationDetail, ids: string[], field: string, eventsOnly: boolean) {
  const known = new Set(detail.inputs.filter((r) => !eventsOnly || r.kind === 'event').map((r) => r.id));
  const bad = ids.map((id, index) => ({ id, index })).filter(({ id }) => !known.has(id));
  return bad.length > 0 ? refuse({ rule: 'unknown_inputs', field, ids: bad }) : undefined;
}

/** What a step does beyond its status: inputs voided, an appeal opened or answered, audit notes. */
interface Effect {
  status?: EvaluationStatus;
  inputs?: InputRow[];
  appeals?: AppealRow[];
  writes?: Writes;
  note?: Record<string, unknown>;
}
type Effects = {
  [K in StepChange['kind']]: (
    state: EvaluationState,
    detail: EvaluationDetail,
    change: Extract<StepChange, { kind: K }>,
    ctx: ChangeContext,
  ) => Effect | Extract<Outcome, { ok: false }>;
};

const effects: Effects = {
  submit: (_state, detail) => {
    const missing = scoreEvaluation(detail.content, inputsFromRows(detail.inputs)).missingRequired;
    return missing.length > 0 ? refuse({ rule: 'missing_required', keys: missing }) : {};
  },
  confirm: () => ({}),
  // Approved after its period closed (a reopened evaluation): it goes straight back to locked.
  approve: (state) => (state.period.status === 'closed' ? { status: 'locked' } : {}),
  reopen: (_state, _detail, change) => ({ note: { reason: change.reason } }),
  appeal: (state, detail, change, ctx) => {
    const bad = unknownIds(detail, change.disputedInputIds, 'disputedInputIds', false);
    if (bad) return bad;
    const appeal: AppealRow = {
      id: ctx.newId('apl'),
      tenantId: state.row.tenantId,
      evaluationId: state.row.id,
      reason: change.reason,
      disputedInputIds: change.disputedInputIds,
      status: 'open',
      answer: null,
      voidedInputIds: null,
      createdBy: ctx.actorId,
      createdAt: ctx.now,
      resolvedBy: null,
      resolvedAt: null,
    };
    return {
      appeals: [...detail.appeals, appeal],
      writes: { insertAppeal: appeal },
      note: { appeal: { id: appeal.id, reason: change.reason, disputedInputIds: change.disputedInputIds } },
    };
  },
  resolve: (_state, detail, change, ctx) => {
    const voidIds = [...new Set(change.voidInputIds)];
    const bad = unknownIds(detail, voidIds, 'voidInputIds', true);
    if (bad) return bad;
    // The appeal being answered: each voided input says which appeal voided it.
    const appealId = detail.appeals.find((a) => a.status === 'open')?.id ?? null;
    const answered = {
      answer: change.answer,
      voidedInputIds: voidIds,
      resolvedBy: ctx.actorId,
      resolvedAt: ctx.now,
    };
    return {
      inputs: detail.inputs.map((r) =>
        voidIds.includes(r.id) ? { ...r, voided: true, voidedByAppeal: appealId } : r,
      ),
      appeals: detail.appeals.map((a) =>
        a.status === 'open' ? { ...a, ...answered, status: 'resolved' } : a,
      ),
      writes: { resolveAppeal: answered, voidInputs: { ids: voidIds, appealId } },
      note: { answer: change.answer, voidedInputIds: voidIds },
    };
  },
};

/** A workflow step (submit, confirm, appeal, resolve, approve, reopen), checked by the table. */
function step(
  state: EvaluationState,
  detail: EvaluationDetail,
  change: StepChange,
  ctx: ChangeContext,
): Outcome {
  const { row } = state;
  // Role and state first: a caller who may not act learns nothing about the inputs.
  const check = checkAction(change.kind, row.status, state.relation);
  if (!check.ok) return refuseAction(change.kind, check);
  // Each handler takes its own kind of change; TypeScript cannot pair them through the union.
  const run = effects[change.kind] as (
    ...args: [EvaluationState, EvaluationDetail, StepChange, ChangeContext]
  ) => ReturnType<Effects['submit']>;
  const effect = run(state, detail, change, ctx);
  if ('ok' in effect) return effect;
  const status = effect.status ?? (check.to as EvaluationStatus);
  const inputs = effect.inputs ?? detail.inputs;
  // Only voiding changes what counts; other steps keep the score they have.
  const score = effect.inputs ? derive(detail.content, inputs, row) : {};
  const after: EvaluationRow = { ...row, ...score, status, revision: row.revision + 1, updatedAt: ctx.now };
  return {
    ok: true,
    state: { ...state, row: after, detail: { ...detail, inputs, appeals: effect.appeals ?? detail.appeals } },
    writes: { ...effect.writes, update: { ...score, status } },
    audit: [
      {
        action: `evaluation.${change.kind}`,
        before: auditView(row),
        after: { ...auditView(after), ...effect.note },
      },
    ],
  };
}
