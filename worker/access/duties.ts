import { and, eq, inArray } from 'drizzle-orm';
import { employees, type Role } from '../../db/schema';
import type { Principal } from '../env';
import { ApiError } from '../lib/errors';
import type { Scope } from '../services/scope';
import { isHr, isSelf } from './principal';

/*
 * Separation of duties beyond the evaluation's own workflow (workflow.ts refuses `self` there):
 * nobody, through any principal they control, changes what sets their own pay — their employee
 * record's position, department, login link and 工号, their position's pay, the scheme that
 * applies to them — and only the owner manages admins.
 */

type EmployeeFacts = {
  employeeNo: string;
  departmentId: string;
  positionId: string;
  userId: string | null;
};

/** The fields of one's own employee record that nobody changes for themselves. */
const OWN_RECORD_FACTS = ['employeeNo', 'departmentId', 'positionId', 'userId'] as const;

const refused = (
  message: 'OWN_EMPLOYEE_RECORD' | 'OWN_EMPLOYEE_LINK' | 'OWN_PAY' | 'OWN_SCHEME',
  rule: string,
  params: Record<string, string> = {},
) => new ApiError('FORBIDDEN', { message, params, details: { rule } });

/**
 * An employee record changed or created by the caller: refused when it is their own and a fact
 * that sets their pay changes, or when it would link a record to their own login (making that
 * evaluation theirs) or unlink their own (making their evaluation someone else's to them).
 */
export function assertMayChangeEmployee(
  scope: Scope,
  before: EmployeeFacts | undefined,
  after: EmployeeFacts,
): void {
  const p = scope.principal;
  const linkChanges = before?.userId !== after.userId;
  if (linkChanges && (isSelf(p, before?.userId) || isSelf(p, after.userId)))
    throw refused('OWN_EMPLOYEE_LINK', 'own_employee_record');
  if (!before || !isSelf(p, before.userId)) return;
  const changed = OWN_RECORD_FACTS.filter((f) => before[f] !== after[f]);
  if (changed.length > 0)
    throw refused('OWN_EMPLOYEE_RECORD', 'own_employee_record', { fields: changed.join(', ') });
}

/** The caller's own employee records (theirs and those of whoever controls their account). */
export async function ownEmployees(scope: Scope) {
  return scope.db
    .select({ id: employees.id, departmentId: employees.departmentId, positionId: employees.positionId })
    .from(employees)
    .where(and(eq(employees.tenantId, scope.tenantId), inArray(employees.userId, scope.principal.selves)));
}

/** Nobody changes the pay of a position they hold. */
export async function assertMayReprice(scope: Scope, positionId: string): Promise<void> {
  const own = await ownEmployees(scope);
  if (own.some((e) => e.positionId === positionId)) throw refused('OWN_PAY', 'own_pay');
}

/** Where a scheme assignment points: one employee, a position or a department. */
export interface AssignmentTarget {
  targetType: 'employee' | 'position' | 'department';
  targetId: string;
}

/**
 * Nobody assigns or unassigns the scheme that would score them: an assignment to themselves,
 * their position or their department (the precedence between them aside: any may come to apply).
 */
export async function assertMayAssign(scope: Scope, target: AssignmentTarget): Promise<void> {
  const own = await ownEmployees(scope);
  const applies = own.some(
    (e) =>
      (target.targetType === 'employee' && e.id === target.targetId) ||
      (target.targetType === 'position' && e.positionId === target.targetId) ||
      (target.targetType === 'department' && e.departmentId === target.targetId),
  );
  if (applies) throw refused('OWN_SCHEME', 'own_scheme');
}

/** Roles only an owner grants, changes, removes or resets the password of. */
const OWNER_MANAGED: readonly Role[] = ['owner', 'admin'];

/** What a change to an account does, for the account rules. */
export interface AccountChange {
  target?: { id: string; role: Role };
  role?: Role;
  password?: boolean;
  active?: boolean;
  remove?: boolean;
}

