import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { employees, evaluationInputs, evaluations, periods, schemeVersions } from '../../../db/schema';
import { relationTo, supervisesEvaluation, visibleEvaluations } from '../../access/policy';
import type { Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import type { AppealRow, EvaluationState, InputRow } from '../../domain/evaluation/aggregate';
import type { Relation } from '../../domain/evaluation/workflow';
import type { SchemeContent } from '../../domain/scheme';
import type { Scope } from '../scope';

/*
 * Evaluations with their context, for the aggregate: the row, its period, the employee, how the
 * caller stands to it, and (with `detail`) the pinned scheme, the inputs and the appeals. Reads
 * for N evaluations go out as one D1 batch of selects, chunked under 100 bound parameters.
 */

/**
 * The appeals of each evaluation as one JSON column: an evaluation has a handful, and folding
 * them in saves recording an input a statement.
 */
const appealsJson = sql<string>`(SELECT json_group_array(json_object(
  'id', a.id, 'tenantId', a.tenant_id, 'evaluationId', a.evaluation_id, 'reason', a.reason,
  'disputedInputIds', json(a.disputed_input_ids), 'status', a.status, 'answer', a.answer,
  'voidedInputIds', json(a.voided_input_ids), 'createdBy', a.created_by, 'createdAt', a.created_at,
  'resolvedBy', a.resolved_by, 'resolvedAt', a.resolved_at))
  FROM appeals a WHERE a.tenant_id = ${evaluations.tenantId} AND a.evaluation_id = ${evaluations.id})`;

function contextQuery(scope: Scope, match: SQL, detail: boolean) {
  // Aliased: a D1 batch answers rows as objects, where `periods.status` would overwrite
  // `evaluations.status` and shift every column after it.
  const base = {
    row: evaluations,
    periodKey: sql<string>`${periods.key}`.as('period_key'),
    periodStatus: sql<'open' | 'closed'>`${periods.status}`.as('period_status'),
    employeeNo: sql<string>`${employees.employeeNo}`.as('employee_no'),
    employeeName: sql<string>`${employees.name}`.as('employee_name'),
    employeeUserId: sql<string | null>`${employees.userId}`.as('employee_user_id'),
    employeeActive: sql<number>`${employees.active}`.as('employee_active'),
    supervises: supervisesEvaluation(scope).as('supervises'),
  };
  const columns = detail
    ? {
        ...base,
        content: sql<string>`${schemeVersions.content}`.as('scheme_content'),
        appeals: appealsJson.as('appeals_json'),
      }
    : base;
  return scope.db
    .select(columns)
    .from(evaluations)
    .innerJoin(periods, and(eq(periods.tenantId, evaluations.tenantId), eq(periods.id, evaluations.periodId)))
    .innerJoin(
      employees,
      and(eq(employees.tenantId, evaluations.tenantId), eq(employees.id, evaluations.employeeId)),
    )
    .leftJoin(
      schemeVersions,
      and(
        eq(schemeVersions.tenantId, evaluations.tenantId),
        eq(schemeVersions.id, evaluations.schemeVersionId),
      ),
    )
    .where(and(match, visibleEvaluations(scope)));
}
type ContextRow = Awaited<ReturnType<typeof contextQuery>>[number] & {
  content?: unknown;
  appeals?: string;
};

const relationOf = (scope: Scope, c: ContextRow) =>
  relationTo(scope.principal, { employeeUserId: c.employeeUserId, supervises: Number(c.supervises) === 1 });

const byTime = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

function stateOf(
  scope: Scope,
  c: ContextRow,
  inputs: InputRow[] | undefined,
  opts: LoadOptions,
): EvaluationState {
  const own = opts.selfStays && relationOf(scope, c) === 'self';
  const state: EvaluationState = {
    row: c.row,
    period: { id: c.row.periodId, key: c.periodKey, status: c.periodStatus },
    employee: { employeeNo: c.employeeNo, name: c.employeeName, active: Number(c.employeeActive) === 1 },
    relation: own ? 'self' : (opts.relation ?? relationOf(scope, c)),
  };
  if (inputs) {
    if (c.content == null) throw new Error(`scheme version ${c.row.schemeVersionId} is missing`);
    const appeals = (JSON.parse(c.appeals ?? '[]') as AppealRow[]).sort(byTime);
    state.detail = { inputs, appeals, content: JSON.parse(c.content as string) as SchemeContent };
  }
  return state;
}

export interface LoadOptions {
  /** Also the pinned scheme, inputs and appeals (whatever rescoring or answering needs). */
  detail?: boolean;
  /** The caller's relation, when the change is a consequence of another (closing, an org change). */
  relation?: Relation;
  /** …except to their own evaluation: an org change by the person evaluated is still theirs. */
  selfStays?: boolean;
}

/**
 * The evaluations with these ids that the caller may see, in one batch of selects. Ids the
 * caller may not see (another department's, another tenant's) are simply absent.
 */
export async function loadByIds(scope: Scope, ids: string[], opts: LoadOptions = {}) {
  const parts = chunk([...new Set(ids)], IDS_PER_STATEMENT);
  if (parts.length === 0) return [];
  const detail = opts.detail ?? false;
  const reads: Statement[] = parts.map((part) => contextQuery(scope, inArray(evaluations.id, part), detail));
  if (detail) {
    // Insertion order within an instant, as GET /evaluations/{id} shows them.
    for (const part of parts) {
      reads.push(
        scope.db
          .select()
          .from(evaluationInputs)
          .where(
            and(eq(evaluationInputs.tenantId, scope.tenantId), inArray(evaluationInputs.evaluationId, part)),
          )
          .orderBy(asc(evaluationInputs.createdAt), asc(sql`rowid`)),
      );
    }
  }
  const results = (await scope.db.batch(reads as [Statement, ...Statement[]])) as unknown[][];
  const contexts = results.slice(0, parts.length).flat() as ContextRow[];
  const inputsOf = new Map<string, InputRow[]>();
  if (detail) {
    for (const r of results.slice(parts.length).flat() as InputRow[]) {
      const list = inputsOf.get(r.evaluationId) ?? [];
      list.push(r);
      inputsOf.set(r.evaluationId, list);
    }
  }
  return contexts.map((c) => stateOf(scope, c, detail ? (inputsOf.get(c.row.id) ?? []) : undefined, opts));
}

/** The evaluations matching `match` (rows and context, no detail): for locking and org changes. */
export async function loadWhere(
  scope: Scope,
  match: SQL,
  opts: LoadOptions & { relation: Relation },
): Promise<EvaluationState[]> {
  const rows = (await contextQuery(scope, match, false).orderBy(asc(evaluations.id))) as ContextRow[];
  return rows.map((c) => stateOf(scope, c, undefined, opts));
}
