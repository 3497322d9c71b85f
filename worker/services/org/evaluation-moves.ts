import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { evaluations, periods } from '../../../db/schema';
import type { AuditChange, Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { payFor } from '../../domain/evaluation/pay';
import { nowIso } from '../../lib/time';
import { type PositionPay, positionPay } from '../evaluations/pinning';
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

/** Approved and locked evaluations are history: they keep the department and pay they were judged with. */
const SETTLED: ('approved' | 'locked')[] = ['approved', 'locked'];

// IN lists hold IDS_PER_STATEMENT ids: an UPDATE here binds at most 8 more parameters
// (department, position, four pay fields, updated_at, tenant), a SELECT 4.

const unsettledColumns = {
  id: evaluations.id,
  employeeId: evaluations.employeeId,
  departmentId: evaluations.departmentId,
  positionId: evaluations.positionId,
  revision: evaluations.revision,
  k: evaluations.k,
  baseSalaryFen: evaluations.baseSalaryFen,
  bonusBaseFen: evaluations.bonusBaseFen,
  bonusFen: evaluations.bonusFen,
  payTotalFen: evaluations.payTotalFen,
};
type Unsettled = { [K in keyof typeof unsettledColumns]: (typeof evaluations.$inferSelect)[K] };

/** The evaluations matching `match` that can still change: period open, not approved or locked. */
function unsettled(scope: Scope, match: SQL): Promise<Unsettled[]> {
  return scope.db
    .select(unsettledColumns)
    .from(evaluations)
    .innerJoin(periods, and(eq(periods.tenantId, evaluations.tenantId), eq(periods.id, evaluations.periodId)))
    .where(
      and(
        eq(evaluations.tenantId, scope.tenantId),
        match,
        eq(periods.status, 'open'),
        notInArray(evaluations.status, SETTLED),
      ),
    );
}

/** Where an evaluation should be now; a part left out stays as it is. */
interface Target {
  departmentId?: string;
  position?: { id: string; pay: PositionPay };
}

type Pay = Pick<Unsettled, 'baseSalaryFen' | 'bonusBaseFen' | 'bonusFen' | 'payTotalFen'>;
const PAY_FIELDS = ['baseSalaryFen', 'bonusBaseFen', 'bonusFen', 'payTotalFen'] as const;

/** The position's pay at the evaluation's own K (工资总额 = 基本工资 + 绩效奖金基数 × K). */
function priced(pay: PositionPay, k: number): Pay {
  const money = payFor(pay.baseSalaryFen, pay.bonusBaseFen, k);
  return {
    baseSalaryFen: money.baseSalaryFen,
    bonusBaseFen: money.bonusBaseFen,
    bonusFen: money.bonusFen,
    payTotalFen: money.totalFen,
  };
}

const payOf = (e: Pay): Pay => ({
  baseSalaryFen: e.baseSalaryFen,
  bonusBaseFen: e.bonusBaseFen,
  bonusFen: e.bonusFen,
  payTotalFen: e.payTotalFen,
});

type Changes = { departmentId?: string; positionId?: string } & Partial<Pay>;

/**
 * One coherent change per evaluation, however many of its parts move: a single UPDATE sets the
 * new department and/or position and pay and bumps the revision (its ETag) once. Evaluations
 * that get the same values share a statement (chunked at 90 ids), so a pay correction for a
 * whole position costs a statement per K in use, not one per person. Each evaluation gets an
 * `evaluation.move` entry if its department changed and an `evaluation.reprice` entry if its
 * position or pay did; both record the same revision step, because they are one change.
 */
function follow(scope: Scope, plans: { e: Unsettled; to: Target }[]) {
  const groups = new Map<string, { set: Changes; ids: string[] }>();
  const audit: AuditChange[] = [];
  for (const { e, to } of plans) {
    const set: Changes = {};
    if (to.departmentId !== undefined && to.departmentId !== e.departmentId)
      set.departmentId = to.departmentId;
    let repriced: ({ positionId: string } & Pay) | undefined;
    if (to.position) {
      const pay = priced(to.position.pay, e.k);
      if (to.position.id !== e.positionId || PAY_FIELDS.some((f) => pay[f] !== e[f])) {
        repriced = { positionId: to.position.id, ...pay };
        Object.assign(set, repriced);
      }
    }
    const key = JSON.stringify(set);
    if (key === '{}') continue;
    const group = groups.get(key) ?? { set, ids: [] };
    group.ids.push(e.id);
    groups.set(key, group);

    const revision = e.revision + 1;
    if (set.departmentId !== undefined) {
      audit.push({
        action: 'evaluation.move',
        entityType: 'evaluation',
        entityId: e.id,
        before: { departmentId: e.departmentId, revision: e.revision },
        after: { departmentId: set.departmentId, revision, employeeId: e.employeeId },
      });
    }
    if (repriced) {
      audit.push({
        action: 'evaluation.reprice',
        entityType: 'evaluation',
        entityId: e.id,
        before: { positionId: e.positionId, ...payOf(e), revision: e.revision },
        after: { ...repriced, revision, employeeId: e.employeeId, k: e.k },
      });
    }
  }
  const now = nowIso();
  const statements: Statement[] = [...groups.values()].flatMap(({ set, ids }) =>
    chunk(ids, IDS_PER_STATEMENT).map((part) =>
      scope.db
        .update(evaluations)
        .set({ ...set, revision: sql`${evaluations.revision} + 1`, updatedAt: now })
        .where(and(eq(evaluations.tenantId, scope.tenantId), inArray(evaluations.id, part))),
    ),
  );
  return { statements, audit };
}

/**
 * The statements and audit entries that carry employees' unsettled evaluations of open periods
 * along with a department or position change, for the same batch as the employee change.
 * Supervisors' access follows `evaluations.department_id`, so without the move the old
 * supervisor keeps the evaluation and the new one never sees it; payroll reads the pay the
 * evaluation holds, so without the reprice the month is paid at the old position's rate. A new
 * position's pay is applied at the evaluation's stored K. Each changed evaluation's revision
 * is bumped once, so a write prepared before the change gets 412. Reads run inside the
 * caller's plan: any other audited write in between moves the chain head and `commit` replans.
 */
export async function evaluationsFollow(
  scope: Scope,
  changes: EmployeeChange[],
): Promise<{ statements: Statement[]; audit: AuditChange[] }> {
  const wanted = changes.filter((c) => c.departmentId !== undefined || c.positionId !== undefined);
  if (wanted.length === 0) return { statements: [], audit: [] };
  const byEmployee = new Map(wanted.map((c) => [c.employeeId, c]));
  const open: Unsettled[] = [];
  for (const ids of chunk([...byEmployee.keys()], IDS_PER_STATEMENT)) {
    open.push(...(await unsettled(scope, inArray(evaluations.employeeId, ids))));
  }
  const pay = wanted.some((c) => c.positionId !== undefined) ? await positionPay(scope) : new Map();
  return follow(
    scope,
    open.map((e) => {
      const c = byEmployee.get(e.employeeId) as EmployeeChange;
      if (c.positionId === undefined) return { e, to: { departmentId: c.departmentId } };
      const money = pay.get(c.positionId);
      if (!money) throw new Error(`position ${c.positionId} is missing`);
      return { e, to: { departmentId: c.departmentId, position: { id: c.positionId, pay: money } } };
    }),
  );
}

/**
 * The statements and audit entries that re-price every unsettled evaluation of an open period
 * held at `positionId` when HR corrects that position's pay, for the same batch as the
 * position change. Closed months and approved evaluations keep what was paid.
 */
export async function evaluationReprices(
  scope: Scope,
  positionId: string,
  pay: PositionPay,
): Promise<{ statements: Statement[]; audit: AuditChange[] }> {
  const open = await unsettled(scope, eq(evaluations.positionId, positionId));
  return follow(
    scope,
    open.map((e) => ({ e, to: { position: { id: positionId, pay } } })),
  );
}
