import { type FieldDocs, f } from './entry';

/** The one error envelope (Error). */
export const errorFields: FieldDocs = {
  error: f('错误', 'The error'),
  'error.code': f(
    '错误码，每个码对应一个 HTTP 状态',
    'Error code; each maps to one HTTP status',
    'VALIDATION_FAILED',
  ),
  'error.message': f(
    '按 Accept-Language 给出的说明（zh-CN 或 en）',
    'What went wrong, in the language of Accept-Language (zh-CN or en)',
    '输入有误，请检查标出的字段',
  ),
  'error.details': f(
    '细节：字段错误时为 [{field, code, message}] 列表，field 是点分路径；403 时为 {allowed: {roles, scopes}}',
    'Details: for field errors a list of {field, code, message}, field a dotted path; for 403 {allowed: {roles, scopes}}',
    [{ field: 'indicators[2].points', code: 'too_big', message: 'indicators[2].points must be at most 100' }],
  ),
  'error.requestId': f(
    '请求 id，也在 X-Request-Id 响应头中；报告问题时请附上',
    'The request id, also in X-Request-Id; quote it when reporting a problem',
    'req_4fQ8cTz1Lm0pXa9K',
  ),
};
