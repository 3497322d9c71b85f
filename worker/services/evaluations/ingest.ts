import { and, eq, inArray } from 'drizzle-orm';
import { employees, evaluations, periods, retiredEmployeeNos } from '../../../db/schema';
import { ownEvaluationError, readsEmployees, readsScores, throughKey } from '../../access/policy';
import { commit } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { apply, type EvaluationState, type Refusal } from '../../domain/evaluation/aggregate';
import type { EvaluationInputs } from '../../domain/scheme';
import { type SchemeError, schemeErrorMessage } from '../../domain/scheme';
import { ApiError, type FieldIssue } from '../../lib/errors';
import { format, type Lang, type Texts } from '../../lib/i18n';
import { messages } from '../../lib/messages';
import type { Claim } from '../idempotency';
import type { Scope } from '../scope';
import { etagOf } from './etag';
import { loadByIds } from './load';
import { refusalError } from './refusals';
import { type Applied, auditFor, changeContext, statementsFor } from './store';

export type IngestRow =
  | { employeeNo: string; period: string; indicator: string; value: number; rule?: undefined }
  | {
      value?: undefined;
      employeeNo: string;
      period: string;
      indicator: string;
      rule: string;
      count?: number;
      evidence?: { recordingId?: string; complaintNo?: string; note?: string };
    };

/** Why a row cannot land on an evaluation, in the caller's language; `{row}` is the row's label. */
const rowTexts = {
  unknown_employee: messages.INGEST_unknown_employee,
  unknown_period: messages.INGEST_unknown_period,
  no_evaluation: messages.INGEST_no_evaluation,
  employee_inactive: messages.INGEST_employee_inactive,
  inputs_locked: messages.INGEST_inputs_locked,
  // For a caller who may not read employees: the same answer whether the 工号 exists or not.
  not_accepting: messages.INGEST_not_accepting,
} satisfies Record<string, Texts>;

/** `rows[536]` → 第537行 (a person counts from 1; the field keeps the index). */
const rowLabel = (index: number, lang: Lang) => format(messages.ROW_LABEL[lang], { index, n: index + 1 });

function rowIssue(
  lang: Lang,
  index: number,
  field: string,
  code: keyof typeof rowTexts,
  params: Record<string, string>,
): FieldIssue {
  const message = format(rowTexts[code][lang], { ...params, field, row: rowLabel(index, lang) });
  return { field, code, message };
}

/** The domain's sentence about an entry of one evaluation's inputs, retold about the caller's row. */
function rowSchemeMessage(e: SchemeError, index: number, rest: string, lang: Lang): string {
  if (lang === 'en') return schemeErrorMessage({ ...e, field: `rows[${index}]${rest}` }, lang);
  // 第538行的规则（rule）无效：…
  const issue = schemeErrorMessage({ ...e, field: rest.slice(1) || 'indicator' }, lang);
  return format(messages.ROW_SCHEME_ISSUE[lang], { row: rowLabel(index, lang), issue });
}

interface Group {
  evaluationId: string;
  inputs: EvaluationInputs;
  index: number[];
  label: { employeeNo: string; period: string };
}

/**
 * The employees the rows name, by 工号: current numbers first, then numbers they had before a
 * change (a monitoring system keeps sending the one it knows; it still reaches the person).
 */
async function employeesNamed(scope: Scope, numbers: string[]) {
  const byNo = new Map<string, { id: string }>();
  for (const part of chunk(numbers, IDS_PER_STATEMENT)) {
    const rows = await scope.db
      .select({ id: employees.id, employeeNo: employees.employeeNo })
      .from(employees)
      .where(and(eq(employees.tenantId, scope.tenantId), inArray(employees.employeeNo, part)));
    for (const e of rows) byNo.set(e.employeeNo, e);
  }
  const unknown = numbers.filter((n) => !byNo.has(n));
  for (const part of chunk(unknown, IDS_PER_STATEMENT)) {
    const rows = await scope.db
      .select({ id: retiredEmployeeNos.employeeId, employeeNo: retiredEmployeeNos.employeeNo })
      .from(retiredEmployeeNos)
      .where(
        and(eq(retiredEmployeeNos.tenantId, scope.tenantId), inArray(retiredEmployeeNos.employeeNo, part)),
      );
    for (const e of rows) byNo.set(e.employeeNo, e);
  }
  return byNo;
}

