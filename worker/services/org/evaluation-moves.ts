import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { evaluations, periods } from '../../../db/schema';
import type { AuditChange, Statement } from '../../audit/commit';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { chunk } from './issues';

/** An employee who now belongs to `departmentId`. */
export interface DepartmentMove {
  employeeId: string;
  departmentId: string;
}

/** Approved and locked evaluations are history: they stay with the department that judged them. */
const SETTLED: ('approved' | 'locked')[] = ['approved', 'locked'];

/** Ids per IN list: the statement's other parameters (at most 4) fit beside them under D1's 100. */
const IDS_PER_STATEMENT = 90;

/**
 * The statements and audit entries that carry employees' unsettled evaluations of open periods
 * to their new department, for the same batch as the employee change. Supervisors' access
 * follows `evaluations.department_id`, so without this the old supervisor keeps the
 * evaluation and the new one never sees it. Each moved evaluation's revision (its ETag) is
 * bumped, so a write prepared before the move gets 412. Reads run inside the caller's plan:
 * any other audited write in between moves the chain head and `commit` replans.
 */
export async function evaluationMoves(
  scope: Scope,
  moves: DepartmentMove[],
): Promise<{ statements: Statement[]; audit: AuditChange[] }> {
  const target = new Map(moves.map((m) => [m.employeeId, m.departmentId]));
  const open: { id: string; employeeId: string; departmentId: string; revision: number }[] = [];
  for (const ids of chunk([...target.keys()], IDS_PER_STATEMENT)) {
    const rows = await scope.db
      .select({
        id: evaluations.id,
        employeeId: evaluations.employeeId,
        departmentId: evaluations.departmentId,
        revision: evaluations.revision,
      })
      .from(evaluations)
      .innerJoin(
        periods,
        and(eq(periods.tenantId, evaluations.tenantId), eq(periods.id, evaluations.periodId)),
      )
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          inArray(evaluations.employeeId, ids),
          eq(periods.status, 'open'),
          notInArray(evaluations.status, SETTLED),
        ),
      );
    open.push(...rows);
  }
  const moving = open.filter((e) => target.get(e.employeeId) !== e.departmentId);
  const byDepartment = new Map<string, string[]>();
  for (const e of moving) {
    const to = target.get(e.employeeId) as string;
    byDepartment.set(to, [...(byDepartment.get(to) ?? []), e.id]);
  }
  const now = nowIso();
  const statements = [...byDepartment].flatMap(([departmentId, ids]) =>
    chunk(ids, IDS_PER_STATEMENT).map((part) =>
      scope.db
        .update(evaluations)
        .set({ departmentId, revision: sql`${evaluations.revision} + 1`, updatedAt: now })
        .where(and(eq(evaluations.tenantId, scope.tenantId), inArray(evaluations.id, part))),
    ),
  );
  const audit: AuditChange[] = moving.map((e) => ({
    action: 'evaluation.move',
    entityType: 'evaluation',
    entityId: e.id,
    before: { departmentId: e.departmentId, revision: e.revision },
    after: { departmentId: target.get(e.employeeId), revision: e.revision + 1, employeeId: e.employeeId },
  }));
  return { statements, audit };
}
