import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { departmentSupervisors, employees } from '../../../db/schema';
import { notFound } from '../../lib/errors';
import type { Scope } from '../scope';

export type EmployeeRow = typeof employees.$inferSelect;

/**
 * The departments whose employees the caller sees: `'all'` for owners, admins, auditors and API
 * keys (their route access already checked the scope); a supervisor's own departments; none for
 * an employee (who sees only their own record, see `visibleEmployees`).
 */
export async function supervisedDepartmentIds(scope: Scope): Promise<string[] | 'all'> {
  const p = scope.principal;
  if (p.kind === 'api_key' || p.role === 'owner' || p.role === 'admin' || p.role === 'auditor') return 'all';
  if (p.role !== 'supervisor') return [];
  const rows = await scope.db
    .select({ id: departmentSupervisors.departmentId })
    .from(departmentSupervisors)
    .where(
      and(eq(departmentSupervisors.tenantId, scope.tenantId), eq(departmentSupervisors.userId, p.userId)),
    );
  return rows.map((r) => r.id);
}

/**
 * The employees the caller may see, as a WHERE condition on `employees` (undefined: all of the
 * tenant). A subquery, not an id list, so no 100-parameter limit is ever near.
 */
export function visibleEmployees(scope: Scope): SQL | undefined {
  const p = scope.principal;
  if (p.kind === 'api_key' || p.role === 'owner' || p.role === 'admin' || p.role === 'auditor')
    return undefined;
  if (p.role === 'supervisor') {
    return inArray(
      employees.departmentId,
      scope.db
        .select({ id: departmentSupervisors.departmentId })
        .from(departmentSupervisors)
        .where(
          and(eq(departmentSupervisors.tenantId, scope.tenantId), eq(departmentSupervisors.userId, p.userId)),
        ),
    );
  }
  return eq(employees.userId, p.userId);
}

/** One employee of the tenant, whoever asks (for services that checked access otherwise). */
export async function findEmployee(scope: Scope, id: string): Promise<EmployeeRow> {
  const [row] = await scope.db
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * The employee if the caller may see them; otherwise 404, the same as another tenant's or a
 * missing id, so a supervisor learns nothing about other departments.
 */
export async function assertEmployeeVisible(scope: Scope, employeeId: string): Promise<EmployeeRow> {
  const [row] = await scope.db
    .select()
    .from(employees)
    .where(
      and(eq(employees.tenantId, scope.tenantId), eq(employees.id, employeeId), visibleEmployees(scope)),
    );
  if (!row) throw notFound();
  return row;
}

/** The employee record linked to a login (`employees.user_id`), if there is one. */
export async function employeeForUser(scope: Scope, userId: string): Promise<EmployeeRow | undefined> {
  const [row] = await scope.db
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.userId, userId)));
  return row;
}
