export type Lang = 'zh-CN' | 'en';

const zh = {
  app: '绩效考核',
  login: '登录',
  signup: '注册企业',
  logout: '退出',
  slug: '企业标识',
  email: '邮箱',
  password: '密码',
  companyName: '企业名称',
  adminName: '管理员姓名',
  overview: '概览',
  users: '用户',
  keys: 'API 密钥',
  audit: '审计日志',
  apiDocs: 'API 文档',
  welcome: '欢迎，{name}',
  company: '企业',
  role: '角色',
  name: '姓名',
  keyName: '名称',
  active: '启用',
  create: '创建',
  revoke: '吊销',
  revoked: '已吊销',
  scopes: '权限范围',
  lastUsed: '最近使用',
  secretOnce: '请立即复制此密钥，它只显示这一次：',
  verify: '校验哈希链',
  chainOk: '哈希链完整，共 {n} 条',
  chainBad: '第 {seq} 条记录被篡改（{reason}）',
  when: '时间',
  actor: '操作者',
  action: '操作',
  entity: '对象',
  more: '加载更多',
  noAccount: '还没有账号？注册企业',
  haveAccount: '已有账号？登录',
  yes: '是',
  no: '否',
};
const en: typeof zh = {
  app: 'Performance',
  login: 'Sign in',
  signup: 'Sign up a company',
  logout: 'Sign out',
  slug: 'Company slug',
  email: 'E-mail',
  password: 'Password',
  companyName: 'Company name',
  adminName: 'Admin name',
  overview: 'Overview',
  users: 'Users',
  keys: 'API keys',
  audit: 'Audit log',
  apiDocs: 'API docs',
  welcome: 'Welcome, {name}',
  company: 'Company',
  role: 'Role',
  name: 'Name',
  keyName: 'Name',
  active: 'Active',
  create: 'Create',
  revoke: 'Revoke',
  revoked: 'Revoked',
  scopes: 'Scopes',
  lastUsed: 'Last used',
  secretOnce: 'Copy this key now; it is shown only once:',
  verify: 'Verify hash chain',
  chainOk: 'Chain intact, {n} entries',
  chainBad: 'Entry #{seq} was tampered with ({reason})',
  when: 'When',
  actor: 'Actor',
  action: 'Action',
  entity: 'Entity',
  more: 'Load more',
  noAccount: 'No account yet? Sign up a company',
  haveAccount: 'Have an account? Sign in',
  yes: 'yes',
  no: 'no',
};
export type TextKey = keyof typeof zh;

let lang: Lang = (localStorage.getItem('lang') as Lang | null) ?? 'zh-CN';

export const currentLang = () => lang;
export function setLang(next: Lang) {
  lang = next;
  localStorage.setItem('lang', next);
  document.documentElement.lang = next;
}

/** A UI text in the current language, `{name}` placeholders filled. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? en : zh)[key];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
