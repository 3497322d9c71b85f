import { and, asc, eq } from 'drizzle-orm';
import { employees, evaluations } from '../../../db/schema';
import { allowedActions, throughKey, visibleEvaluations } from '../../access/policy';
import { commit } from '../../audit/commit';
import { apply, type EvaluationState, type Refusal } from '../../domain/evaluation/aggregate';
import type { EvaluationInputs, Indicator, SchemeContent, SchemeError } from '../../domain/scheme';
import { ApiError, type FieldIssue } from '../../lib/errors';
import { format } from '../../lib/i18n';
import { type MessageKey, messages } from '../../lib/messages';
import { statusNames } from '../reports/texts';
import type { Scope } from '../scope';
import { etagOf } from './etag';
import { loadByIds } from './load';
import { findPeriod } from './periods';
import { type Applied, auditFor, changeContext, statementsFor } from './store';

/*
 * The scoring grid: a period's evaluations as rows, the indicators that take one value
 * (quantities, rates, ratings) as columns. A save writes every cell through the aggregate's
 * `record` change, all rows in one audited batch, or nothing.
 *
 * Rates travel as fractions (96% is 0.96), as on every other path; the dashboard turns what
 * people type ("96", "96%") into the exact fraction (web/src/grid-paste.ts).
 */

/** The indicator types a grid cell holds: one number each. */
const valueTypes = ['quantity', 'ratio', 'rating'] as const;
type ValueIndicator = Extract<Indicator, { type: (typeof valueTypes)[number] }>;
const takesValue = (i: Indicator): i is ValueIndicator => (valueTypes as readonly string[]).includes(i.type);

export interface GridColumn {
  key: string;
  name: string;
  type: ValueIndicator['type'];
  /** A rating's top mark. */
  scale: number | null;
  required: boolean;
}

/** Same column when key, type and scale agree: another scheme's "exam" out of 10 is not this one. */
const sameColumn = (c: GridColumn, i: ValueIndicator) =>
  c.type === i.type && c.scale === (i.type === 'rating' ? i.params.scale : null);

const columnOf = (i: ValueIndicator): GridColumn => ({
  key: i.key,
  name: i.name,
  type: i.type,
  scale: i.type === 'rating' ? i.params.scale : null,
  required: i.required,
});

/** The evaluations of the period the caller sees, in 工号 order; a department narrows them. */
async function periodStates(scope: Scope, periodId: string, departmentId?: string) {
  const ids = await scope.db
    .select({ id: evaluations.id })
    .from(evaluations)
    .innerJoin(
      employees,
      and(eq(employees.tenantId, evaluations.tenantId), eq(employees.id, evaluations.employeeId)),
    )
    .where(
      and(
        eq(evaluations.periodId, periodId),
        departmentId ? eq(evaluations.departmentId, departmentId) : undefined,
        visibleEvaluations(scope),
      ),
    )
    .orderBy(asc(employees.employeeNo));
  const states = await loadByIds(
    scope,
    ids.map((r) => r.id),
    { detail: true },
  );
  const order = new Map(ids.map((r, i) => [r.id, i]));
  return states.sort((a, b) => order.get(a.row.id)! - order.get(b.row.id)!);
}

/**
 * A cell's current value: the indicator's metric, or the caller's own rating (a grid enters
 * the caller's ratings; other raters' stay theirs).
 */
function currentValue(scope: Scope, state: EvaluationState, i: ValueIndicator): number | null {
  const live = (state.detail?.inputs ?? []).filter((r) => !r.voided && r.indicator === i.key);
  const found =
    i.type === 'rating'
      ? live.find((r) => r.kind === 'rating' && r.recordedBy === scope.actor.actorId)
      : live.find((r) => r.kind === 'metric');
  return found?.value ?? null;
}

