import { and, eq, inArray } from 'drizzle-orm';
import { employees, evaluationInputs, evaluations, periods } from '../../../db/schema';
import { type AuditChange, commit, type Statement } from '../../audit/commit';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import { inputsEditable } from '../../domain/evaluation/workflow';
import type { EvaluationInputs, SchemeContent } from '../../domain/scheme';
import { checkInputs, type SchemeError, schemeErrorMessage } from '../../domain/scheme';
import { ApiError, type FieldIssue } from '../../lib/errors';
import { format, type Lang, type Texts } from '../../lib/i18n';
import { nowIso } from '../../lib/time';
import type { Claim } from '../idempotency';
import type { Scope } from '../scope';
import { etagOf } from './etag';
import { inputRows, inputStatements, publicInput } from './inputs';
import { auditView, type EvaluationRow, type InputRow } from './mutate';
import { versionById } from './pinning';
import { derive } from './scoring';

export type IngestRow =
  | { employeeNo: string; period: string; indicator: string; value: number }
  | {
      employeeNo: string;
      period: string;
      indicator: string;
      rule: string;
      count?: number;
      evidence?: { recordingId?: string; complaintNo?: string; note?: string };
    };

/** Loads by id in IN lists that stay under D1's 100 bound parameters. */
async function inChunks<T>(ids: string[], load: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk(ids, IDS_PER_STATEMENT)) out.push(...(await load(part)));
  return out;
}

/** Why a row cannot land on an evaluation, in the caller's language; `{row}` is the row's label. */
const rowTexts = {
  unknown_employee: {
    'zh-CN': '{row}的工号无效：没有工号为 {employeeNo} 的员工',
    en: '{field}: no employee has 工号 {employeeNo}',
  },
  unknown_period: {
    'zh-CN': '{row}的考核周期无效：{period} 尚未开启',
    en: '{field}: the period {period} has not been opened',
  },
  no_evaluation: {
    'zh-CN': '{row}：员工 {employeeNo} 在 {period} 没有考核（开启周期后才入职，或没有适用的方案）',
    en: '{field}: {employeeNo} has no evaluation in {period} (joined after it opened, or had no scheme)',
  },
  inputs_locked: {
    'zh-CN': '{row}：员工 {employeeNo} 在 {period} 的考核状态为「{status}」，只有草稿可以修改输入',
    en: '{field}: the evaluation of {employeeNo} in {period} is {status}; inputs change only while it is a draft',
  },
} satisfies Record<string, Texts>;

/** `rows[536]` → 第537行 (a person counts from 1; the field keeps the index). */
const rowLabel = (index: number, lang: Lang) => (lang === 'en' ? `rows[${index}]` : `第${index + 1}行`);

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
  return `${rowLabel(index, lang)}的${schemeErrorMessage({ ...e, field: rest.slice(1) || 'indicator' }, lang)}`;
}

/**
 * An integrator's batch of metrics and events, keyed by 工号 + period + indicator (+ rule).
 * All or nothing: every bad row is listed and nothing is written; otherwise every touched
 * evaluation is rescored and written, with its audit entry and the idempotency record, in one
 * atomic batch.
 */
