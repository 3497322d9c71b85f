import { api, ok } from '../api';
import { h, table } from '../dom';
import { named, when } from '../format';
import { t } from '../i18n';
import { schemeContent } from './scheme-content';

/** One scheme: its versions (a draft can be published here) and the content of the one shown. */
export async function schemeView(
  go: (hash: string) => void,
  id: string,
  wanted: string | undefined,
): Promise<HTMLElement> {
  const scheme = await ok(api.schemes[':id'].$get({ param: { id } }));
  const shown = wanted ?? String(scheme.currentVersion ?? scheme.draftVersion ?? '');
  const version = shown
    ? await ok(api.schemes[':id'].versions[':version'].$get({ param: { id, version: shown } }))
    : null;
  const error = h('p', { className: 'error', role: 'alert', id: 'publish-error' });

  const publish = (n: number) => async () => {
    error.textContent = '';
    try {
      await ok(api.schemes[':id'].versions[':version'].publish.$post({ param: { id, version: String(n) } }));
      go(`#/schemes/${id}/${n}`);
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };

  const versions = table(
    [t('versions'), t('status'), t('publishedAt'), ''],
    scheme.versions.map((v) => [
      h('a', { href: `#/schemes/${id}/${v.version}` }, t('version', { n: v.version })),
      named('vstatus_', v.status),
      v.publishedAt ? when(v.publishedAt) : '',
      v.status === 'draft' && scheme.status === 'active'
        ? h('button', { className: 'primary', type: 'button', onclick: publish(v.version) }, t('publish'))
        : '',
    ]),
  );
  return h(
    'div',
    {},
    h(
      'section',
      { className: 'card' },
      h('a', { href: '#/schemes', className: 'muted' }, t('back')),
      h('h2', { id: 'scheme-name' }, scheme.name),
      h('p', { className: 'muted' }, scheme.description),
      versions,
      error,
    ),
    ...(version
      ? [
          h(
            'section',
            { className: 'card' },
            h(
              'h3',
              {},
              t('withNote', {
                text: t('version', { n: version.version }),
                note: named('vstatus_', version.status),
              }),
            ),
            version.status === 'draft' && version.problems.length > 0
              ? h(
                  'div',
                  { className: 'error', id: 'problems' },
                  t('problems'),
                  h('ul', {}, ...version.problems.map((p) => h('li', {}, p.message))),
                )
              : null,
            schemeContent(version.content),
          ),
        ]
      : []),
  );
}
