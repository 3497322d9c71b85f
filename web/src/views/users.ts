import { api, ok } from '../api';
import { h, table } from '../dom';
import { roleName } from '../format';
import { t } from '../i18n';

export async function usersView(): Promise<HTMLElement> {
  const page = await ok(api.users.$get({ query: { limit: '200' } }));
  return h(
    'section',
    { className: 'card' },
    h('h2', {}, t('users')),
    table(
      [t('name'), t('email'), t('role'), t('active')],
      page.items.map((u) => [u.name, u.email, roleName(u.role), u.active ? t('yes') : t('no')]),
    ),
  );
}