/** The grid of a period: columns, and one row per evaluation with its cells and revision. */
export async function readGrid(scope: Scope, periodId: string, departmentId?: string) {
  const period = await findPeriod(scope, periodId);
  const states = await periodStates(scope, period.id, departmentId);
  const columns: GridColumn[] = [];
  const rows = states.map((state) => {
    const content = state.detail!.content;
    const cells: Record<string, number | null> = {};
    for (const i of content.indicators.filter(takesValue)) {
      let column = columns.find((c) => c.key === i.key);
      if (!column) {
        column = columnOf(i);
        columns.push(column);
      }
      // A clash of keys across schemes: that row's cell stays out of the grid (its form has it).
      if (sameColumn(column, i)) cells[i.key] = currentValue(scope, state, i);
    }
    const { row, employee } = state;
    return {
      evaluationId: row.id,
      employeeId: row.employeeId,
      employeeNo: employee.employeeNo,
      employeeName: employee.name,
      departmentId: row.departmentId,
      status: row.status,
      revision: row.revision,
      etag: etagOf(row),
      allowedActions: allowedActions(scope.principal, {
        relation: state.relation,
        status: row.status,
        periodStatus: state.period.status,
        employeeActive: employee.active,
      }),
      cells,
    };
  });
  return { period: { id: period.id, key: period.key, status: period.status }, columns, rows };
}

export interface GridRowInput {
  evaluationId: string;
  revision: number;
  cells: Record<string, number>;
}

/** One problem of a save, located at a row (`rows[2]`) or a cell (`rows[2].cells.exam`). */
export interface GridIssue extends FieldIssue {
  evaluationId: string;
  indicator?: string;
  currentRevision?: number;
}

/** Row refusals that are about the row's state, not the values typed: 409, not 400. */
const conflictCodes = new Set([
  'stale_revision',
  'not_found',
  'wrong_state',
  'not_allowed',
  'own_evaluation',
  'employee_inactive',
]);

/** One save's inputs per evaluation, and the cells in the order they went into them. */
function inputsOfRow(content: SchemeContent, cells: Record<string, number>) {
  const inputs: EvaluationInputs = { metrics: [], events: [], ratings: [], checks: [] };
  const order = { metrics: [] as string[], ratings: [] as string[] };
  const strays: string[] = [];
  for (const [key, value] of Object.entries(cells)) {
    const i = content.indicators.find((x) => x.key === key);
    if (!i || !takesValue(i)) strays.push(key);
    else if (i.type === 'rating') {
      // No rater named: the aggregate records the caller as the rater.
      inputs.ratings.push({ indicator: key, value });
      order.ratings.push(key);
    } else {
      inputs.metrics.push({ indicator: key, value });
      order.metrics.push(key);
    }
  }
  return { inputs, order, strays };
}

/** The texts of a cell's value refusal, naming the indicator by its label. */
function valueMessage(scope: Scope, e: SchemeError, i: Indicator | undefined): string {
  const key: MessageKey =
    e.code === 'ratio_value_range'
      ? 'GRID_RATE_RANGE'
      : e.code === 'rating_range'
        ? 'GRID_RATING_RANGE'
        : e.code === 'negative_quantity'
          ? 'GRID_NEGATIVE'
          : 'GRID_NOT_A_COLUMN';
  return format(messages[key][scope.lang], { ...e.params, indicator: i?.name ?? '', employee: '' });
}

const employeeLabel = (s: EvaluationState) => `${s.employee.employeeNo} ${s.employee.name}`;

/** A row's refusal as the issues of that row (state) or its cells (values). */
function refusalIssues(
  scope: Scope,
  index: number,
  state: EvaluationState,
  refusal: Refusal,
  order: { metrics: string[]; ratings: string[] },
): GridIssue[] {
  const at = `rows[${index}]`;
  const evaluationId = state.row.id;
  const employee = employeeLabel(state);
  const rowIssue = (code: string, key: MessageKey, params: Record<string, string> = {}): GridIssue[] => [
    { field: at, code, evaluationId, message: format(messages[key][scope.lang], { employee, ...params }) },
  ];
  switch (refusal.rule) {
    case 'own_evaluation':
      return rowIssue('own_evaluation', 'GRID_ROW_OWN');
    case 'not_allowed':
      return rowIssue('not_allowed', 'GRID_ROW_NOT_ALLOWED');
    case 'wrong_state':
      return rowIssue('wrong_state', 'GRID_ROW_LOCKED', { status: statusNames[refusal.status][scope.lang] });
    case 'employee_inactive':
      return rowIssue('employee_inactive', 'GRID_ROW_INACTIVE');
    case 'inputs_invalid':
      return refusal.errors.map((e) => {
        const m = /^(metrics|ratings)\[(\d+)\]/.exec(e.field);
        const indicator = m ? order[m[1] as 'metrics' | 'ratings'][Number(m[2])] : undefined;
        const ind = state.detail!.content.indicators.find((x) => x.key === indicator);
        return {
          field: indicator ? `${at}.cells.${indicator}` : at,
          code: e.code,
          evaluationId,
          ...(indicator && { indicator }),
          message: valueMessage(scope, e, ind),
        };
      });
    default:
      // A cell per indicator cannot repeat a rater or name inputs; anything else is a bug.
      throw new Error(`grid: unexpected refusal ${refusal.rule}`);
  }
}

