import { scoreEvaluation } from '../scheme';
import { payFor } from './pay';
import { record, refuseAction, removeInput } from './record';
import { derive, inputsFromRows } from './scoring';
import {
  auditView,
  type Change,
  type ChangeContext,
  type EvaluationDetail,
  type EvaluationRow,
  type EvaluationState,
  type Outcome,
  refuse,
} from './state';
import { checkAction, type EvaluationStatus } from './workflow';

export * from './state';

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

/** A workflow step (submit, confirm, appeal, resolve, approve, reopen), checked by the table. */
function step(state: EvaluationState, detail: EvaluationDetail, change: StepChange, ctx: ChangeContext) {
  const { row } = state;
  // Role and state first: a caller who may not act learns nothing about the inputs.
  const check = checkAction(change.kind, row.status, state.relation);
  if (!check.ok) return refuseAction(change.kind, check);
  let status = check.to as EvaluationStatus;
  let inputs = detail.inputs;
  let appeals = detail.appeals;
  let extra: Record<string, unknown> | undefined;
  const writes: Extract<Outcome, { ok: true }>['writes'] = {};
  if (change.kind === 'submit') {
    const missing = scoreEvaluation(detail.content, inputsFromRows(inputs)).missingRequired;
    if (missing.length > 0) return refuse({ rule: 'missing_required', keys: missing });
  } else if (change.kind === 'approve') {
    // Approved after its period closed (a reopened evaluation): it goes straight back to locked.
    if (state.period.status === 'closed') status = 'locked';
  } else if (change.kind === 'appeal') {
    const bad = unknownIds(detail, change.disputedInputIds, 'disputedInputIds', false);
    if (bad) return bad;
    const appeal = {
      id: ctx.newId('apl'),
      tenantId: row.tenantId,
      evaluationId: row.id,
      reason: change.reason,
      disputedInputIds: change.disputedInputIds,
      status: 'open' as const,
      answer: null,
      voidedInputIds: null,
      createdBy: ctx.actorId,
      createdAt: ctx.now,
      resolvedBy: null,
      resolvedAt: null,
    };
    writes.insertAppeal = appeal;
    appeals = [...appeals, appeal];
    extra = { appeal: { id: appeal.id, reason: change.reason, disputedInputIds: change.disputedInputIds } };
  } else if (change.kind === 'resolve') {
    const voidIds = [...new Set(change.voidInputIds)];
    const bad = unknownIds(detail, voidIds, 'voidInputIds', true);
    if (bad) return bad;
    // The appeal being answered: each voided input says which appeal voided it.
    const appealId = appeals.find((a) => a.status === 'open')?.id ?? null;
    inputs = inputs.map((r) =>
      voidIds.includes(r.id) ? { ...r, voided: true, voidedByAppeal: appealId } : r,
    );
    const answered = {
      answer: change.answer,
      voidedInputIds: voidIds,
      resolvedBy: ctx.actorId,
      resolvedAt: ctx.now,
    };
    appeals = appeals.map((a) =>
      a.status === 'open' ? { ...a, ...answered, status: 'resolved' as const } : a,
    );
    writes.resolveAppeal = answered;
    writes.voidInputs = { ids: voidIds, appealId };
    extra = { answer: change.answer, voidedInputIds: voidIds };
  } else if (change.kind === 'reopen') {
    extra = { reason: change.reason };
  }
  const score = inputs === detail.inputs ? {} : derive(detail.content, inputs, row);
  const after: EvaluationRow = { ...row, ...score, status, revision: row.revision + 1, updatedAt: ctx.now };
  writes.update = { ...score, status };
  return {
    ok: true as const,
    state: { ...state, row: after, detail: { ...detail, inputs, appeals } },
    writes,
    audit: [
      {
        action: `evaluation.${change.kind}`,
        before: auditView(row),
        after: { ...auditView(after), ...extra },
      },
    ],
  };
}

/** Closing a period locks each approved evaluation (the period's own rule is the caller's). */
function lock(state: EvaluationState, ctx: ChangeContext): Outcome {
  const { row } = state;
  const check = checkAction('lock', row.status, state.relation);
  if (!check.ok) return refuseAction('lock', check);
  const after = { ...row, status: 'locked' as const, revision: row.revision + 1, updatedAt: ctx.now };
  return {
    ok: true,
    state: { ...state, row: after },
    writes: { update: { status: 'locked' } },
    audit: [
      {
        action: 'evaluation.lock',
        before: { status: row.status, revision: row.revision },
        after: { status: 'locked', revision: after.revision },
      },
    ],
  };
}

