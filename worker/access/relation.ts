import {
  type Action,
  checkAction,
  type EvaluationStatus,
  type Relation,
} from '../domain/evaluation/workflow';
import type { Principal } from '../env';
import { hasScope, isHr, isSelf } from './principal';

/** Where the caller stands to an evaluation's employee. */
export interface EvaluationParty {
  /** The login linked to the evaluated employee's record, if any. */
  employeeUserId: string | null;
  /** Whether the caller supervises the evaluation's department (visibility.ts computes it). */
  supervises: boolean;
}

/** What the policy needs to know about an evaluation to offer actions on it. */
export interface EvaluationTarget {
  relation: Relation;
  status: EvaluationStatus;
  periodStatus: 'open' | 'closed';
  employeeActive: boolean;
}

/**
 * How the caller stands to an evaluation, for the workflow's table. The person evaluated, or
 * anyone acting for them (their key, an account whose password they set), is only ever `self`
 * to it, whatever their role: a supervisor does not rate, nor HR approve, their own month.
 */
export function relationTo(p: Principal, target: EvaluationParty): Relation {
  if (isSelf(p, target.employeeUserId)) return 'self';
  if (p.kind === 'api_key') return hasScope(p, 'evaluations:write', 'metrics:write') ? 'integrator' : 'none';
  if (isHr(p.role)) return 'hr';
  if (p.role === 'supervisor' && target.supervises) return 'supervisor';
  return 'none';
}

/** The actions a client may offer on an evaluation, in the order a screen shows them. */
export const offeredActions = [
  'record',
  'submit',
  'confirm',
  'appeal',
  'resolve',
  'approve',
  'reopen',
  'leave',
] as const satisfies readonly Action[];
export type OfferedAction = (typeof offeredActions)[number];

/**
 * Whether the route that takes the action admits the principal at all: people by role (the
 * workflow decides), keys with evaluations:write, except removing a leaver's month (HR's call).
 */
function routeAdmits(p: Principal, action: OfferedAction): boolean {
  if (p.kind === 'user') return true;
  return action !== 'leave' && hasScope(p, 'evaluations:write');
}

/**
 * What the caller may do to an evaluation now: the workflow's table for their relation and its
 * state, less what the month's state rules out. The API answers these on every evaluation, and
 * the dashboard offers exactly them.
 */
export function allowedActions(p: Principal, target: EvaluationTarget): OfferedAction[] {
  return offeredActions.filter((action) => {
    if (!routeAdmits(p, action)) return false;
    if (!checkAction(action, target.status, target.relation).ok) return false;
    if (action === 'record') return target.periodStatus === 'open' && target.employeeActive;
    if (action === 'leave') return target.periodStatus === 'open';
    return true;
  });
}
