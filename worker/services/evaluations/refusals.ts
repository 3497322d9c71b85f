import { and, count, eq, inArray } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { Refusal } from '../../domain/evaluation/aggregate';
import type { Action } from '../../domain/evaluation/workflow';
import { schemeErrorMessage } from '../../domain/scheme';
import { ApiError } from '../../lib/errors';
import type { Lang, Texts } from '../../lib/i18n';
import type { MessageKey } from '../../lib/messages';
import type { Scope } from '../scope';

/** Each action in the refusal's sentence ("nobody may {action} their own evaluation"). */
const actionWords: Record<Action, Texts> = {
  record: { 'zh-CN': '录入输入', en: 'record inputs on' },
  removeInput: { 'zh-CN': '删除输入', en: 'remove inputs from' },
  ingest: { 'zh-CN': '导入数据', en: 'ingest rows into' },
  submit: { 'zh-CN': '提交', en: 'submit' },
  confirm: { 'zh-CN': '确认', en: 'confirm' },
  appeal: { 'zh-CN': '申诉', en: 'appeal' },
  resolve: { 'zh-CN': '处理申诉', en: 'resolve the appeal on' },
  approve: { 'zh-CN': '审批', en: 'approve' },
  reopen: { 'zh-CN': '重新打开', en: 'reopen' },
  lock: { 'zh-CN': '锁定', en: 'lock' },
  follow: { 'zh-CN': '调整部门或岗位（薪资）', en: 'move or re-price' },
  join: { 'zh-CN': '加入考核周期', en: 'add to a period' },
  leave: { 'zh-CN': '移出考核周期', en: 'remove from a period' },
};

/** The step's name in TRANSITION_NOT_ALLOWED, as the API has always said it. */
const stepName = (action: Action) =>
  action === 'record' || action === 'removeInput' ? 'record inputs' : action;

/** Whether the caller is the company's only active owner or admin (then another must be invited). */
async function soleHr(scope: Scope): Promise<boolean> {
  const p = scope.principal;
  if (p.kind !== 'user' || (p.role !== 'owner' && p.role !== 'admin')) return false;
  const [row] = await scope.db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.tenantId, scope.tenantId),
        eq(users.active, true),
        inArray(users.role, ['owner', 'admin']),
      ),
    );
  return (row?.n ?? 0) <= 1;
}

/**
 * The 403 for the rule "nobody acts on their own evaluation", naming it; with one HR person in
 * the company it says how to get a second.
 */
export async function ownEvaluationError(scope: Scope, action: Action | 'link'): Promise<ApiError> {
  const sole = await soleHr(scope);
  const message: MessageKey =
    action === 'link'
      ? sole
        ? 'OWN_EMPLOYEE_LINK_SOLE_HR'
        : 'OWN_EMPLOYEE_LINK'
      : sole
        ? 'OWN_EVALUATION_SOLE_HR'
        : 'OWN_EVALUATION';
  const params: Record<string, string> = action === 'link' ? {} : { action: actionWords[action][scope.lang] };
  return new ApiError('FORBIDDEN', { message, params, details: { rule: 'own_evaluation', action } });
}

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
    case 'period_closed':
      return new ApiError('CONFLICT', { message: 'PERIOD_CLOSED', params: { key: refusal.key } });
    case 'inputs_invalid':
      return new ApiError('VALIDATION_FAILED', { details: schemeIssues(refusal, scope.lang) });
    case 'rated_twice': {
      const text: Texts = {
        'zh-CN': `${refusal.field}：同一评分人对指标 ${refusal.indicator} 只能有一个评分（新的评分会替换旧的，请只发送一个）`,
        en: `${refusal.field}: one rater has one rating per indicator (${refusal.indicator}); a new one replaces theirs, so send one`,
      };
      return new ApiError('VALIDATION_FAILED', {
        details: [{ field: refusal.field, code: 'rated_twice', message: text[scope.lang] }],
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
          const text: Texts = {
            'zh-CN': `${field}：这份考核没有 ${id} 这条输入`,
            en: `${field}: ${id} is not an input of this evaluation`,
          };
          return { field, code: 'unknown_input', message: text[scope.lang] };
        }),
      });
    case 'input_not_found':
      return new ApiError('NOT_FOUND');
  }
}
