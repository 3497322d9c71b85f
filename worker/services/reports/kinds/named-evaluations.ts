import { and, eq, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import { departments, employees, evaluations, positions } from '../../../../db/schema';
import { visibleEvaluations } from '../../../access/policy';
import type { Scope } from '../../scope';

/** Rows per D1 read: a page is what an export holds in memory besides one R2 part. */
export const PAGE_ROWS = 500;

/**
 * Evaluations with what a reader needs beside the figures (工号, 姓名, 部门, 岗位), the joins
 * every row-per-evaluation report shares. A dynamic query: the kind adds joins, order, limit.
 */
export function namedEvaluations<T extends SelectedFields>(scope: Scope, fields: T) {
  return scope.db
    .select({
      employeeNo: employees.employeeNo,
      name: employees.name,
      department: departments.name,
      position: positions.name,
      ...fields,
    })
    .from(evaluations)
    .innerJoin(
      employees,
      and(eq(employees.tenantId, evaluations.tenantId), eq(employees.id, evaluations.employeeId)),
    )
    .innerJoin(
      departments,
      and(eq(departments.tenantId, evaluations.tenantId), eq(departments.id, evaluations.departmentId)),
    )
    .innerJoin(
      positions,
      and(eq(positions.tenantId, evaluations.tenantId), eq(positions.id, evaluations.positionId)),
    )
    .$dynamic();
}

/** The tenant's evaluations that the report's creator may see, and `more`. */
export const reportable = (scope: Scope, ...more: (SQL | undefined)[]) =>
  and(eq(evaluations.tenantId, scope.tenantId), visibleEvaluations(scope), ...more);
