import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { evaluations, periods } from '../../../db/schema';
import type { AuditChange, Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import type { Change } from '../../domain/evaluation/aggregate';
import { loadWhere } from '../evaluations/load';
import { type PositionPay, positionPay } from '../evaluations/pinning';
import { applyAll, auditFor, statementsFor } from '../evaluations/store';
import type { Scope } from '../scope';

/**
 * What changed about an employee in one org write: their new department and/or position. A
 * field left out did not change, and the evaluations keep what they have for it.
 */
export interface EmployeeChange {
  employeeId: string;
  departmentId?: string;
  positionId?: string;
}

type Follow = Extract<Change, { kind: 'follow' }>;

/**
 * The evaluations of open periods matching `match`, each with the change the org write means
 * for it, as statements and audit entries for the caller's batch. The aggregate decides which
 * evaluations follow (not approved or locked) and writes one revision step each.
 */
async function follow(scope: Scope, match: SQL, changeFor: (employeeId: string) => Follow) {
  // HR moving or re-pricing their own open evaluation is acting on it: refused like any other.
  const states = await loadWhere(scope, and(match, eq(periods.status, 'open')) as SQL, {
    relation: 'system',
    selfStays: true,
  });
  const applied = await applyAll(
    scope,
    states.map((state) => ({ state, change: changeFor(state.row.employeeId) })),
  );
  return { statements: statementsFor(scope, applied), audit: auditFor(applied) };
}

/**
 * The statements and audit entries that carry employees' unsettled evaluations of open periods
 * along with a department or position change, for the same batch as the employee change.
 * Supervisors' access follows `evaluations.department_id`, so without the move the old
 * supervisor keeps the evaluation and the new one never sees it; payroll reads the pay the
 * evaluation holds, so without the reprice the month is paid at the old position's rate. Reads
 * run inside the caller's plan: any other audited write in between makes `commit` replan.
 */
export async function evaluationsFollow(
  scope: Scope,
  changes: EmployeeChange[],
): Promise<{ statements: Statement[]; audit: AuditChange[] }> {
  const wanted = changes.filter((c) => c.departmentId !== undefined || c.positionId !== undefined);
  if (wanted.length === 0) return { statements: [], audit: [] };
  const byEmployee = new Map(wanted.map((c) => [c.employeeId, c]));
  const pay = wanted.some((c) => c.positionId !== undefined) ? await positionPay(scope) : new Map();
  const changeFor = (employeeId: string): Follow => {
    const c = byEmployee.get(employeeId) as EmployeeChange;
    if (c.positionId === undefined) return { kind: 'follow', departmentId: c.departmentId };
    const money = pay.get(c.positionId);
    if (!money) throw new Error(`position ${c.positionId} is missing`);
    return { kind: 'follow', departmentId: c.departmentId, position: { id: c.positionId, pay: money } };
  };
  const out = { statements: [] as Statement[], audit: [] as AuditChange[] };
  for (const ids of chunk([...byEmployee.keys()], IDS_PER_STATEMENT)) {
    const part = await follow(scope, inArray(evaluations.employeeId, ids), changeFor);
    out.statements.push(...part.statements);
    out.audit.push(...part.audit);
  }
  return out;
}

/**
 * The statements and audit entries that re-price every unsettled evaluation of an open period
 * held at `positionId` when HR corrects that position's pay, for the same batch as the
 * position change. Closed months and approved evaluations keep what was paid.
 */
export function evaluationReprices(scope: Scope, positionId: string, pay: PositionPay) {
  return follow(scope, eq(evaluations.positionId, positionId), () => ({
    kind: 'follow',
    position: { id: positionId, pay },
  }));
}
