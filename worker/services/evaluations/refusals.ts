import { ownEvaluationError } from '../../access/refusals';
import type { Refusal } from '../../domain/evaluation/aggregate';
import type { Action } from '../../domain/evaluation/workflow';
import { schemeErrorMessage } from '../../domain/scheme';
import { ApiError } from '../../lib/errors';
import { format, type Lang, type Texts } from '../../lib/i18n';
import { messages } from '../../lib/messages';
import type { Scope } from '../scope';

/** The step's name in TRANSITION_NOT_ALLOWED, as the API has always said it. */
const stepName = (action: Action) =>
  action === 'record' || action === 'removeInput' ? 'record inputs' : action;

const schemeIssues = (refusal: Extract<Refusal, { rule: 'inputs_invalid' }>, lang: Lang) =>
  refusal.errors.map((e) => ({ field: e.field, code: e.code, message: schemeErrorMessage(e, lang) }));

/** The aggregate's refusal as the API error that names its rule. */
export async function refusalError(scope: Scope, refusal: Refusal): Promise<ApiError> {
  switch (refusal.rule) {
    case 'own_evaluation':
      return ownEvaluationError(scope, refusal.action);
    case 'not_allowed':
      return new ApiError('FORBIDDEN', {
        message: 'TRANSITION_NOT_ALLOWED',
        params: { transition: stepName(refusal.action) },
      });
    case 'wrong_state': {
      const { status, action, allowedFrom } = refusal;
      if (action === 'record' || action === 'removeInput' || action === 'ingest')
        return new ApiError('CONFLICT', { message: 'INPUTS_LOCKED', params: { status } });
      if (action === 'leave')
        return new ApiError('CONFLICT', {
          message: 'EVALUATION_NOT_REMOVABLE',
          params: { status },
          details: { status },
        });
      return new ApiError('CONFLICT', {
        message: 'WRONG_STATE',
        params: { status, transition: action, allowed: allowedFrom.join(', ') },
        details: { status, allowedFrom },
      });
    }
    case 'employee_inactive':
      return new ApiError('CONFLICT', {
        message: 'EMPLOYEE_INACTIVE_INPUTS',
        params: { employeeNo: refusal.employeeNo },
        details: { rule: 'employee_inactive' },
      });
    case 'period_closed':
      return new ApiError('CONFLICT', { message: 'PERIOD_CLOSED', params: { key: refusal.key } });
    case 'inputs_invalid':
      return new ApiError('VALIDATION_FAILED', { details: schemeIssues(refusal, scope.lang) });
    case 'rated_twice': {
      const text = format(messages.RATED_TWICE[scope.lang], {
        field: refusal.field,
        indicator: refusal.indicator,
      });
      return new ApiError('VALIDATION_FAILED', {
        details: [{ field: refusal.field, code: 'rated_twice', message: text }],
      });
    }
    case 'missing_required':
      return new ApiError('CONFLICT', {
        message: 'MISSING_REQUIRED',
        params: { keys: refusal.keys.join(', ') },
        details: refusal.keys.map((key) => ({
          field: `indicators.${key}`,
          code: 'missing_required',
          message: key,
        })),
      });
    case 'unknown_inputs':
      return new ApiError('VALIDATION_FAILED', {
        details: refusal.ids.map(({ id, index }) => {
          const field = `${refusal.field}[${index}]`;
          const text = format(messages.UNKNOWN_INPUT[scope.lang], { field, id });
          return { field, code: 'unknown_input', message: text };
        }),
      });
    case 'input_not_found':
      return new ApiError('NOT_FOUND');
  }
}
