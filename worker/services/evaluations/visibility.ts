import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { departmentSupervisors, employees, evaluations } from '../../../db/schema';
import { notFound } from '../../lib/errors';
import type { Scope } from '../scope';

type EvaluationRow = typeof evaluations.$inferSelect;

/**
 * Which evaluations the caller may read, as a WHERE condition: HR, auditors and keys see all;
 * a supervisor sees the departments they supervise; an employee sees their own. Subqueries,
 * not id lists, so no caller can push a statement past D1's 100 bound parameters.
 */
export function visibleEvaluations(scope: Scope): SQL | undefined {
  const p = scope.principal;
  if (p.kind === 'api_key' || p.role === 'owner' || p.role === 'admin' || p.role === 'auditor')
    return undefined;
  const own = inArray(
    evaluations.employeeId,
    scope.db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.userId, p.userId))),
  );
  if (p.role === 'supervisor') {
    // Their departments, and their own evaluation wherever they sit.
    const supervised = inArray(
      evaluations.departmentId,
      scope.db
        .select({ id: departmentSupervisors.departmentId })
        .from(departmentSupervisors)
        .where(
          and(eq(departmentSupervisors.tenantId, scope.tenantId), eq(departmentSupervisors.userId, p.userId)),
        ),
    );
    return or(supervised, own);
  }
  return own;
}

/** One evaluation the caller may see, or 404 (another tenant's or another department's alike). */
export async function findVisibleEvaluation(scope: Scope, id: string): Promise<EvaluationRow> {
  const [row] = await scope.db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.id, id), visibleEvaluations(scope)));
  if (!row) throw notFound();
  return row;
}