/** The inputs of the caller's rows, grouped by the evaluation each lands on, or why it cannot. */
async function locate(scope: Scope, rows: IngestRow[]) {
  // Only what the rows name: a batch of 1,000 rows reads its own people, not the company.
  const byNo = await employeesNamed(scope, [...new Set(rows.map((r) => r.employeeNo))]);
  const keys = [...new Set(rows.map((r) => r.period))];
  const periodRows = [];
  for (const part of chunk(keys, IDS_PER_STATEMENT))
    periodRows.push(
      ...(await scope.db
        .select()
        .from(periods)
        .where(and(eq(periods.tenantId, scope.tenantId), inArray(periods.key, part)))),
    );
  const periodByKey = new Map(periodRows.map((p) => [p.key, p]));
  const employeeIds = [...new Set([...byNo.values()].map((e) => e.id))];
  const evals = [];
  for (const period of periodRows) {
    for (const part of chunk(employeeIds, IDS_PER_STATEMENT - 2)) {
      evals.push(
        ...(await scope.db
          .select({ id: evaluations.id, periodId: evaluations.periodId, employeeId: evaluations.employeeId })
          .from(evaluations)
          .where(
            and(
              eq(evaluations.tenantId, scope.tenantId),
              eq(evaluations.periodId, period.id),
              inArray(evaluations.employeeId, part),
            ),
          )),
      );
    }
  }
  const evalOf = new Map(evals.map((e) => [`${e.periodId}:${e.employeeId}`, e.id]));
  const blind = !readsEmployees(scope.principal);
  const errors: FieldIssue[] = [];
  const groups = new Map<string, Group>();
  for (const [i, row] of rows.entries()) {
    const at = `rows[${i}]`;
    const { employeeNo, period: key } = row;
    const period = periodByKey.get(key);
    const employee = byNo.get(employeeNo);
    const evaluationId = period && employee ? evalOf.get(`${period.id}:${employee.id}`) : undefined;
    const missing = { employeeNo, period: key };
    if (!employee && !blind)
      errors.push(rowIssue(scope.lang, i, `${at}.employeeNo`, 'unknown_employee', { employeeNo }));
    else if (!period) errors.push(rowIssue(scope.lang, i, `${at}.period`, 'unknown_period', { period: key }));
    else if (!evaluationId)
      errors.push(
        rowIssue(scope.lang, i, `${at}.employeeNo`, blind ? 'not_accepting' : 'no_evaluation', missing),
      );
    if (!evaluationId) continue;
    const group = groups.get(evaluationId) ?? {
      evaluationId,
      inputs: { metrics: [], events: [], ratings: [], checks: [] },
      index: [],
      label: { employeeNo, period: key },
    };
    if (row.value !== undefined) group.inputs.metrics.push({ indicator: row.indicator, value: row.value });
    else {
      const { indicator, rule, count, evidence } = row;
      group.inputs.events.push({ indicator, rule, count: count ?? 1, evidence });
    }
    group.index.push(i);
    groups.set(evaluationId, group);
  }
  return { groups, errors, blind };
}

