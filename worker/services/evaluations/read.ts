import { and, asc, count, desc, eq, getTableColumns, gt, or, sql } from 'drizzle-orm';
import { appeals, employees, evaluationInputs, evaluations, periods } from '../../../db/schema';
import {
  allowedActions,
  type OfferedAction,
  relationTo,
  supervisesEvaluation,
  visibleEvaluations,
} from '../../access/policy';
import {
  type AppealRow,
  type EvaluationRow,
  type EvaluationState,
  publicInput,
} from '../../domain/evaluation/aggregate';
import type { ScoreResult } from '../../domain/scheme';
import { notFound } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Scope } from '../scope';
import { etagOf } from './etag';

type EmployeeInfo = { employeeNo: string; name: string };

/**
 * Every column but the breakdown. A list never shows breakdowns, and reading and parsing
 * 200 of them was most of what a ranking request cost.
 */
const { breakdown: _breakdown, ...summaryColumns } = getTableColumns(evaluations);
type EvaluationSummary = Omit<EvaluationRow, 'breakdown'>;

/** What people and payroll see of an evaluation, with what the caller may do to it. */
export function publicEvaluation(
  e: EvaluationSummary,
  who: EmployeeInfo | undefined,
  actions: OfferedAction[],
) {
  return {
    id: e.id,
    periodId: e.periodId,
    employeeId: e.employeeId,
    employeeNo: who?.employeeNo ?? null,
    employeeName: who?.name ?? null,
    departmentId: e.departmentId,
    positionId: e.positionId,
    schemeId: e.schemeId,
    schemeVersionId: e.schemeVersionId,
    status: e.status,
    revision: e.revision,
    etag: etagOf(e),
    total: e.totalCenti / 100,
    grade: e.grade,
    k: e.k,
    vetoed: e.vetoed,
    pay: {
      baseSalaryFen: e.baseSalaryFen,
      bonusBaseFen: e.bonusBaseFen,
      bonusFen: e.bonusFen,
      totalFen: e.payTotalFen,
    },
    missingRequired: e.missingRequired,
    allowedActions: actions,
    updatedAt: e.updatedAt,
  };
}

/** Where the caller stands to a row read with `partyColumns`, as the actions they may take. */
function actionsOn(scope: Scope, e: EvaluationSummary, c: PartyColumns): OfferedAction[] {
  const relation = relationTo(scope.principal, {
    employeeUserId: c.employeeUserId,
    supervises: Number(c.supervises) === 1,
  });
  return allowedActions(scope.principal, {
    relation,
    status: e.status,
    periodStatus: c.periodStatus,
    employeeActive: Number(c.employeeActive) === 1,
  });
}

/**
 * The columns beside an evaluation (joined with its employee and period) that relate the caller
 * to it. Aliased: a D1 batch answers rows as objects, where `periods.status` would overwrite
 * `evaluations.status` and shift every column after it.
 */
const partyColumns = (scope: Scope) => ({
  employeeNo: sql<string>`${employees.employeeNo}`.as('party_employee_no'),
  name: sql<string>`${employees.name}`.as('party_name'),
  employeeUserId: sql<string | null>`${employees.userId}`.as('party_user_id'),
  employeeActive: sql<number>`${employees.active}`.as('party_active'),
  periodStatus: sql<'open' | 'closed'>`${periods.status}`.as('party_period_status'),
  supervises: supervisesEvaluation(scope).as('party_supervises'),
});
type PartyColumns = {
  employeeUserId: string | null;
  employeeActive: number;
  periodStatus: 'open' | 'closed';
  supervises: number;
};

const withEmployee = and(
  eq(employees.tenantId, evaluations.tenantId),
  eq(employees.id, evaluations.employeeId),
);
const withPeriod = and(eq(periods.tenantId, evaluations.tenantId), eq(periods.id, evaluations.periodId));

const inputsOf = (scope: Scope, evaluationId: string) =>
  scope.db
    .select()
    .from(evaluationInputs)
    .where(
      and(eq(evaluationInputs.tenantId, scope.tenantId), eq(evaluationInputs.evaluationId, evaluationId)),
    )
    .orderBy(asc(evaluationInputs.createdAt));

const appealsOf = (scope: Scope, evaluationId: string) =>
  scope.db
    .select()
    .from(appeals)
    .where(and(eq(appeals.tenantId, scope.tenantId), eq(appeals.evaluationId, evaluationId)))
    .orderBy(asc(appeals.createdAt));

/**
 * One evaluation with its breakdown, every input (voided ones marked) and its appeals, in one
 * round trip to D1: the two beside the evaluation are read by its id alone and dropped when
 * the caller may not see it (then 404, as for another tenant's).
 */
export async function getEvaluation(scope: Scope, id: string) {
  const [found, inputs, appealRows] = await scope.db.batch([
    scope.db
      .select({ e: evaluations, ...partyColumns(scope) })
      .from(evaluations)
      .innerJoin(employees, withEmployee)
      .innerJoin(periods, withPeriod)
      .where(and(eq(evaluations.id, id), visibleEvaluations(scope))),
    inputsOf(scope, id),
    appealsOf(scope, id),
  ]);
  const row = found[0];
  if (!row) throw notFound();
  return details(row.e, row, actionsOn(scope, row.e, row), inputs, appealRows);
}

