import { and, eq } from 'drizzle-orm';
import { employees } from '../../../db/schema';
import { visibleEmployees } from '../../access/policy';
import { notFound } from '../../lib/errors';
import type { Scope } from '../scope';

export type EmployeeRow = typeof employees.$inferSelect;

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
    .where(and(eq(employees.id, employeeId), visibleEmployees(scope)));
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
