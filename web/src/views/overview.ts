import { h } from '../dom';
import { roleName } from '../format';
import { t } from '../i18n';
import type { Me } from '../session';

export function overviewView(me: Me): HTMLElement {
  return h(
    'section',
    { className: 'card' },
    h('h2', { id: 'welcome' }, t('welcome', { name: me.user.name })),
    h('p', {}, `${t('company')}: `, h('strong', { id: 'company' }, me.tenant.name), ` (${me.tenant.slug})`),
    h('p', {}, `${t('role')}: `, h('span', { id: 'role' }, roleName(me.user.role))),
    h('p', {}, h('a', { href: '/api/v1/docs', target: '_blank' }, t('apiDocs'))),
  );
}
