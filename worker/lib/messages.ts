import type { Texts } from './i18n';

/**
 * Every user-facing message, in both languages. Keys are the error codes (their default text)
 * or a more specific key that a handler names.
 */
export const messages = {
  BAD_REQUEST: { 'zh-CN': '请求无效', en: 'The request is invalid' },
  VALIDATION_FAILED: { 'zh-CN': '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  MALFORMED_JSON: { 'zh-CN': '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '请求体必须是 JSON（Content-Type: application/json）',
    en: 'The request body must be JSON (Content-Type: application/json)',
  },
  UNAUTHORIZED: { 'zh-CN': '请先登录或提供有效的 API 密钥', en: 'Sign in or provide a valid API key' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_FAILED: {
    'zh-CN': '请求缺少有效的 CSRF 令牌或来源不符，已拒绝',
    en: 'Refused: missing or wrong CSRF token, or a foreign Origin',
  },
  NOT_FOUND: { 'zh-CN': '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '没有这个接口：{method} {path}', en: 'No such endpoint: {method} {path}' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  PAYLOAD_TOO_LARGE: {
    'zh-CN': '请求体过大，上限为 {limit} 字节',
    en: 'The request body is too large; the limit is {limit} bytes',
  },
  UNPROCESSABLE: { 'zh-CN': '请求无法处理', en: 'The request cannot be processed' },
  PRECONDITION_FAILED: {
    'zh-CN': '数据已被他人修改，请刷新后重试',
    en: 'Changed by someone else; reload and retry',
  },
  PRECONDITION_REQUIRED: {
    'zh-CN': '此修改需要 If-Match 请求头',
    en: 'This change needs an If-Match header',
  },
  TOO_MANY_REQUESTS: {
    'zh-CN': '尝试次数过多，请 {seconds} 秒后再试',
    en: 'Too many attempts; try again in {seconds} seconds',
  },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Internal error; please retry later' },
  // Specific messages.
  LOGIN_FAILED: { 'zh-CN': '企业标识、邮箱或密码错误', en: 'Wrong company slug, e-mail or password' },
  SLUG_TAKEN: { 'zh-CN': '企业标识 {slug} 已被使用', en: 'The company slug {slug} is taken' },
  EMAIL_TAKEN: {
    'zh-CN': '邮箱 {email} 已被本企业的其他用户使用',
    en: 'Another user of this company has {email}',
  },
  KEY_REVOKED: { 'zh-CN': 'API 密钥已吊销', en: 'The API key is revoked' },
  KEY_EXPIRED: { 'zh-CN': 'API 密钥已过期', en: 'The API key has expired' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; sign in again' },
  LAST_OWNER: {
    'zh-CN': '不能删除或降级企业的最后一位所有者',
    en: 'The last owner of a company cannot be removed or demoted',
  },
  OWNER_ONLY: {
    'zh-CN': '只有所有者可以授予或更改所有者角色',
    en: 'Only an owner can grant or change the owner role',
  },
  SELF_DELETE: { 'zh-CN': '不能删除自己的账号', en: 'You cannot delete your own account' },
  INVALID_CURSOR: { 'zh-CN': '分页游标无效', en: 'The pagination cursor is invalid' },
  AUDIT_BUSY: {
    'zh-CN': '并发写入过多，请稍后重试',
    en: 'Too many concurrent writes; please retry',
  },
} satisfies Record<string, Texts>;

export type MessageKey = keyof typeof messages;