/**
 * Writes the cells of many evaluations of one period in one atomic, audited batch, or nothing.
 * Each row names the revision it was read at; a newer one is a conflict named on that row.
 * Every problem of every row is reported at once, so the grid can mark all its cells.
 */
export async function saveGrid(scope: Scope, periodId: string, rows: GridRowInput[]) {
  const period = await findPeriod(scope, periodId);
  return commit(scope.db, scope.actor, async () => {
    const states = new Map(
      (
        await loadByIds(
          scope,
          rows.map((r) => r.evaluationId),
          { detail: true },
        )
      ).map((s) => [s.row.id, s]),
    );
    const ctx = changeContext(scope);
    const source = throughKey(scope.principal) ? 'integrator' : 'person';
    const issues: GridIssue[] = [];
    const applied: Applied[] = [];
    const seen = new Set<string>();
    for (const [index, r] of rows.entries()) {
      const at = `rows[${index}]`;
      const state = states.get(r.evaluationId);
      const text = (key: MessageKey, params: Record<string, string | number> = {}) =>
        format(messages[key][scope.lang], params);
      // Another tenant's, another department's, another month's: the same answer as none at all.
      if (!state || state.row.periodId !== period.id || seen.has(r.evaluationId)) {
        issues.push({
          field: at,
          code: 'not_found',
          evaluationId: r.evaluationId,
          message: text('GRID_ROW_NOT_FOUND'),
        });
        continue;
      }
      seen.add(r.evaluationId);
      const employee = employeeLabel(state);
      if (r.revision !== state.row.revision) {
        issues.push({
          field: at,
          code: 'stale_revision',
          evaluationId: r.evaluationId,
          currentRevision: state.row.revision,
          message: text('GRID_STALE', { employee, sent: r.revision, current: state.row.revision }),
        });
        continue;
      }
      const { inputs, order, strays } = inputsOfRow(state.detail!.content, r.cells);
      for (const key of strays) {
        issues.push({
          field: `${at}.cells.${key}`,
          code: 'not_a_column',
          evaluationId: r.evaluationId,
          indicator: key,
          message: text('GRID_NOT_A_COLUMN', { employee, indicator: key }),
        });
      }
      if (inputs.metrics.length + inputs.ratings.length === 0) continue;
      const outcome = apply(state, { kind: 'record', via: 'record', inputs, source }, ctx);
      if (outcome.ok) applied.push({ before: state, outcome });
      else issues.push(...refusalIssues(scope, index, state, outcome.refusal, order));
    }
    if (issues.length > 0) {
      const conflict = issues.some((i) => conflictCodes.has(i.code));
      throw new ApiError(conflict ? 'CONFLICT' : 'VALIDATION_FAILED', {
        message: conflict ? 'GRID_CONFLICT' : 'GRID_INVALID',
        details: issues,
      });
    }
    return {
      statements: statementsFor(scope, applied),
      audit: auditFor(applied),
      result: {
        saved: applied.length,
        rows: applied.map(({ outcome: { state } }) => ({
          evaluationId: state.row.id,
          revision: state.row.revision,
          etag: etagOf(state.row),
          status: state.row.status,
          missingRequired: state.row.missingRequired,
        })),
      },
    };
  });
}