function details(
  e: EvaluationRow,
  who: EmployeeInfo | undefined,
  actions: OfferedAction[],
  inputs: (typeof evaluationInputs.$inferSelect)[],
  appealRows: (typeof appeals.$inferSelect)[],
) {
  return {
    ...publicEvaluation(e, who, actions),
    breakdown: e.breakdown as ScoreResult,
    inputs: inputs.map(publicInput),
    appeals: appealRows.map(publicAppeal),
  };
}

/** What people see of an appeal. */
export function publicAppeal(a: AppealRow) {
  return {
    id: a.id,
    reason: a.reason,
    disputedInputIds: a.disputedInputIds,
    status: a.status,
    answer: a.answer,
    voidedInputIds: a.voidedInputIds,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    resolvedBy: a.resolvedBy,
    resolvedAt: a.resolvedAt,
  };
}

/**
 * An evaluation as GET /evaluations/{id} shows it, from a state the caller already holds (the
 * aggregate's answer to a change): nothing is read again after a commit.
 */
export function detailOf(scope: Scope, state: EvaluationState) {
  const { row, employee, detail } = state;
  const actions = allowedActions(scope.principal, {
    relation: state.relation,
    status: row.status,
    periodStatus: state.period.status,
    employeeActive: employee.active,
  });
  return {
    ...publicEvaluation(row, employee, actions),
    breakdown: row.breakdown as ScoreResult,
    inputs: (detail?.inputs ?? []).map(publicInput),
    appeals: (detail?.appeals ?? []).map(publicAppeal),
  };
}

export interface EvaluationFilter {
  periodId?: string;
  employeeId?: string;
  departmentId?: string;
  status?: EvaluationRow['status'];
  grade?: string;
  sort?: 'rank' | 'employeeNo';
  cursor?: string;
  limit: number;
}

/**
 * Where an evaluation stands in its period's ranking: everyone not vetoed above everyone
 * vetoed (一票否决 fails the month whatever the points), then by total; equal standing, equal rank.
 */
const standing = (e: { vetoed: boolean; totalCenti: number }) => `${e.vetoed ? 1 : 0}:${e.totalCenti}`;

/**
 * Evaluations the caller may see. `sort=rank` orders by standing (vetoed last, then the
 * highest total first) and numbers them with competition ranking (equal standing shares a
 * rank: 1, 2, 2, 4).
 */
export async function listEvaluations(scope: Scope, f: EvaluationFilter) {
  const offset = decodeCursor<number>(f.cursor, 'number') ?? 0;
  const where = and(
    f.periodId ? eq(evaluations.periodId, f.periodId) : undefined,
    f.employeeId ? eq(evaluations.employeeId, f.employeeId) : undefined,
    f.departmentId ? eq(evaluations.departmentId, f.departmentId) : undefined,
    f.status ? eq(evaluations.status, f.status) : undefined,
    f.grade ? eq(evaluations.grade, f.grade) : undefined,
    visibleEvaluations(scope),
  );
  const rows = await scope.db
    .select({ e: summaryColumns, ...partyColumns(scope) })
    .from(evaluations)
    .innerJoin(employees, withEmployee)
    .innerJoin(periods, withPeriod)
    .where(where)
    .orderBy(
      ...(f.sort === 'rank'
        ? [asc(evaluations.vetoed), desc(evaluations.totalCenti), asc(employees.employeeNo)]
        : // Month order (an employee's history reads 2026-10, 2026-11 …); ids are random.
          [asc(periods.key), asc(employees.employeeNo)]),
    )
    .limit(f.limit + 1)
    .offset(offset);
  const page = rows.slice(0, f.limit);
  let rank = 0;
  let previous: string | undefined;
  const first = page[0];
  if (f.sort === 'rank' && offset > 0 && first) {
    // A later page may open inside a tie: its first row's rank is 1 + the rows standing higher.
    const above = first.e.vetoed
      ? or(eq(evaluations.vetoed, false), gt(evaluations.totalCenti, first.e.totalCenti))
      : and(eq(evaluations.vetoed, false), gt(evaluations.totalCenti, first.e.totalCenti));
    const [higher] = await scope.db
      .select({ n: count() })
      .from(evaluations)
      .innerJoin(employees, withEmployee)
      .where(and(where, above));
    rank = (higher?.n ?? 0) + 1;
    previous = standing(first.e);
  }
  const items = page.map((r, i) => {
    const item = publicEvaluation(r.e, r, actionsOn(scope, r.e, r));
    if (f.sort !== 'rank') return item;
    if (standing(r.e) !== previous) rank = offset + i + 1;
    previous = standing(r.e);
    return { ...item, rank };
  });
  return { items, nextCursor: rows.length > f.limit ? encodeCursor(offset + f.limit) : null };
}