/** Why an account change is refused, or undefined when it may go ahead. */
function accountRefusal(p: Principal, change: AccountChange): ApiError | undefined {
  if (p.kind !== 'user' || !isHr(p.role)) return new ApiError('FORBIDDEN');
  const { target } = change;
  const own = target?.id === p.userId;
  if (own && change.remove) return new ApiError('CONFLICT', { message: 'SELF_DELETE' });
  if (own && (change.role !== undefined || change.active !== undefined))
    return new ApiError('FORBIDDEN', { message: 'OWN_ACCOUNT', details: { rule: 'own_account' } });
  if (own && change.password)
    return new ApiError('FORBIDDEN', { message: 'OWN_PASSWORD_HERE', details: { rule: 'own_password' } });
  if (own) return undefined; // renaming oneself
  const touchesHr =
    (target && OWNER_MANAGED.includes(target.role)) || (change.role && OWNER_MANAGED.includes(change.role));
  if (touchesHr && p.role !== 'owner')
    return new ApiError('FORBIDDEN', {
      message: 'OWNER_MANAGES_ADMINS',
      details: { rule: 'owner_manages_admins' },
    });
  return undefined;
}

/**
 * Accounts: only the owner creates, promotes, demotes, deactivates or removes an admin (or an
 * owner), or resets an admin's password; HR manages the other roles. Nobody changes their own
 * role or standing, and one's own password is changed with the current one (POST /auth/password),
 * never set here. A password set for someone else is a reset they must complete.
 */
export function assertMayManageAccount(scope: Scope, change: AccountChange): void {
  const refusal = accountRefusal(scope.principal, change);
  if (refusal) throw refusal;
}

export const accountActions = [
  'rename',
  'changeRole',
  'resetPassword',
  'deactivate',
  'activate',
  'delete',
] as const;
export type AccountAction = (typeof accountActions)[number];

/** What the caller may do to an account, by the same rules that check each change. */
export function allowedAccountActions(p: Principal, target: { id: string; role: Role; active: boolean }) {
  const changeFor: Record<AccountAction, AccountChange> = {
    rename: { target },
    // Some other role: for an admin's target, any change of role is the owner's.
    changeRole: { target, role: target.role === 'employee' ? 'supervisor' : 'employee' },
    resetPassword: { target, password: true },
    deactivate: { target, active: false },
    activate: { target, active: true },
    delete: { target, remove: true },
  };
  return accountActions.filter((action) => {
    if (action === 'deactivate' && !target.active) return false;
    if (action === 'activate' && target.active) return false;
    return accountRefusal(p, changeFor[action]) === undefined;
  });
}

const everyRole: readonly Role[] = ['owner', 'admin', 'supervisor', 'employee', 'auditor'];

/** The roles the caller may give this account (its own role aside), by the same rules. */
export function assignableRoles(p: Principal, target: { id: string; role: Role }): Role[] {
  return everyRole.filter((role) => role !== target.role && !accountRefusal(p, { target, role }));
}

/** The roles the caller may create accounts with. */
export const creatableRoles = (p: Principal): Role[] =>
  everyRole.filter((role) => !accountRefusal(p, { role }));

/**
 * Whether a key is suspended: it acts for its creator, who is no longer an active owner or
 * admin (authenticate.ts refuses it; the owner sees which keys to hand over).
 */
export const keySuspended = (creator: { role: Role | null; active: boolean | null } | undefined) =>
  !creator?.active || !creator.role || !isHr(creator.role);

export const keyActions = ['revoke', 'handOver'] as const;
export type KeyAction = (typeof keyActions)[number];

/** Any owner or admin revokes a live key; only the owner hands one over. */
export function allowedKeyActions(p: Principal, key: { revokedAt: string | null }): KeyAction[] {
  if (p.kind !== 'user' || !isHr(p.role) || key.revokedAt) return [];
  return p.role === 'owner' ? ['revoke', 'handOver'] : ['revoke'];
}

/**
 * The control an admin takes of an account they create or whose password they set, to be
 * written with that change (undefined for the owner, the company's last resort: see
 * db/schema/users.ts). From then on the account's actions on the admin's own month are theirs.
 */
export function controlTaken(scope: Scope, userId: string, how: 'created' | 'reset', at: string) {
  const p = scope.principal;
  if (p.kind !== 'user' || p.role === 'owner') return undefined;
  return { tenantId: scope.tenantId, userId, controllerId: p.userId, how, at };
}

/** Only the owner hands a key over, and only to an active owner or admin (keys act for HR). */
export function assertMayHandOverKey(scope: Scope, to: { role: Role; active: boolean }): void {
  const p = scope.principal;
  if (p.kind !== 'user' || p.role !== 'owner')
    throw new ApiError('FORBIDDEN', { message: 'OWNER_HANDS_OVER_KEYS', details: { rule: 'key_handover' } });
  if (!to.active || !isHr(to.role))
    throw new ApiError('CONFLICT', { message: 'KEY_HOLDER_NOT_ADMIN', field: 'userId' });
}
