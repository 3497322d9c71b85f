import { api, ok } from '../api';
import { h, table } from '../dom';
import { named } from '../format';
import { t } from '../i18n';

const versionText = (n: number | null) => (n === null ? '—' : t('version', { n }));

/** HR's schemes: each with its current (published) and draft version; new ones from a template. */
export async function schemesView(go: (hash: string) => void): Promise<HTMLElement> {
  const [schemes, templates] = await Promise.all([
    ok(api.schemes.$get({ query: { limit: '100' } })),
    ok(api.templates.$get()),
  ]);
  const template = h(
    'select',
    { name: 'template', id: 'template' },
    ...templates.items.map((x) => h('option', { value: x.id }, x.name)),
  );
  const about = h('p', { className: 'muted' });
  const showAbout = () => {
    about.textContent = templates.items.find((x) => x.id === template.value)?.description ?? '';
  };
  template.addEventListener('change', showAbout);
  showAbout();
  const error = h('p', { className: 'error', role: 'alert', id: 'scheme-error' });
  const form = h(
    'form',
    { className: 'row' },
    h('label', {}, t('template'), template),
    h('button', { className: 'primary' }, t('fromTemplate')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await ok(api.schemes.$post({ json: { fromTemplate: template.value } }));
      go(`#/schemes/${created.id}`);
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  return h(
    'div',
    {},
    h(
      'section',
      { className: 'card' },
      h('h2', {}, t('schemes')),
      schemes.items.length === 0
        ? h('p', { className: 'muted' }, t('noSchemes'))
        : table(
            [t('scheme'), t('currentVersion'), t('draftVersion'), t('status')],
            schemes.items.map((s) => [
              h('a', { href: `#/schemes/${s.id}` }, s.name),
              versionText(s.currentVersion),
              versionText(s.draftVersion),
              named('sstatus_', s.status),
            ]),
          ),
    ),
    h('section', { className: 'card' }, h('h3', {}, t('fromTemplate')), form, about, error),
  );
}
