import { and, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import { departmentSupervisors, employees, evaluations, reports } from '../../db/schema';
import type { Scope } from '../services/scope';
import { exportableKinds } from './exports';
import { isHr, seesWholeTenant } from './principal';

/*
 * What a caller may see, as WHERE conditions per table, always with the tenant: HR, auditors and
 * keys see the company; a supervisor the departments they supervise (and their own records);
 * an employee their own. Subqueries, not id lists, so no caller nears D1's 100 bound parameters.
 */

/** The departments a supervisor supervises, as a subquery. */
function supervisedSubquery(scope: Scope, userId: string) {
  return scope.db
    .select({ id: departmentSupervisors.departmentId })
    .from(departmentSupervisors)
    .where(and(eq(departmentSupervisors.tenantId, scope.tenantId), eq(departmentSupervisors.userId, userId)));
}

/** The employee records linked to the caller's login, as a subquery. */
function ownEmployeesSubquery(scope: Scope, userId: string) {
  return scope.db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.userId, userId)));
}

/** The evaluations the caller may read. */
export function visibleEvaluations(scope: Scope): SQL {
  const p = scope.principal;
  const tenant = eq(evaluations.tenantId, scope.tenantId);
  if (seesWholeTenant(p) || p.kind !== 'user') return tenant;
  const own = inArray(evaluations.employeeId, ownEmployeesSubquery(scope, p.userId));
  if (p.role !== 'supervisor') return and(tenant, own) as SQL;
  // Their departments, and their own evaluation wherever they sit.
  const supervised = inArray(evaluations.departmentId, supervisedSubquery(scope, p.userId));
  return and(tenant, or(supervised, own)) as SQL;
}

/** The employees the caller may read (an employee: their own record). */
export function visibleEmployees(scope: Scope): SQL {
  const p = scope.principal;
  const tenant = eq(employees.tenantId, scope.tenantId);
  if (seesWholeTenant(p) || p.kind !== 'user') return tenant;
  if (p.role === 'supervisor')
    return and(tenant, inArray(employees.departmentId, supervisedSubquery(scope, p.userId))) as SQL;
  return and(tenant, eq(employees.userId, p.userId)) as SQL;
}

/** The departments whose staff the caller sees: all, a supervisor's own, or none. */
export async function supervisedDepartmentIds(scope: Scope): Promise<string[] | 'all'> {
  const p = scope.principal;
  if (seesWholeTenant(p) || p.kind !== 'user') return 'all';
  if (p.role !== 'supervisor') return [];
  return (await supervisedSubquery(scope, p.userId)).map((r) => r.id);
}

/**
 * Whether the caller supervises the evaluation's department, as a column of the same
 * statement that loads it (0 for anyone but a supervisor).
 */
export function supervisesEvaluation(scope: Scope): SQL<number> {
  const p = scope.principal;
  if (p.kind !== 'user' || p.role !== 'supervisor') return sql<number>`0`;
  const link = scope.db
    .select({ one: sql`1` })
    .from(departmentSupervisors)
    .where(
      and(
        eq(departmentSupervisors.tenantId, scope.tenantId),
        eq(departmentSupervisors.userId, p.userId),
        eq(departmentSupervisors.departmentId, evaluations.departmentId),
      ),
    );
  return sql<number>`${exists(link)}`;
}

/**
 * The reports a caller may list, read and download: HR and auditors every report of the
 * company; keys every report of a kind they could export (an audit-log file HR made is no way
 * around audit:read); a supervisor or employee only their own.
 */
export function visibleReports(scope: Scope): SQL {
  const p = scope.principal;
  const tenant = eq(reports.tenantId, scope.tenantId);
  if (p.kind === 'api_key') {
    const kinds = exportableKinds(p);
    return kinds.length > 0 ? (and(tenant, inArray(reports.kind, kinds)) as SQL) : sql`0`;
  }
  return seesWholeTenant(p) ? tenant : (and(tenant, eq(reports.createdById, p.userId)) as SQL);
}

/** Deleting and retrying: HR and keys any report they see; everyone else their own. */
export function manageableReports(scope: Scope): SQL {
  const p = scope.principal;
  if (p.kind === 'api_key' || isHr(p.role)) return visibleReports(scope);
  return and(eq(reports.tenantId, scope.tenantId), eq(reports.createdById, p.userId)) as SQL;
}
