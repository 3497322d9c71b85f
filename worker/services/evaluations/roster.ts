import { and, asc, eq } from 'drizzle-orm';
import { appeals, employees, evaluationInputs, evaluations, schemes } from '../../../db/schema';
import { canonicalJson } from '../../audit/chain';
import { type AuditChange, commit } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { ApiError, notFound } from '../../lib/errors';
import { format } from '../../lib/i18n';
import { type MessageKey, messages } from '../../lib/messages';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { auditView, type EvaluationRow } from './mutate';
import { assertOpen, findPeriod } from './periods';
import { pinnedEvaluation, pinningsFor, type SkipReason } from './pinning';

/*
 * Who is in an open period after it opened: a late joiner gets the evaluation opening would
 * have given them; a leaver's evaluation goes, so that the rest of the month can close.
 */

const skipMessages: Record<SkipReason, MessageKey> = {
  no_scheme: 'JOIN_NO_SCHEME',
  scheme_archived: 'JOIN_SCHEME_ARCHIVED',
  no_published_version: 'JOIN_NO_PUBLISHED_VERSION',
  no_position_pay: 'JOIN_NO_POSITION_PAY',
};

const EVALUATION_UNIQUE = 'evaluations.tenant_id, evaluations.period_id, evaluations.employee_id';

/** A 409 about the employee, with the field and a machine-readable code. */
function employeeConflict(
  scope: Scope,
  code: string,
  message: MessageKey,
  params: Record<string, string>,
): ApiError {
  const text = format(messages[message][scope.lang], params);
  return new ApiError('CONFLICT', {
    message,
    params,
    details: [{ field: 'employeeId', code, message: text }],
  });
}

async function schemeName(scope: Scope, schemeId: string | undefined): Promise<string> {
  if (!schemeId) return '';
  const [s] = await scope.db
    .select({ name: schemes.name })
    .from(schemes)
    .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.id, schemeId)));
  return s?.name ?? schemeId;
}

/**
 * Adds the evaluation of an active employee who joined after the period opened, pinned exactly
 * as opening pins (same precedence, current published version of an active scheme, the
 * position's pay), audited in the same batch.
 */
export async function addToPeriod(
  scope: Scope,
  periodId: string,
  employeeId: string,
): Promise<EvaluationRow> {
  try {
    return await addOnce(scope, periodId, employeeId);
  } catch (err) {
    // Two people adding the same joiner at once: the loser's batch hits the unique key.
    if (isUniqueViolation(err, EVALUATION_UNIQUE)) {
      const period = await findPeriod(scope, periodId);
      const [e] = await scope.db
        .select({ employeeNo: employees.employeeNo })
        .from(employees)
        .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.id, employeeId)));
      throw employeeConflict(scope, 'evaluation_exists', 'EVALUATION_EXISTS', {
        employeeNo: e?.employeeNo ?? employeeId,
        key: period.key,
      });
    }
    throw err;
  }
}

function addOnce(scope: Scope, periodId: string, employeeId: string) {
  return commit(scope.db, scope.actor, async () => {
    const period = await findPeriod(scope, periodId);
    assertOpen(period);
    const [employee] = await scope.db
      .select()
      .from(employees)
      .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.id, employeeId)));
    if (!employee) throw new ApiError('NOT_FOUND', { field: 'employeeId' });
    const params = { employeeNo: employee.employeeNo, key: period.key };
    if (!employee.active) throw employeeConflict(scope, 'employee_inactive', 'EMPLOYEE_INACTIVE', params);
    const [existing] = await scope.db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          eq(evaluations.periodId, periodId),
          eq(evaluations.employeeId, employeeId),
        ),
      );
    if (existing) throw employeeConflict(scope, 'evaluation_exists', 'EVALUATION_EXISTS', params);
    const pinning = (await pinningsFor(scope, [employee])).get(employee.id);
    if (!pinning?.ok) {
      const reason = pinning?.reason ?? 'no_scheme';
      const scheme = await schemeName(scope, pinning?.schemeId);
      throw employeeConflict(scope, reason, skipMessages[reason], { ...params, scheme });
    }
    const row = pinnedEvaluation(scope, period.id, employee, pinning, nowIso());
    return {
      statements: [scope.db.insert(evaluations).values(row)],
      audit: [
        {
          action: 'evaluation.create',
          entityType: 'evaluation',
          entityId: row.id,
          after: {
            periodId: period.id,
            period: period.key,
            employeeId: employee.id,
            employeeNo: employee.employeeNo,
            departmentId: row.departmentId,
            positionId: row.positionId,
            schemeId: row.schemeId,
            schemeVersionId: row.schemeVersionId,
            baseSalaryFen: row.baseSalaryFen,
            bonusBaseFen: row.bonusBaseFen,
            ...auditView(row),
          },
        },
      ],
      result: row,
    };
  });
}

