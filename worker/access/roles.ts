import type { Role } from '../../db/schema';
import type { Lang, Texts } from '../lib/i18n';
import { messages } from '../lib/messages';

/** Named role sets that routes declare, so the policy reads the same everywhere. */
export const ADMINS: readonly Role[] = ['owner', 'admin'];
export const READERS: readonly Role[] = ['owner', 'admin', 'auditor'];
export const EVERYONE: readonly Role[] = ['owner', 'admin', 'supervisor', 'employee', 'auditor'];

/** What a refusal calls each role (the dashboard uses the same words). */
const roleNames: Record<Role, Texts> = {
  owner: messages.ROLE_owner,
  admin: messages.ROLE_admin,
  supervisor: messages.ROLE_supervisor,
  employee: messages.ROLE_employee,
  auditor: messages.ROLE_auditor,
};

/** `所有者（owner）、管理员（人事）（admin）` / `owner, admin (HR)`: the roles as a refusal names them. */
export function nameRoles(list: readonly Role[], lang: Lang): string {
  return lang === 'en'
    ? list.map((r) => roleNames[r].en).join(', ')
    : list.map((r) => `${roleNames[r]['zh-CN']}（${r}）`).join('、');
}