/** A refusal of one evaluation's rows as the caller's row errors (or a 403 for all of them). */
async function rowErrors(scope: Scope, rows: IngestRow[], g: Group, refusal: Refusal, blind: boolean) {
  if (refusal.rule === 'own_evaluation') throw await ownEvaluationError(scope, 'ingest');
  if (refusal.rule === 'employee_inactive')
    return g.index.map((i) =>
      blind
        ? rowIssue(scope.lang, i, `rows[${i}].employeeNo`, 'not_accepting', g.label)
        : rowIssue(scope.lang, i, `rows[${i}].employeeNo`, 'employee_inactive', g.label),
    );
  if (refusal.rule === 'wrong_state') {
    return g.index.map((i) =>
      blind
        ? rowIssue(scope.lang, i, `rows[${i}].employeeNo`, 'not_accepting', g.label)
        : rowIssue(scope.lang, i, `rows[${i}]`, 'inputs_locked', { ...g.label, status: refusal.status }),
    );
  }
  if (refusal.rule !== 'inputs_invalid') throw await refusalError(scope, refusal);
  return refusal.errors.map((e) => {
    // Map `metrics[2].indicator` back to the caller's row number.
    const m = /^(metrics|events)\[(\d+)\](.*)$/.exec(e.field);
    const kindRows = g.index.filter((i) => (rows[i]!.value !== undefined ? 'metrics' : 'events') === m?.[1]);
    const rowIndex = (m ? kindRows[Number(m[2])] : g.index[0]) ?? 0;
    const rest = m?.[3] ?? '';
    return {
      field: `rows[${rowIndex}]${rest}`,
      code: e.code,
      message: rowSchemeMessage(e, rowIndex, rest, scope.lang),
    };
  });
}

/**
 * An integrator's batch of metrics and events, keyed by 工号 + period + indicator (+ rule).
 * All or nothing: every bad row is listed and nothing is written; otherwise every touched
 * evaluation takes its rows through the aggregate and is written, with its audit entry and
 * the idempotency record, in one atomic batch. The answer holds each evaluation's new total
 * only for a caller who may read evaluations.
 */
export async function ingest(scope: Scope, rows: IngestRow[], claim?: Claim) {
  return commit(scope.db, scope.actor, async () => {
    const { groups, errors, blind } = await locate(scope, rows);
    const states = new Map(
      (await loadByIds(scope, [...groups.keys()], { detail: true })).map((s) => [s.row.id, s]),
    );
    const ctx = changeContext(scope);
    const source = throughKey(scope.principal) ? 'integrator' : 'import';
    const applied: Applied[] = [];
    for (const g of groups.values()) {
      const state = states.get(g.evaluationId) as EvaluationState;
      const outcome = apply(state, { kind: 'record', via: 'ingest', inputs: g.inputs, source }, ctx);
      if (outcome.ok) applied.push({ before: state, outcome });
      else errors.push(...(await rowErrors(scope, rows, g, outcome.refusal, blind)));
    }
    if (errors.length > 0) {
      // In the caller's row order (the scheme's checks ran per evaluation).
      const rowOf = (f: FieldIssue) => Number(/^rows\[(\d+)\]/.exec(f.field)?.[1] ?? 0);
      errors.sort((a, b) => rowOf(a) - rowOf(b));
      throw new ApiError('VALIDATION_FAILED', { details: errors });
    }
    const statements = statementsFor(scope, applied);
    const result = {
      accepted: rows.length,
      evaluations: applied.map(({ before, outcome: { state } }) => ({
        evaluationId: state.row.id,
        employeeId: state.row.employeeId,
        accepted: groups.get(before.row.id)?.index.length ?? 0,
        total: state.row.totalCenti / 100,
        grade: state.row.grade,
        etag: etagOf(state.row),
      })),
    };
    if (claim) statements.push(claim.complete(200, result));
    return { statements, audit: auditFor(applied), result };
  });
}

export type IngestResult = Awaited<ReturnType<typeof ingest>>;

/** What this caller sees of a result: counts and ids always, totals only if it reads evaluations. */
export function ingestAnswer(scope: Scope, result: IngestResult) {
  if (readsScores(scope.principal)) return result;
  return {
    accepted: result.accepted,
    evaluations: result.evaluations.map(({ evaluationId, employeeId, accepted, etag }) => ({
      evaluationId,
      employeeId,
      accepted,
      etag,
    })),
  };
}
