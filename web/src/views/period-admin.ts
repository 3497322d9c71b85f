import { api, ok } from '../api';
import { h } from '../dom';
import { named } from '../format';
import { t } from '../i18n';

/** HR's "open a period" form: reports how many evaluations were made and who was skipped, and why. */
export function periodAdmin(onOpened: (periodId: string) => Promise<void>): HTMLElement {
  const key = h('input', { name: 'key', id: 'period-key', required: true, placeholder: '2026-11', size: 10 });
  const result = h('div', { id: 'open-result', role: 'status' });
  const error = h('p', { className: 'error', role: 'alert', id: 'open-error' });
  const form = h(
    'form',
    { className: 'row' },
    h('label', {}, t('periodKey'), key),
    h('button', { className: 'primary', type: 'submit' }, t('openPeriod')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      const opened = await ok(api.periods.$post({ json: { key: key.value.trim() } }));
      result.replaceChildren(
        h('p', { className: 'ok' }, t('opened', { key: opened.period.key, n: opened.evaluations })),
        ...(opened.skipped.length > 0
          ? [
              h('p', {}, t('skipped')),
              h(
                'ul',
                { id: 'skipped' },
                ...opened.skipped.map((s) =>
                  h('li', {}, t('skippedLine', { no: s.employeeNo, reason: named('skip_', s.reason) })),
                ),
              ),
            ]
          : []),
      );
      await onOpened(opened.period.id);
    } catch (err) {
      result.replaceChildren();
      error.textContent = (err as Error).message;
    }
  });
  return h('section', { className: 'card' }, h('h3', {}, t('openPeriod')), form, result, error);
}
