import { op } from './entry';

/** Sign-up, sessions, users and API keys. */
export const authOperations = {
  signup: op(
    '注册企业（租户）及其所有者，并登录',
    'Sign up a company (tenant) and its owner; signs the owner in',
    '创建企业、第一位所有者和会话（设置 jx_session Cookie），返回 CSRF 令牌。每个客户端地址每分钟最多 10 次、全服务每分钟最多 300 次，超出时返回 429 和 Retry-After。密码至少 10 个字符，且不能是常见密码、全空白或同一字符重复。',
    'Creates the company, its first owner and a session (sets the jx_session cookie) and returns the CSRF token. At most 10 sign-ups a minute per client address and 300 for the whole service; beyond that 429 with Retry-After. The password needs 10 characters and must not be common, only whitespace or one character repeated.',
  ),
  login: op(
    '用企业标识、邮箱和密码登录',
    'Sign in with company slug, e-mail and password (sets the session cookie)',
    '成功时设置 jx_session Cookie 并返回 CSRF 令牌，之后每个写请求都要带上 X-CSRF-Token。企业标识、邮箱或密码错误时的回答完全相同；同一账号或同一地址 15 分钟内失败 10 次后返回 429。',
    'Sets the jx_session cookie and returns the CSRF token, to be sent as X-CSRF-Token on every write. A wrong slug, e-mail or password all answer the same; 10 failures for one account or one address within 15 minutes give 429.',
  ),
  logout: op(
    '退出登录',
    'End the current session',
    '结束当前会话并清除 Cookie；会话的结束记入审计日志。',
    'Ends the current session and clears the cookie; the end is recorded in the audit log.',
  ),
  me: op(
    '我是谁：当前用户或 API 密钥，以及所属企业',
    'Who am I: the signed-in user or the calling API key, and the tenant',
    '登录用户得到其用户资料和 CSRF 令牌；API 密钥得到密钥 id 和范围。',
    'A signed-in user gets their profile and CSRF token; an API key gets its id and scopes.',
  ),
  listUsers: op(
    '列出企业的用户',
    'List the users of the company',
    '按创建顺序分页，不含密码哈希。',
    'Paged in order of creation; password hashes are never shown.',
  ),
  createUser: op(
    '新建用户（只有所有者可以新建管理员或所有者）',
    'Create a user (only the owner creates an admin or an owner)',
    '邮箱在企业内唯一（否则 409）；密码与注册时同样的规则。这是初始密码：本人首次登录后必须先改成自己的密码，在那之前，设置它的人被视为控制这个账号（不能借它处理自己的考核）。',
    'The e-mail is unique in the company (else 409); the password follows the sign-up policy. It is an initial password: the person must choose their own at first sign-in, and until then whoever set it controls the account (and cannot use it on their own evaluation).',
  ),
  getUser: op('查看一名用户', 'One user', '其他企业的用户回答 404。', "Another company's user answers 404."),
  updateUser: op(
    '修改用户的姓名、角色、启用状态，或重置其密码',
    'Change name, role or active flag, or reset the password',
    '更改角色、重置密码或停用时，该用户的所有会话立即失效。只有所有者能添加、提升、降级、停用管理员或重置管理员的密码；不能更改自己的角色或停用自己；最后一位所有者不能降级。为他人设置的密码是一次重置：本人下次登录必须先改成自己的密码。',
    "A new role, a password reset or a deactivation ends the user's sessions at once. Only the owner adds, promotes, demotes or deactivates an admin or resets an admin's password; nobody changes their own role or deactivates themselves; the last owner cannot be demoted. A password set for someone else is a reset: they must choose their own at the next sign-in.",
  ),
  changePassword: op(
    '修改自己的密码',
    'Change your own password',
    '需要当前密码。完成由他人设置的初始或重置密码：此后账号只由本人控制；本人其他会话随之结束。',
    "Needs the current password. Completes an initial or reset password someone else set: from then on the account is the person's alone; their other sessions end.",
  ),
  deleteUser: op(
    '删除用户',
    'Delete a user (not yourself, not the last owner)',
    '不能删除自己，也不能删除最后一位所有者；删除记入审计日志。',
    'Neither yourself nor the last owner can be deleted; the deletion is audited.',
  ),
  listApiKeys: op(
    '列出 API 密钥',
    'List API keys (secrets are never shown again)',
    '每个密钥只显示开头几位、范围、到期和最后使用时间。',
    'Each key shows only its start, scopes, expiry and when it was last used.',
  ),
  createApiKey: op(
    '新建 API 密钥',
    'Create a key; the answer holds the secret, shown this once',
    '密钥格式为 pek_ 加随机字符，只保存其 SHA-256 哈希；请求头 Authorization: Bearer <密钥>。范围决定能调用哪些接口。',
    'The secret is pek_ plus random characters; only its SHA-256 hash is stored. Send it as Authorization: Bearer <secret>. Its scopes decide which operations it may call.',
  ),
  getApiKey: op('查看一个 API 密钥', 'One API key', '不含密钥本身。', 'Without the secret.'),
  handOverApiKey: op(
    '把 API 密钥移交给另一位管理员',
    'Hand a key over to another admin',
    '只有所有者可以移交。密钥代表其创建者行事：创建者停用或不再是管理员时密钥暂停（403 KEY_CREATOR_INACTIVE），移交后以新的管理员身份继续工作，对接系统无需更换密钥。',
    'Only the owner hands keys over. A key acts for its creator: when the creator is deactivated or no longer an admin the key is suspended (403 KEY_CREATOR_INACTIVE); handed over, it works on for the new admin and the integrator keeps its secret.',
  ),
  revokeApiKey: op(
    '立即吊销 API 密钥',
    'Revoke a key at once',
    '吊销后该密钥的每个请求都回答 401（KEY_REVOKED）。',
    'Every later request with the key answers 401 (KEY_REVOKED).',
  ),
};
