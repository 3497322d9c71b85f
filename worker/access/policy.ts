/*
 * The access policy: the one place that decides who may see and do what (DESIGN.md, "access
 * policy"). Routes declare the roles and scopes they admit (authorize.ts); services ask this
 * module for everything finer: what the caller sees of each table, how they stand to an
 * evaluation, which actions they may take, and the separation-of-duties rules that keep anyone
 * from changing their own evaluation or pay through any principal they control.
 */

export {
  type AccountAction,
  type AccountChange,
  type AssignmentTarget,
  accountActions,
  allowedAccountActions,
  allowedKeyActions,
  assertMayAssign,
  assertMayChangeEmployee,
  assertMayHandOverKey,
  assertMayManageAccount,
  assertMayReprice,
  assignableRoles,
  controlTaken,
  creatableRoles,
  type KeyAction,
  keyActions,
  keySuspended,
} from './duties';
export { assertMayExport, exportableKinds } from './exports';
export { hasScope, isHr, isSelf, keyOf, loginOf, personOf, roleOf, seesWholeTenant } from './principal';
export { ownEvaluationError } from './refusals';
export {
  allowedActions,
  type EvaluationParty,
  type EvaluationTarget,
  type OfferedAction,
  offeredActions,
  relationTo,
} from './relation';
export {
  manageableReports,
  supervisedDepartmentIds,
  supervisesEvaluation,
  visibleEmployees,
  visibleEvaluations,
  visibleReports,
} from './visibility';

import type { Principal } from '../env';
import { hasScope } from './principal';

/** Whether the caller may learn that a 工号 exists (else ingest's 400 must not tell). */
export const readsEmployees = (p: Principal) => hasScope(p, 'org:read', 'org:write');

/** Whether the caller may read evaluations, and so see the totals a write produced. */
export const readsScores = (p: Principal) => hasScope(p, 'evaluations:read', 'evaluations:write');

/** Whether a change comes from a system through a key (provenance of inputs, raters). */
export const throughKey = (p: Principal) => p.kind === 'api_key';