type InputRow = typeof evaluationInputs.$inferSelect;

/** Bytes of one audit entry's `before`: a row of production D1 holds at most 2 MB. */
const AUDIT_BEFORE_BYTES = 1_000_000;
const utf8 = new TextEncoder();
const bytesOf = (value: unknown) => utf8.encode(canonicalJson(value)).length;

/**
 * What a removal leaves in the audit log: one `evaluation.delete` with the evaluation, its
 * appeals, the reason and as many inputs as fit, then `evaluation.delete.inputs` entries with
 * the rest (thousands of annotated events do not fit one row), all in the removal's batch.
 */
function removalEntries(
  head: Record<string, unknown>,
  evaluationId: string,
  inputs: InputRow[],
): AuditChange[] {
  let part: InputRow[] = [];
  const parts = [part];
  let room = AUDIT_BEFORE_BYTES - bytesOf(head);
  for (const input of inputs) {
    const n = bytesOf(input) + 1;
    if (n > room && part.length > 0) {
      part = [];
      parts.push(part);
      room = AUDIT_BEFORE_BYTES - 200; // the part's reason and numbering
    }
    part.push(input);
    room -= n;
  }
  return parts.map((chunk, i) =>
    i === 0
      ? {
          action: 'evaluation.delete',
          entityType: 'evaluation',
          entityId: evaluationId,
          before: { ...head, inputs: chunk, inputCount: inputs.length, inputParts: parts.length },
        }
      : {
          action: 'evaluation.delete.inputs',
          entityType: 'evaluation',
          entityId: evaluationId,
          before: { reason: head.reason, part: i + 1, of: parts.length, inputs: chunk },
        },
  );
}

/** Approved and locked evaluations are results people rely on; HR reopens one first. */
const REMOVABLE = new Set<EvaluationRow['status']>(['draft', 'submitted', 'confirmed', 'appealed']);

/**
 * Removes a leaver's evaluation from an open period, with its inputs and appeals, in one batch
 * whose audit entry keeps all of it and HR's reason (split over several entries only when it
 * would not fit one row): nothing is lost, and the month can close.
 */
export async function removeFromPeriod(scope: Scope, periodId: string, evaluationId: string, reason: string) {
  await commit(scope.db, scope.actor, async () => {
    const period = await findPeriod(scope, periodId);
    const [evaluation] = await scope.db
      .select()
      .from(evaluations)
      .where(
        and(
          eq(evaluations.tenantId, scope.tenantId),
          eq(evaluations.periodId, periodId),
          eq(evaluations.id, evaluationId),
        ),
      );
    if (!evaluation) throw notFound();
    assertOpen(period);
    if (!REMOVABLE.has(evaluation.status)) {
      throw new ApiError('CONFLICT', {
        message: 'EVALUATION_NOT_REMOVABLE',
        params: { status: evaluation.status },
        details: { status: evaluation.status },
      });
    }
    const ofEvaluation = <T extends typeof evaluationInputs | typeof appeals>(table: T) =>
      and(eq(table.tenantId, scope.tenantId), eq(table.evaluationId, evaluationId));
    const [inputs, appealRows] = await Promise.all([
      scope.db
        .select()
        .from(evaluationInputs)
        .where(ofEvaluation(evaluationInputs))
        .orderBy(asc(evaluationInputs.createdAt), asc(evaluationInputs.id)),
      scope.db
        .select()
        .from(appeals)
        .where(ofEvaluation(appeals))
        .orderBy(asc(appeals.createdAt), asc(appeals.id)),
    ]);
    return {
      statements: [
        scope.db.delete(evaluationInputs).where(ofEvaluation(evaluationInputs)),
        scope.db.delete(appeals).where(ofEvaluation(appeals)),
        scope.db
          .delete(evaluations)
          .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.id, evaluationId))),
      ],
      audit: removalEntries(
        { evaluation, appeals: appealRows, reason, period: period.key },
        evaluationId,
        inputs,
      ),
      result: undefined,
    };
  });
}
