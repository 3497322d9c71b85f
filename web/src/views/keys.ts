import { type KeyScope, keyScopes } from '../../../db/schema/key-scopes';
import { api, ok } from '../api';
import { h, table } from '../dom';
import { t } from '../i18n';

/** API keys: create (the secret is shown once), list, revoke. */
export async function keysView(): Promise<HTMLElement> {
  const root = h('section', {});
  const error = h('p', { className: 'error', role: 'alert' });
  const secretBox = h('div', {});
  const list = h('div', {});

  async function refresh() {
    const page = await ok(api['api-keys'].$get({ query: { limit: '100' } }));
    list.replaceChildren(
      table(
        [t('keyName'), 'Key', t('scopes'), t('lastUsed'), ''],
        page.items.map((k) => [
          k.name,
          `${k.start}…`,
          k.scopes.join(', '),
          k.lastUsedAt ?? '—',
          k.revokedAt
            ? t('revoked')
            : h(
                'button',
                {
                  className: 'link',
                  onclick: async () => {
                    await ok(api['api-keys'][':id'].revoke.$post({ param: { id: k.id } }));
                    await refresh();
                  },
                },
                t('revoke'),
              ),
        ]),
      ),
    );
  }

  const name = h('input', { name: 'name', required: true, id: 'key-name' });
  const boxes = keyScopes.map((s) => h('label', {}, h('input', { type: 'checkbox', value: s }), s));
  const form = h(
    'form',
    { className: 'stack' },
    h('label', {}, t('keyName'), name),
    h('fieldset', {}, h('legend', {}, t('scopes')), ...boxes),
    h('button', { className: 'primary', type: 'submit' }, t('create')),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const scopes = boxes
      .map((b) => b.querySelector('input')!)
      .filter((i) => i.checked)
      .map((i) => i.value as KeyScope);
    try {
      const created = await ok(api['api-keys'].$post({ json: { name: name.value, scopes } }));
      error.textContent = '';
      secretBox.replaceChildren(
        h('p', {}, t('secretOnce')),
        h('p', { className: 'secret', id: 'secret' }, created.secret),
      );
      await refresh();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  });
  root.append(h('div', { className: 'card' }, h('h2', {}, t('keys')), form, secretBox), list);
  await refresh();
  return root;
}
