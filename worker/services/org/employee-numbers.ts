import { and, eq, inArray, ne } from 'drizzle-orm';
import { retiredEmployeeNos } from '../../../db/schema';
import type { Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { ApiError } from '../../lib/errors';
import type { Scope } from '../scope';

/*
 * A 工号 keeps its history. When an employee's number changes, the old one stays theirs:
 * systems that push metrics by 工号 (/ingest) still reach the person, so one renamed number
 * never fails a colleague's all-or-nothing batch, and nobody else can be given it.
 */

/** The numbers among `numbers` retired by an employee other than `employeeId`. */
export async function retiredByOthers(scope: Scope, numbers: string[], employeeId?: string) {
  const taken = new Set<string>();
  for (const part of chunk(numbers, IDS_PER_STATEMENT - 2)) {
    const rows = await scope.db
      .select({ employeeNo: retiredEmployeeNos.employeeNo })
      .from(retiredEmployeeNos)
      .where(
        and(
          eq(retiredEmployeeNos.tenantId, scope.tenantId),
          inArray(retiredEmployeeNos.employeeNo, part),
          employeeId ? ne(retiredEmployeeNos.employeeId, employeeId) : undefined,
        ),
      );
    for (const r of rows) taken.add(r.employeeNo);
  }
  return taken;
}

/** 409 when the number once belonged to someone else. */
export async function assertNumberFree(scope: Scope, employeeNo: string, employeeId?: string) {
  if ((await retiredByOthers(scope, [employeeNo], employeeId)).size > 0)
    throw new ApiError('CONFLICT', {
      message: 'EMPLOYEE_NO_RETIRED',
      params: { employeeNo },
      field: 'employeeNo',
    });
}

/** The statements that keep `from` as the employee's old number (and take `to` back out of history). */
export function renumber(
  scope: Scope,
  employeeId: string,
  from: string,
  to: string,
  now: string,
): Statement[] {
  return [
    scope.db
      .delete(retiredEmployeeNos)
      .where(
        and(
          eq(retiredEmployeeNos.tenantId, scope.tenantId),
          eq(retiredEmployeeNos.employeeNo, to),
          eq(retiredEmployeeNos.employeeId, employeeId),
        ),
      ),
    scope.db
      .insert(retiredEmployeeNos)
      .values({ tenantId: scope.tenantId, employeeNo: from, employeeId, retiredAt: now })
      .onConflictDoNothing(),
  ];
}
