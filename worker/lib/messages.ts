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
  JSON_TOO_DEEP: {
    'zh-CN': '请求体的数组和对象嵌套超过 {limit} 层，未处理',
    en: 'The request body nests arrays and objects more than {limit} levels deep; it was not read',
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
  // Refusals name who would be allowed (access/authorize.ts).
  FORBIDDEN_ROLE: {
    'zh-CN': '您的角色（{role}）不能执行此操作；可以执行的角色：{allowed}',
    en: 'Your role ({role}) may not do this; allowed roles: {allowed}',
  },
  FORBIDDEN_SCOPE: {
    'zh-CN': '此 API 密钥没有所需的范围；需要以下之一：{allowed}',
    en: 'This API key lacks the scope for this; it needs one of: {allowed}',
  },
  FORBIDDEN_KEYS_ONLY: {
    'zh-CN': '此操作只能用 API 密钥调用（所需范围：{scopes}），不能以登录用户身份执行',
    en: 'Only an API key may do this (scope: {scopes}), not a signed-in user',
  },
  FORBIDDEN_USERS_ONLY: {
    'zh-CN': 'API 密钥不能执行此操作；只有已登录的用户可以，角色：{roles}',
    en: 'An API key may not do this; only a signed-in user may, with one of the roles: {roles}',
  },
  FORBIDDEN_UNDECLARED: {
    'zh-CN': '此接口没有声明谁可以调用，因此拒绝所有人',
    en: 'This endpoint declares nobody who may call it, so everyone is refused',
  },
  SIGNUP_RATE_LIMITED: {
    'zh-CN': '注册过于频繁，请 {seconds} 秒后再试',
    en: 'Too many sign-ups; try again in {seconds} seconds',
  },
  // Field first, as zod's issues read (`password：…`): the message is also the field's detail.
  PASSWORD_FROM_ACCOUNT: {
    'zh-CN': 'password：密码由企业名称、企业标识、邮箱或姓名组成，很容易被猜到，请换一个与账号无关的密码',
    en: 'password is built from the company name, slug, e-mail or the person’s name, which makes it easy to guess; choose one unrelated to the account',
  },
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
  SELF_DELETE: { 'zh-CN': '不能删除自己的账号', en: 'You cannot delete your own account' },
  INVALID_CURSOR: { 'zh-CN': '分页游标无效', en: 'The pagination cursor is invalid' },
  IDEMPOTENCY_MISMATCH: {
    'zh-CN': '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  IDEMPOTENCY_IN_FLIGHT: {
    'zh-CN': '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
    en: 'A request with this Idempotency-Key is still being processed; retry later',
  },
  PERIOD_EXISTS: { 'zh-CN': '考核周期 {key} 已存在', en: 'The period {key} already exists' },
  PERIOD_CLOSED: { 'zh-CN': '考核周期 {key} 已关闭', en: 'The period {key} is closed' },
  PERIOD_NOT_APPROVED: {
    'zh-CN': '还有未审批的考核，不能关闭周期：{counts}',
    en: 'Some evaluations are not approved yet, so the period cannot close: {counts}',
  },
  WRONG_STATE: {
    'zh-CN': '当前状态为「{status}」，不能执行「{transition}」（允许的状态：{allowed}）',
    en: 'The evaluation is {status}; {transition} needs one of: {allowed}',
  },
  TRANSITION_NOT_ALLOWED: {
    'zh-CN': '您不能对这份考核执行「{transition}」',
    en: 'You may not {transition} this evaluation',
  },
  INPUTS_LOCKED: {
    'zh-CN': '考核状态为「{status}」，只有草稿可以修改输入',
    en: 'The evaluation is {status}; inputs can change only while it is a draft',
  },
  OWN_EVALUATION: {
    'zh-CN':
      '规则「本人不处理本人的考核」：不能对自己的考核执行「{action}」（包括通过自己创建的密钥或自己设置过密码的账号）。{who}',
    en: 'Rule "own evaluation": nobody may {action} their own evaluation, also not through a key they created or an account whose password they set. {who}',
  },
  WHO_ACTS_HR_OR_SUPERVISOR: {
    'zh-CN': '须由人事或您的主管处理',
    en: 'HR or your supervisor must do it',
  },
  WHO_ACTS_OWNER_OR_ADMIN: {
    'zh-CN': '须由所有者或另一位管理员处理',
    en: 'The owner or another admin must do it',
  },
  WHO_ACTS_OWNER: {
    'zh-CN': '本企业只有您一位管理员，须由所有者处理',
    en: 'You are the company’s only admin, so the owner must do it',
  },
  WHO_ACTS_ADMIN: {
    'zh-CN': '所有者的考核须由管理员处理',
    en: 'An admin must handle the owner’s own evaluation',
  },
  WHO_ACTS_ADMIN_NONE_YET: {
    'zh-CN': '所有者的考核须由管理员处理；本企业还没有管理员，请先在「用户」中添加一位',
    en: 'An admin must handle the owner’s own evaluation; the company has none yet: add one under Users',
  },
  OWN_EMPLOYEE_LINK: {
    'zh-CN':
      '规则「本人不处理本人的考核」：不能把自己的登录账号关联到员工档案，也不能取消自己档案的关联（包括通过自己创建的密钥或账号）；须由所有者或另一位管理员处理',
    en: 'Rule "own evaluation": nobody links their own login to an employee record or unlinks their own record, also not through their key or an account they control; the owner or another admin must',
  },
  OWN_EMPLOYEE_RECORD: {
    'zh-CN':
      '规则「本人不处理本人的考核」：不能更改自己员工档案中决定考核与薪资的信息（{fields}）；须由所有者或另一位管理员处理',
    en: 'Rule "own evaluation": nobody changes what sets their own evaluation and pay on their own employee record ({fields}); the owner or another admin must',
  },
  OWN_PAY: {
    'zh-CN': '规则「本人不定本人的薪资」：不能修改自己所在岗位的薪资；须由所有者或另一位管理员处理',
    en: 'Rule "own pay": nobody changes the pay of the position they hold; the owner or another admin must',
  },
  OWN_SCHEME: {
    'zh-CN':
      '规则「本人不定本人的考核方案」：这项方案分配会适用于您自己的员工档案（本人、所在岗位或部门），须由所有者或另一位管理员处理',
    en: 'Rule "own scheme": this assignment would apply to your own employee record (you, your position or your department); the owner or another admin must make it',
  },
  OWN_ACCOUNT: {
    'zh-CN': '不能更改自己账号的角色或停用、删除自己的账号；须由所有者处理',
    en: 'Nobody changes their own role or deactivates or deletes their own account; the owner must',
  },
  OWN_PASSWORD_HERE: {
    'zh-CN': '修改自己的密码请使用「修改密码」（需要当前密码）',
    en: 'Change your own password with Change password (it asks for the current one)',
  },
  OWNER_MANAGES_ADMINS: {
    'zh-CN': '只有所有者可以添加、提升、降级、停用或删除管理员，或重置管理员的密码',
    en: 'Only the owner adds, promotes, demotes, deactivates or deletes an admin, or resets an admin’s password',
  },
  OWNER_HANDS_OVER_KEYS: {
    'zh-CN': '只有所有者可以把 API 密钥移交给另一位管理员',
    en: 'Only the owner hands an API key over to another admin',
  },
  KEY_HOLDER_NOT_ADMIN: {
    'zh-CN': 'API 密钥只能移交给在职的所有者或管理员',
    en: 'A key can only be handed over to an active owner or admin',
  },
  KEY_CREATOR_INACTIVE: {
    'zh-CN':
      '此 API 密钥代表的管理员已停用或不再是管理员，密钥暂停使用；所有者可以把它移交给另一位管理员，或吊销它',
    en: 'The admin this key acts for is deactivated or no longer an admin, so the key is suspended; the owner can hand it over to another admin or revoke it',
  },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '您的密码是由他人设置的，请先修改为只有您知道的密码',
    en: 'Your password was set by someone else: choose your own before anything else',
  },
  WRONG_CURRENT_PASSWORD: {
    'zh-CN': '当前密码不正确',
    en: 'The current password is wrong',
  },
  EMPLOYEE_INACTIVE_INPUTS: {
    'zh-CN': '员工 {employeeNo} 已停用（离职），不再接收新的输入；请移出本月考核或按现有输入审批',
    en: 'Employee {employeeNo} is deactivated (left), so no new inputs are taken; remove the month or approve it as it stands',
  },
  EMPLOYEE_NO_RETIRED: {
    'zh-CN': '工号 {employeeNo} 曾属于另一位员工，为保留其历史数据不能再分配',
    en: '工号 {employeeNo} belonged to another employee; it is kept for their history and cannot be given again',
  },
  ETAG_WILDCARD: {
    'zh-CN': 'If-Match: * 不能用于修改考核：请发送读取考核时得到的 ETag，以免在不知情时覆盖他人的修改',
    en: "If-Match: * cannot be used to change an evaluation: send the ETag you read, so that nobody's change is overwritten blindly",
  },
  MISSING_REQUIRED: {
    'zh-CN': '缺少必填指标的输入，不能提交：{keys}',
    en: 'Required inputs are missing, so it cannot be submitted: {keys}',
  },
  ETAG_REQUIRED: {
    'zh-CN': '修改考核需要 If-Match 请求头（取自读取时的 ETag）',
    en: 'Changing an evaluation needs an If-Match header (the ETag you read)',
  },
  ETAG_STALE: {
    'zh-CN': '这份考核已被他人修改（当前版本 {etag}），请刷新后重试',
    en: 'Someone else changed this evaluation (now {etag}); reload and retry',
  },
  SCHEME_ARCHIVED: { 'zh-CN': '该考核方案已归档', en: 'The scheme is archived' },
  // Who is in an open period: late joiners and leavers.
  EMPLOYEE_INACTIVE: {
    'zh-CN': 'employeeId：员工 {employeeNo} 已停用（不在职），不能加入考核周期 {key}',
    en: 'employeeId: the employee {employeeNo} is inactive and cannot join the period {key}',
  },
  EVALUATION_EXISTS: {
    'zh-CN': 'employeeId：员工 {employeeNo} 在考核周期 {key} 已有考核',
    en: 'employeeId: the employee {employeeNo} already has an evaluation in the period {key}',
  },
  JOIN_NO_SCHEME: {
    'zh-CN':
      'employeeId：员工 {employeeNo} 没有适用的考核方案（本人、岗位、部门均未分配），不能加入考核周期 {key}',
    en: 'employeeId: no scheme applies to the employee {employeeNo} (none is assigned to them, their position or their department), so they cannot join the period {key}',
  },
  JOIN_SCHEME_ARCHIVED: {
    'zh-CN':
      'employeeId：适用于员工 {employeeNo} 的考核方案「{scheme}」已归档（archived），不能再用于新的考核',
    en: 'employeeId: the scheme "{scheme}" that applies to the employee {employeeNo} is archived and is no longer used for new evaluations',
  },
  JOIN_NO_PUBLISHED_VERSION: {
    'zh-CN':
      'employeeId：适用于员工 {employeeNo} 的考核方案「{scheme}」还没有已发布的版本，不能加入考核周期 {key}',
    en: 'employeeId: the scheme "{scheme}" that applies to the employee {employeeNo} has no published version yet, so they cannot join the period {key}',
  },
  JOIN_NO_POSITION_PAY: {
    'zh-CN': 'employeeId：员工 {employeeNo} 的岗位没有薪资设置，不能加入考核周期 {key}',
    en: 'employeeId: the position of the employee {employeeNo} has no pay, so they cannot join the period {key}',
  },
  EVALUATION_NOT_REMOVABLE: {
    'zh-CN': '考核状态为「{status}」：已审批或已锁定的考核不能移出周期，如确需移除，请先重新打开（reopen）',
    en: 'The evaluation is {status}: an approved or locked evaluation cannot be removed from the period; reopen it first if it must go',
  },
  // Schemes and their versions.
  SCHEME_FROZEN: {
    'zh-CN': '考核方案「{name}」已归档（archived），不能再新建、修改或发布版本',
    en: 'The scheme "{name}" is archived: its versions can no longer be created, edited or published',
  },
  VERSION_PUBLISHED: {
    'zh-CN': '第 {version} 版已发布（状态：published），发布后不能再修改；如需调整，请新建版本',
    en: 'Version {version} is published (status: published) and never changes; create a new version to edit it',
  },
  DRAFT_EXISTS: {
    'zh-CN': '已有草稿版本（第 {version} 版，状态：draft），请先编辑或发布它，再新建版本',
    en: 'Version {version} is already a draft (status: draft); edit or publish it before creating another',
  },
  SCHEME_NOT_PUBLISHABLE: {
    'zh-CN': '第 {version} 版有 {count} 处问题，修正后才能发布，请检查标出的字段',
    en: 'Version {version} has {count} problem(s) to fix before it can be published; see the fields listed',
  },
  SCHEME_NOT_SCORABLE: {
    'zh-CN': '第 {version} 版有 {count} 处问题，修正后才能试算，请检查标出的字段',
    en: 'Version {version} has {count} problem(s) to fix before it can score a preview; see the fields listed',
  },
  PREVIEW_INPUTS_INVALID: {
    'zh-CN': '试算输入有 {count} 处与方案不符，请检查标出的字段',
    en: '{count} input(s) do not fit the scheme; see the fields listed',
  },
  NO_PUBLISHED_VERSION: {
    'zh-CN': '考核方案「{name}」还没有已发布的版本',
    en: 'The scheme "{name}" has no published version yet',
  },
  VERSION_NOT_PUBLISHED: {
    'zh-CN': '第 {version} 版还是草稿（状态：draft），发布后才能用于考核',
    en: 'Version {version} is still a draft (status: draft); only a published version can be used',
  },
  AUDIT_BUSY: {
    'zh-CN': '并发写入过多，请稍后重试',
    en: 'Too many concurrent writes; please retry',
  },
  // Organisation: departments, positions, employees and the employee CSV import.
  DEPARTMENT_NAME_TAKEN: { 'zh-CN': '部门「{name}」已存在', en: 'A department named {name} already exists' },
  POSITION_NAME_TAKEN: { 'zh-CN': '岗位「{name}」已存在', en: 'A position named {name} already exists' },
  DEPARTMENT_IN_USE: {
    'zh-CN':
      '部门「{name}」仍被使用（员工 {employees}，考核 {evaluations}，方案分配 {schemeAssignments}），不能删除',
    en: 'The department {name} is in use ({employees} employees, {evaluations} evaluations, {schemeAssignments} scheme assignments) and cannot be deleted',
  },
  POSITION_IN_USE: {
    'zh-CN':
      '岗位「{name}」仍被使用（员工 {employees}，考核 {evaluations}，方案分配 {schemeAssignments}），不能删除',
    en: 'The position {name} is in use ({employees} employees, {evaluations} evaluations, {schemeAssignments} scheme assignments) and cannot be deleted',
  },
  EMPLOYEE_NO_TAKEN: {
    'zh-CN': '工号 {employeeNo} 已被本企业的其他员工使用',
    en: 'Another employee of this company has the employee number {employeeNo}',
  },
  EMPLOYEE_USER_TAKEN: {
    'zh-CN': '该登录账号已关联到另一名员工',
    en: 'This login is already linked to another employee',
  },
  CSV_MEDIA_TYPE: {
    'zh-CN': '请求体必须是 CSV 文件（Content-Type: text/csv）',
    en: 'The request body must be a CSV file (Content-Type: text/csv)',
  },
  CSV_ENCODING: {
    'zh-CN': '无法识别文件编码：请保存为 UTF-8 或 GBK（GB18030）编码的 CSV',
    en: 'The file is neither UTF-8 nor GBK/GB18030; save it as CSV in one of those',
  },
  CSV_EMPTY: {
    'zh-CN': '文件中没有数据：第一行应为表头，其后每行一名员工',
    en: 'The file has no data: the first line is the header, then one employee per line',
  },
  CSV_TOO_MANY_ROWS: {
    'zh-CN': '文件有 {rows} 行员工数据，每次最多导入 {max} 行，请拆分后再导入',
    en: 'The file has {rows} employee rows; at most {max} can be imported at once, so split it',
  },
  CSV_REJECTED: {
    'zh-CN': '文件中有 {n} 处错误，未导入任何数据',
    en: 'The file has {n} problem(s); nothing was imported',
  },
  IMPORT_RACED: {
    'zh-CN': '导入期间员工数据被他人修改，未导入任何数据，请重试',
    en: 'Employees changed while importing; nothing was imported, please retry',
  },
  // Reports (worker/services/reports): export jobs and their files.
  REPORT_KIND_FORBIDDEN: {
    'zh-CN': '您的角色不能导出「{kind}」报表',
    en: 'Your role may not export {kind} reports',
  },
  PAYROLL_PERIOD_OPEN: {
    'zh-CN':
      '考核周期 {key} 尚未关闭，工资表可能还会变化；如需导出，请加上 includeOpen: true（每行将注明考核状态）',
    en: 'The period {key} is not closed, so its payroll may still change; send includeOpen: true to export it anyway (each row then shows its status)',
  },
  REPORT_NOT_READY: {
    'zh-CN': '报表尚未生成完成（状态：{status}），请稍后再下载',
    en: 'The report is not ready yet (status: {status}); download it later',
  },
  REPORT_NOT_FAILED: {
    'zh-CN': '只有生成失败的报表可以重试（当前状态：{status}）',
    en: 'Only a failed report can be retried (status: {status})',
  },
  REPORT_STORAGE_FAILED: {
    'zh-CN': '写入文件存储（R2）失败：{reason}。请重试',
    en: 'Writing the file to storage (R2) failed: {reason}. Retry it',
  },
  REPORT_FAILED: {
    'zh-CN': '报表生成失败：{reason}。请重试',
    en: 'The report could not be made: {reason}. Retry it',
  },
  REPORT_QUEUE_FAILED: {
    'zh-CN': '报表任务未能加入队列，请重试',
    en: 'The report job could not be queued; retry it',
  },
  REPORT_INTERRUPTED: {
    'zh-CN': '报表生成被中断（处理它的进程已停止），请重试',
    en: 'Making the report was interrupted (the worker making it stopped); retry it',
  },
  REPORT_CREATOR_GONE: {
    'zh-CN': '创建此报表的用户或 API 密钥已停用，报表未生成',
    en: 'The user or API key that asked for this report is no longer active, so it was not made',
  },
  GRID_ROW_TOO_MANY_CELLS: { 'zh-CN': '一行最多 200 个单元格', en: 'holds at most 200 cells' },
  // Each role as a refusal names it (access/roles.ts).
  ROLE_owner: { 'zh-CN': '所有者', en: 'owner' },
  ROLE_admin: { 'zh-CN': '管理员（人事）', en: 'admin (HR)' },
  ROLE_supervisor: { 'zh-CN': '主管', en: 'supervisor' },
  ROLE_employee: { 'zh-CN': '员工', en: 'employee' },
  ROLE_auditor: { 'zh-CN': '审计员', en: 'auditor' },
  // What is wrong with a text field, after the field's name (lib/text.ts).
  TEXT_line_break: {
    'zh-CN': '必须是单行文本，第 {position} 个字符是换行符（{char}）',
    en: 'must be one line; character {position} is a line break ({char})',
  },
  TEXT_not_lf: {
    'zh-CN': '只能用 LF（U+000A）换行，第 {position} 个字符是 {char}',
    en: 'may break lines with LF (U+000A) only; character {position} is {char}',
  },
  TEXT_control_character: {
    'zh-CN': '不能包含控制字符，第 {position} 个字符是 {char}',
    en: 'must not hold control characters; character {position} is {char}',
  },
  TEXT_bidi_control: {
    'zh-CN': '不能包含改变文字方向的控制字符，第 {position} 个字符是 {char}',
    en: 'must not hold bidirectional text controls; character {position} is {char}',
  },
  TEXT_zero_width: {
    'zh-CN': '不能包含不可见的零宽字符，第 {position} 个字符是 {char}',
    en: 'must not hold invisible zero-width characters; character {position} is {char}',
  },
  // A schema's refusal of a field, after its name (lib/zod-issues.ts).
  ZOD_required: { 'zh-CN': '必填', en: 'is required' },
  ZOD_type: { 'zh-CN': '类型应为 {expected}', en: 'must be of type {expected}' },
  ZOD_stringTooLong: { 'zh-CN': '长度不能超过 {n} 个字符', en: 'must be at most {n} characters' },
  ZOD_stringTooShort: { 'zh-CN': '长度至少为 {n} 个字符', en: 'must be at least {n} characters' },
  ZOD_numberTooBig: { 'zh-CN': '不能大于 {n}', en: 'must be at most {n}' },
  ZOD_numberTooSmall: { 'zh-CN': '不能小于 {n}', en: 'must be at least {n}' },
  ZOD_tooMany: { 'zh-CN': '最多 {n} 项', en: 'must have at most {n} items' },
  ZOD_tooFew: { 'zh-CN': '至少 {n} 项', en: 'must have at least {n} items' },
  ZOD_format: { 'zh-CN': '格式不正确（{format}）', en: 'has an invalid format ({format})' },
  ZOD_oneOf: { 'zh-CN': '应为以下之一：{values}', en: 'must be one of: {values}' },
  ZOD_unknownKeys: { 'zh-CN': '不允许的字段：{keys}', en: 'unknown field(s): {keys}' },
  ZOD_notMultiple: { 'zh-CN': '最多保留 {n} 位小数', en: 'must have at most {n} decimals' },
  ZOD_invalid: { 'zh-CN': '无效', en: 'is invalid' },
  // Why a password is refused (lib/password-policy.ts).
  PASSWORD_blank: { 'zh-CN': '密码不能全是空白字符', en: 'must not be only whitespace' },
  PASSWORD_oneCharacter: {
    'zh-CN': '密码不能只由同一个字符重复组成',
    en: 'must not be a single character repeated',
  },
  PASSWORD_guessable: {
    'zh-CN': '密码太常见或太容易猜到（如常用密码、连续数字、键盘序列），请换一个更少见的密码',
    en: 'is too common or too easy to guess (a well-known password, a sequence, a keyboard walk); choose a less common one',
  },
  // Why an /ingest row cannot land; {row} is the row's label (services/evaluations/ingest.ts).
  INGEST_unknown_employee: {
    'zh-CN': '{row}的工号无效：没有工号为 {employeeNo} 的员工',
    en: '{field}: no employee has 工号 {employeeNo}',
  },
  INGEST_unknown_period: {
    'zh-CN': '{row}的考核周期无效：{period} 尚未开启',
    en: '{field}: the period {period} has not been opened',
  },
  INGEST_no_evaluation: {
    'zh-CN': '{row}：员工 {employeeNo} 在 {period} 没有考核（开启周期后才入职，或没有适用的方案）',
    en: '{field}: {employeeNo} has no evaluation in {period} (joined after it opened, or had no scheme)',
  },
  INGEST_employee_inactive: {
    'zh-CN': '{row}：员工 {employeeNo} 已停用（离职），不再接收新的输入',
    en: '{field}: the employee {employeeNo} is deactivated (left) and takes no new inputs',
  },
  INGEST_inputs_locked: {
    'zh-CN': '{row}：员工 {employeeNo} 在 {period} 的考核状态为「{status}」，只有草稿可以修改输入',
    en: '{field}: the evaluation of {employeeNo} in {period} is {status}; inputs change only while it is a draft',
  },
  INGEST_not_accepting: {
    'zh-CN':
      '{row}：工号 {employeeNo} 在 {period} 没有可以录入数据的考核（工号不存在、没有考核，或考核已不是草稿）',
    en: '{field}: {employeeNo} has no evaluation open for input in {period} (no such 工号, no evaluation, or no longer a draft)',
  },
  // Who a rating names as its rater (services/evaluations/inputs.ts).
  RATER_person: {
    'zh-CN': '人工录入的评分，评分人就是录入者本人，不能代他人评分',
    en: 'must be yours: a person records their own ratings; only a system may name another rater',
  },
  RATER_unknown: {
    'zh-CN': '本企业没有这个用户（{raterId}）',
    en: 'is not a user of this company ({raterId})',
  },
  // A reference the org services check after the shape (services/org/issues.ts).
  ORG_REF_noDepartment: { 'zh-CN': '部门不存在', en: 'is not a department of this company' },
  ORG_REF_noPosition: { 'zh-CN': '岗位不存在', en: 'is not a position of this company' },
  ORG_REF_notSupervisor: {
    'zh-CN': '不是本企业角色为主管（supervisor）的用户',
    en: 'is not a user of this company with the supervisor role',
  },
  ORG_REF_notEmployeeUser: {
    'zh-CN': '不是本企业角色为员工（employee）的用户',
    en: 'is not a user of this company with the employee role',
  },
  // A CSV import's row or header problem (services/org/import-rows.ts).
  IMPORT_required: { 'zh-CN': '必填', en: 'is required' },
  IMPORT_employeeNo: {
    'zh-CN': '工号「{value}」只能包含字母、数字、点、下划线和连字符，最长 32 个字符',
    en: '"{value}" may only hold letters, digits, dots, underscores and hyphens, at most 32 characters',
  },
  IMPORT_tooLong: { 'zh-CN': '不能超过 {n} 个字符', en: 'must be at most {n} characters' },
  IMPORT_unknownDepartment: { 'zh-CN': '没有名为「{value}」的部门', en: 'no department is named "{value}"' },
  IMPORT_unknownPosition: { 'zh-CN': '没有名为「{value}」的岗位', en: 'no position is named "{value}"' },
  IMPORT_unknownSupervisor: {
    'zh-CN': '没有邮箱为 {value} 的主管用户',
    en: 'no user with the supervisor role has the e-mail {value}',
  },
  IMPORT_badActive: {
    'zh-CN': '应为 是/否/true/false/1/0，而不是「{value}」',
    en: 'must be 是/否/true/false/1/0, not "{value}"',
  },
  IMPORT_duplicate: {
    'zh-CN': '工号 {value} 在文件中重复：第 {first} 行和第 {line} 行',
    en: '{value} appears twice in the file: lines {first} and {line}',
  },
  IMPORT_extraCells: {
    'zh-CN': '此行比表头多出单元格：{value}',
    en: 'has more cells than the header: {value}',
  },
  IMPORT_unknownColumn: {
    'zh-CN': '无法识别的列「{value}」；可用的列：工号、姓名、部门、岗位、上级、在职',
    en: 'unknown column "{value}"; the columns are employeeNo, name, department, position, supervisorEmail, active',
  },
  IMPORT_duplicateColumn: { 'zh-CN': '列「{value}」出现了两次', en: 'the column "{value}" appears twice' },
  IMPORT_missingColumn: {
    'zh-CN': '缺少必需的列「{value}」',
    en: 'the required column "{value}" is missing',
  },
  IMPORT_unclosed_quote: {
    'zh-CN': '引号没有闭合（从此行开始）',
    en: 'a quoted field starting on this line is never closed',
  },
  IMPORT_text_after_quote: {
    'zh-CN': '引号闭合后、逗号之前还有其他字符',
    en: 'there are characters between a closing quote and the next comma',
  },
  // The 工号's form (services/org/issues.ts).
  EMPLOYEE_NO_FORMAT: {
    'zh-CN': '工号只能包含字母、数字、点、下划线和连字符，以字母或数字开头，最长 32 个字符',
    en: 'may only hold letters, digits, dots, underscores and hyphens, start with a letter or digit, and be at most 32 characters',
  },
  // How an import issue reads: the line, the column, the problem (services/org/import-rows.ts).
  IMPORT_ISSUE: { 'zh-CN': '第 {line} 行「{field}」：{text}', en: 'line {line}, {field}: {text}' },
  // The 工号 column, as an import issue names it (services/org/import.ts).
  COLUMN_employeeNo: { 'zh-CN': '工号', en: 'employee no.' },
  // A body with text that is not text (middleware/json-text.ts).
  INVALID_TEXT: {
    'zh-CN': '{field}：包含无效的文本（孤立的 UTF-16 代理项或不是 UTF-8 的字节），未保存任何内容',
    en: '{field} is not valid text (a lone UTF-16 surrogate or bytes that are not UTF-8); nothing was saved',
  },
  // Refusals that route and domain schemas give with a field (refine/superRefine `params.i18n`).
  KEY_EXPIRY_PAST: { 'zh-CN': '过期时间必须晚于现在', en: 'must be in the future' },
  PASSWORD_SAME_AGAIN: { 'zh-CN': '新密码不能与当前密码相同', en: 'must differ from the current password' },
  RANK_NEEDS_PERIOD: { 'zh-CN': '按排名排序时必须指定考核周期', en: 'is required to sort by rank' },
  INGEST_VALUE_OR_RULE: {
    'zh-CN': '每行须有指标数值或事件规则之一，且只能有一个',
    en: 'needs exactly one of a value (a metric) or a rule (an event)',
  },
  INGEST_METRIC_NO_COUNT: {
    'zh-CN': '指标数值行不能带次数：次数只用于事件行；请把月度数值直接写在数值中',
    en: "is for events only; a metric row carries the month's figure in its value",
  },
  INGEST_METRIC_NO_EVIDENCE: {
    'zh-CN': '指标数值行不能带证据：证据只用于事件行',
    en: 'is for events only; a metric row carries no evidence',
  },
  REPORT_NEEDS_PERIOD: { 'zh-CN': '此类报表需要指定考核周期', en: 'is required for this kind of report' },
  REPORT_NEEDS_MONTHS: {
    'zh-CN': '员工历史成绩需要月份，如 2026-11',
    en: 'must be a month, such as 2026-11, for an employee history',
  },
  REPORT_NEEDS_TIMES: {
    'zh-CN': '审计日志需要带时区的时间，如 2026-11-01T00:00:00+08:00',
    en: 'must be a time with its zone, such as 2026-11-01T00:00:00+08:00, for the audit log',
  },
  REPORT_FROM_AFTER_TO: { 'zh-CN': '不能晚于截止时间', en: 'must not be after the end' },
  REPORT_FIELD_UNUSED: { 'zh-CN': '此类报表不使用这个字段', en: 'is not used by this kind of report' },
  NOTHING_TO_CHANGE: {
    'zh-CN': '请求没有任何要修改的字段，未做任何更改',
    en: 'names no field to change; nothing was written',
  },
  SCHEME_CONTENT_OR_TEMPLATE: {
    'zh-CN': '不能同时指定方案内容和模板',
    en: 'give either the content or a template, not both',
  },
  SCHEME_NAME_REQUIRED: { 'zh-CN': '必填（除非使用模板）', en: 'is required (unless a template is given)' },
  INPUTS_EMPTY: {
    'zh-CN': '没有要录入的内容：指标数值、事件、评分、抽查至少填一项',
    en: 'records nothing: give at least one metric value, event, rating or check',
  },
  TWO_DECIMALS: { 'zh-CN': '最多保留 2 位小数', en: 'must have at most 2 decimals' },
  // Each action in the refusal's sentence "nobody may {action} their own evaluation" (access/refusals.ts).
  ACTION_record: { 'zh-CN': '录入输入', en: 'record inputs on' },
  ACTION_removeInput: { 'zh-CN': '删除输入', en: 'remove inputs from' },
  ACTION_ingest: { 'zh-CN': '导入数据', en: 'ingest rows into' },
  ACTION_submit: { 'zh-CN': '提交', en: 'submit' },
  ACTION_confirm: { 'zh-CN': '确认', en: 'confirm' },
  ACTION_appeal: { 'zh-CN': '申诉', en: 'appeal' },
  ACTION_resolve: { 'zh-CN': '处理申诉', en: 'resolve the appeal on' },
  ACTION_approve: { 'zh-CN': '审批', en: 'approve' },
  ACTION_reopen: { 'zh-CN': '重新打开', en: 'reopen' },
  ACTION_lock: { 'zh-CN': '锁定', en: 'lock' },
  ACTION_follow: { 'zh-CN': '调整部门或岗位（薪资）', en: 'move or re-price' },
  ACTION_join: { 'zh-CN': '加入考核周期', en: 'add to a period' },
  ACTION_leave: { 'zh-CN': '移出考核周期', en: 'remove from a period' },
  // Inputs refused on an evaluation or an /ingest row (services/evaluations/refusals.ts, ingest.ts).
  RATED_TWICE: {
    'zh-CN': '{field}：同一评分人对指标 {indicator} 只能有一个评分（新的评分会替换旧的，请只发送一个）',
    en: '{field}: one rater has one rating per indicator ({indicator}); a new one replaces theirs, so send one',
  },
  UNKNOWN_INPUT: {
    'zh-CN': '{field}：这份考核没有 {id} 这条输入',
    en: '{field}: {id} is not an input of this evaluation',
  },
  ROW_LABEL: { 'zh-CN': '第{n}行', en: 'rows[{index}]' },
  ROW_SCHEME_ISSUE: { 'zh-CN': '{row}的{issue}', en: '{row}: {issue}' },
  // The scoring grid (PUT /periods/{id}/grid): the whole answer, then one line per row or cell.
  GRID_CONFLICT: {
    'zh-CN': '没有保存任何单元格：有的行已被他人修改或不能录入，请看标出的行',
    en: 'Nothing was saved: some rows were changed by someone else or cannot take inputs; see the marked rows',
  },
  GRID_INVALID: {
    'zh-CN': '没有保存任何单元格：有的数值不对，请看标出的单元格',
    en: 'Nothing was saved: some values are wrong; see the marked cells',
  },
  GRID_STALE: {
    'zh-CN': '{employee}的考核已被他人修改（您看到的是第 {sent} 版，现在是第 {current} 版），请刷新后再录入',
    en: "{employee}'s evaluation was changed by someone else (you saw revision {sent}, it is now {current}); reload and enter again",
  },
  GRID_ROW_NOT_FOUND: {
    'zh-CN': '这一行不是本月您能看到的考核',
    en: 'This row is not an evaluation of this month that you can see',
  },
  GRID_ROW_LOCKED: {
    'zh-CN': '{employee}的考核状态为「{status}」，只有草稿可以录入',
    en: "{employee}'s evaluation is {status}; only a draft takes inputs",
  },
  GRID_ROW_NOT_ALLOWED: {
    'zh-CN': '您不能为{employee}录入',
    en: 'You may not enter values for {employee}',
  },
  GRID_ROW_OWN: {
    'zh-CN': '{employee}是您本人：不能为自己的考核录入',
    en: '{employee} is you: nobody enters values on their own evaluation',
  },
  GRID_ROW_INACTIVE: {
    'zh-CN': '{employee}已停用（离职），不再接收新的输入',
    en: '{employee} is deactivated (left) and takes no new inputs',
  },
  GRID_NOT_A_COLUMN: {
    'zh-CN': '{employee}的考核方案没有可录入数值的指标「{indicator}」',
    en: "{employee}'s scheme has no indicator {indicator} that takes a value",
  },
  GRID_RATE_RANGE: {
    'zh-CN': '「{indicator}」是比率，应在 0% 到 100% 之间，收到的是 {percent}%',
    en: '{indicator} is a rate between 0% and 100%, not {percent}%',
  },
  GRID_RATING_RANGE: {
    'zh-CN': '「{indicator}」的评分应在 0 到 {scale} 分之间，收到的是 {value}',
    en: '{indicator} is rated from 0 to {scale} points, not {value}',
  },
  GRID_NEGATIVE: {
    'zh-CN': '「{indicator}」不能为负数，收到的是 {value}',
    en: '{indicator} must not be negative, not {value}',
  },
} satisfies Record<string, Texts>;

export type MessageKey = keyof typeof messages;
