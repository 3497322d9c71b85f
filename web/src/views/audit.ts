import { api, ok } from '../api';
import { h, table } from '../dom';
import { t } from '../i18n';

/** The audit log, newest first, with a button that re-verifies the hash chain. */
export async function auditView(): Promise<HTMLElement> {
  const verdict = h('p', { id: 'verdict' });
  const verify = h(
    'button',
    {
      className: 'primary',
      onclick: async () => {
        const v = await ok(api['audit-log'].verify.$get());
        verdict.className = v.ok ? 'ok' : 'error';
        verdict.textContent = v.ok
          ? t('chainOk', { n: v.checked })
          : t('chainBad', { seq: v.firstBad?.seq ?? '?', reason: v.firstBad?.reason ?? '' });
      },
    },
    t('verify'),
  );
  const rows = h('div', {});
  let cursor: string | null = null;
  const more = h('button', { className: 'link' }, t('more'));
  async function load() {
    const page = await ok(api['audit-log'].$get({ query: { limit: '50', ...(cursor && { cursor }) } }));
    cursor = page.nextCursor;
    more.hidden = !cursor;
    rows.append(
      table(
        ['#', t('when'), t('actor'), t('action'), t('entity')],
        page.items.map((e) => [
          String(e.seq),
          e.at,
          `${e.actor.type}:${e.actor.id}`,
          e.action,
          `${e.entity.type}:${e.entity.id}`,
        ]),
      ),
    );
  }
  more.addEventListener('click', load);
  await load();
  return h('section', { className: 'card' }, h('h2', {}, t('audit')), verify, verdict, rows, more);
}
