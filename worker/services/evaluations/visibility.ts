import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { departmentSupervisors, employees, evaluations } from '../../../db/schema';
import type { Relation } from '../../domain/evaluation/workflow';
import { notFound } from '../../lib/errors';
import { employeeForUser, supervisedDepartmentIds } from '../org';
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

/** How the caller stands to one evaluation, for the workflow's rules. */
export async function relationTo(scope: Scope, evaluation: EvaluationRow): Promise<Relation> {
  const p = scope.principal;
  if (p.kind === 'api_key') return p.scopes.includes('evaluations:write') ? 'integrator' : 'none';
  if (p.role === 'auditor') return 'none';
  // The person evaluated is only ever `self` to it, whatever their role: a supervisor does not
  // rate, nor HR approve, their own month.
  if ((await employeeForUser(scope, p.userId))?.id === evaluation.employeeId) return 'self';
  if (p.role === 'owner' || p.role === 'admin') return 'hr';
  if (p.role === 'supervisor') {
    const depts = await supervisedDepartmentIds(scope);
    return depts !== 'all' && depts.includes(evaluation.departmentId) ? 'supervisor' : 'none';
  }
  return 'none';
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
