import { and, eq } from 'drizzle-orm';
import { employees, evaluations, schemes } from '../../../db/schema';
import { relationTo } from '../../access/policy';
import { commit } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { type EvaluationState, join } from '../../domain/evaluation/aggregate';
import { ApiError, notFound } from '../../lib/errors';
import { format } from '../../lib/i18n';
import { type MessageKey, messages } from '../../lib/messages';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { loadByIds } from './load';
import { assertOpen, findPeriod } from './periods';
import { pinnedEvaluation, pinningsFor, type SkipReason } from './pinning';
import { refusalError } from './refusals';
import { applyAll, auditFor, statementsFor } from './store';

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
): Promise<EvaluationState> {
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
    const state: EvaluationState = {
      row,
      period: { id: period.id, key: period.key, status: period.status },
      employee: { employeeNo: employee.employeeNo, name: employee.name, active: employee.active },
      // Adding a month is HR's (or an HR system's) act; supervising does not enter into it.
      relation: relationTo(scope.principal, { employeeUserId: employee.userId, supervises: false }),
    };
    const outcome = join(state);
    if (!outcome.ok) throw await refusalError(scope, outcome.refusal);
    const applied = [{ before: state, outcome }];
    return { statements: statementsFor(scope, applied), audit: auditFor(applied), result: state };
  });
}

/**
 * Removes a leaver's evaluation from an open period, with its inputs and appeals, in one batch
 * whose audit entry keeps all of it and HR's reason (split over several entries only when it
 * would not fit one row): nothing is lost, and the month can close.
 */
export async function removeFromPeriod(scope: Scope, periodId: string, evaluationId: string, reason: string) {
  await commit(scope.db, scope.actor, async () => {
    const [state] = await loadByIds(scope, [evaluationId], { detail: true });
    if (!state || state.row.periodId !== periodId) throw notFound();
    const applied = await applyAll(scope, [{ state, change: { kind: 'leave', reason } }]);
    return { statements: statementsFor(scope, applied), audit: auditFor(applied), result: undefined };
  });
}