export async function ingest(scope: Scope, rows: IngestRow[], claim?: Claim) {
  return commit(scope.db, scope.actor, async () => {
    const staff = await scope.db.select().from(employees).where(eq(employees.tenantId, scope.tenantId));
    const byNo = new Map(staff.map((e) => [e.employeeNo, e]));
    const periodRows = await scope.db.select().from(periods).where(eq(periods.tenantId, scope.tenantId));
    const periodByKey = new Map(periodRows.map((p) => [p.key, p]));
    const periodIds = [
      ...new Set(rows.map((r) => periodByKey.get(r.period)?.id).filter((x): x is string => !!x)),
    ];
    const evals = await inChunks(periodIds, (chunk) =>
      scope.db
        .select()
        .from(evaluations)
        .where(and(eq(evaluations.tenantId, scope.tenantId), inArray(evaluations.periodId, chunk))),
    );
    const evalOf = new Map(evals.map((e) => [`${e.periodId}:${e.employeeId}`, e]));

    const errors: FieldIssue[] = [];
    const groups = new Map<
      string,
      { evaluation: EvaluationRow; inputs: EvaluationInputs; index: number[] }
    >();
    /** The draft evaluation a row lands on, or the reason it cannot. */
    const locate = (row: IngestRow, i: number): EvaluationRow | FieldIssue => {
      const at = `rows[${i}]`;
      const { employeeNo, period: key } = row;
      const employee = byNo.get(employeeNo);
      if (!employee) return rowIssue(scope.lang, i, `${at}.employeeNo`, 'unknown_employee', { employeeNo });
      const period = periodByKey.get(key);
      if (!period) return rowIssue(scope.lang, i, `${at}.period`, 'unknown_period', { period: key });
      const evaluation = evalOf.get(`${period.id}:${employee.id}`);
      if (!evaluation)
        return rowIssue(scope.lang, i, `${at}.employeeNo`, 'no_evaluation', { employeeNo, period: key });
      if (!inputsEditable(evaluation.status)) {
        const params = { employeeNo, period: key, status: evaluation.status };
        return rowIssue(scope.lang, i, at, 'inputs_locked', params);
      }
      return evaluation;
    };
    for (const [i, row] of rows.entries()) {
      const evaluation = locate(row, i);
      if ('field' in evaluation) {
        errors.push(evaluation);
        continue;
      }
      const group = groups.get(evaluation.id) ?? {
        evaluation,
        inputs: { metrics: [], events: [], ratings: [], checks: [] },
        index: [],
      };
      if ('value' in row) group.inputs.metrics.push({ indicator: row.indicator, value: row.value });
      else {
        group.inputs.events.push({
          indicator: row.indicator,
          rule: row.rule,
          count: row.count ?? 1,
          evidence: row.evidence,
        });
      }
      group.index.push(i);
      groups.set(evaluation.id, group);
    }

    const contents = new Map<string, SchemeContent>();
    for (const g of groups.values()) {
      const versionId = g.evaluation.schemeVersionId;
      if (!contents.has(versionId)) contents.set(versionId, await versionById(scope, versionId));
      const content = contents.get(versionId)!;
      for (const e of checkInputs(content, g.inputs)) {
        // Map `metrics[2].indicator` back to the caller's row number.
        const m = /^(metrics|events)\[(\d+)\](.*)$/.exec(e.field);
        const kindRows = g.index.filter((i) => ('value' in rows[i]! ? 'metrics' : 'events') === m?.[1]);
        const rowIndex = (m ? kindRows[Number(m[2])] : g.index[0]) ?? 0;
        const rest = m?.[3] ?? '';
        const field = `rows[${rowIndex}]${rest}`;
        const message = rowSchemeMessage(e, rowIndex, rest, scope.lang);
        errors.push({ field, code: e.code, message });
      }
    }
    if (errors.length > 0) {
      // In the caller's row order (the scheme's checks ran per evaluation).
      const rowOf = (f: FieldIssue) => Number(/^rows\[(\d+)\]/.exec(f.field)?.[1] ?? 0);
      errors.sort((a, b) => rowOf(a) - rowOf(b));
      throw new ApiError('VALIDATION_FAILED', { details: errors });
    }

    const ids = [...groups.keys()];
    const current = await inChunks(ids, (chunk) =>
      scope.db
        .select()
        .from(evaluationInputs)
        .where(
          and(eq(evaluationInputs.tenantId, scope.tenantId), inArray(evaluationInputs.evaluationId, chunk)),
        ),
    );
    const statements: Statement[] = [];
    const audit: AuditChange[] = [];
    const results = [];
    const now = nowIso();
    for (const g of groups.values()) {
      const e = g.evaluation;
      const mine = current.filter((r: InputRow) => r.evaluationId === e.id);
      const added = inputRows(
        scope,
        e.id,
        g.inputs,
        scope.principal.kind === 'api_key' ? 'integrator' : 'import',
      );
      const change = inputStatements(scope, mine, added);
      const after: EvaluationRow = {
        ...e,
        ...derive(contents.get(e.schemeVersionId)!, change.rows, e),
        revision: e.revision + 1,
        updatedAt: now,
      };
      statements.push(
        ...change.statements,
        scope.db
          .update(evaluations)
          .set(after)
          .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.id, e.id))),
      );
      audit.push({
        action: 'evaluation.inputs.ingest',
        entityType: 'evaluation',
        entityId: e.id,
        before: auditView(e),
        after: {
          ...auditView(after),
          addedInputs: added.map(publicInput),
          replacedInputs: change.replaced.map(publicInput),
        },
      });
      results.push({
        evaluationId: e.id,
        employeeId: e.employeeId,
        total: after.totalCenti / 100,
        grade: after.grade,
        etag: etagOf(after),
      });
    }
    const result = { accepted: rows.length, evaluations: results };
    if (claim) statements.push(claim.complete(200, result));
    return { statements, audit, result };
  });
}