const PAY_FIELDS = ['baseSalaryFen', 'bonusBaseFen', 'bonusFen', 'payTotalFen'] as const;
const payOf = (e: EvaluationRow) => Object.fromEntries(PAY_FIELDS.map((f) => [f, e[f]]));

/**
 * An employee's new department and/or position carried into their evaluation, as one revision
 * step with an `evaluation.move` and/or `evaluation.reprice` entry. Supervisors' access follows
 * the department; payroll reads the pay, applied at the evaluation's own K. A settled
 * evaluation (approved, locked, or of a closed period) keeps what it was judged with.
 */
function follow(
  state: EvaluationState,
  change: Extract<Change, { kind: 'follow' }>,
  ctx: ChangeContext,
): Outcome {
  const { row } = state;
  const unchanged: Outcome = { ok: true, state, writes: {}, audit: [] };
  if (state.period.status !== 'open' || !checkAction('follow', row.status, state.relation).ok)
    return unchanged;
  const set: Partial<EvaluationRow> = {};
  if (change.departmentId !== undefined && change.departmentId !== row.departmentId)
    set.departmentId = change.departmentId;
  let repriced: Partial<EvaluationRow> | undefined;
  if (change.position) {
    const money = payFor(change.position.pay.baseSalaryFen, change.position.pay.bonusBaseFen, row.k);
    const pay = {
      baseSalaryFen: money.baseSalaryFen,
      bonusBaseFen: money.bonusBaseFen,
      bonusFen: money.bonusFen,
      payTotalFen: money.totalFen,
    };
    if (change.position.id !== row.positionId || PAY_FIELDS.some((f) => pay[f] !== row[f])) {
      repriced = { positionId: change.position.id, ...pay };
      Object.assign(set, repriced);
    }
  }
  if (Object.keys(set).length === 0) return unchanged;
  const revision = row.revision + 1;
  const after = { ...row, ...set, revision, updatedAt: ctx.now };
  const audit = [];
  if (set.departmentId !== undefined) {
    audit.push({
      action: 'evaluation.move',
      before: { departmentId: row.departmentId, revision: row.revision },
      after: { departmentId: set.departmentId, revision, employeeId: row.employeeId },
    });
  }
  if (repriced) {
    audit.push({
      action: 'evaluation.reprice',
      before: { positionId: row.positionId, ...payOf(row), revision: row.revision },
      after: { ...repriced, revision, employeeId: row.employeeId, k: row.k },
    });
  }
  return { ok: true, state: { ...state, row: after }, writes: { update: set }, audit };
}

/**
 * A leaver's evaluation leaves an open period with its inputs and appeals; the audit entry
 * keeps all of it and HR's reason. Approved and locked results are reopened first.
 */
function leave(state: EvaluationState, detail: EvaluationDetail, reason: string): Outcome {
  const check = checkAction('leave', state.row.status, state.relation);
  // Who may act first, then the period (a closed month keeps everyone), then the status.
  if (!check.ok && check.reason !== 'wrong_state') return refuseAction('leave', check);
  if (state.period.status !== 'open') return refuse({ rule: 'period_closed', key: state.period.key });
  if (!check.ok) return refuseAction('leave', check);
  return {
    ok: true,
    state,
    writes: { remove: true },
    audit: [
      {
        action: 'evaluation.delete',
        before: {
          evaluation: state.row,
          appeals: detail.appeals,
          reason,
          period: state.period.key,
          inputs: detail.inputs,
        },
      },
    ],
  };
}

/**
 * A late joiner's new evaluation (pinned by the caller exactly as opening a period pins), added
 * to an open period by HR, never by the person it is about.
 */
export function join(state: EvaluationState): Outcome {
  const check = checkAction('join', undefined, state.relation);
  if (!check.ok) return refuseAction('join', check);
  if (state.period.status !== 'open') return refuse({ rule: 'period_closed', key: state.period.key });
  const { row } = state;
  return {
    ok: true,
    state,
    writes: { insert: row },
    audit: [
      {
        action: 'evaluation.create',
        after: {
          periodId: state.period.id,
          period: state.period.key,
          employeeId: row.employeeId,
          employeeNo: state.employee.employeeNo,
          departmentId: row.departmentId,
          positionId: row.positionId,
          schemeId: row.schemeId,
          schemeVersionId: row.schemeVersionId,
          baseSalaryFen: row.baseSalaryFen,
          bonusBaseFen: row.bonusBaseFen,
          ...auditView(row),
        },
      },
    ],
  };
}
