import { payFor } from './pay';
import { refuseAction } from './record';
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
import { checkAction } from './workflow';

/*
 * Changes that come from the month and the organisation rather than from the evaluation's own
 * workflow: closing a period locks it, an org change carries it along, the roster adds a
 * joiner's and removes a leaver's. The aggregate (aggregate.ts) dispatches to them.
 */

/** Closing a period locks each approved evaluation (the period's own rule is the caller's). */
export function lock(state: EvaluationState, ctx: ChangeContext): Outcome {
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
export function follow(
  state: EvaluationState,
  change: Extract<Change, { kind: 'follow' }>,
  ctx: ChangeContext,
): Outcome {
  const { row } = state;
  const unchanged: Outcome = { ok: true, state, writes: {}, audit: [] };
  if (state.period.status !== 'open') return unchanged;
  const check = checkAction('follow', row.status, state.relation);
  if (!check.ok && check.reason === 'wrong_state') return unchanged;
  if (!check.ok) return refuseAction('follow', check);
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
export function leave(state: EvaluationState, detail: EvaluationDetail, reason: string): Outcome {
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
