import type { SchemeContent } from '../../../worker/domain/scheme';
import { h } from '../dom';
import { type Detail, removeInput } from '../evaluation-api';
import {
  describeInput,
  evidenceText,
  indicatorName,
  inputValue,
  list,
  named,
  ruleName,
  when,
} from '../format';
import { t } from '../i18n';
import { isAdmin, isSupervisor } from '../session';
import { type Render, runner } from './evaluation-actions';

/** Every input, voided ones struck through; on a draft, people's entries can be removed. */
export function inputsCard(d: Detail, content: SchemeContent, render: Render): HTMLElement {
  const error = h('p', { className: 'error', role: 'alert', id: 'inputs-error' });
  const run = runner(d, render, error);
  const editable = d.status === 'draft' && (isAdmin() || isSupervisor());
  const head = [t('kind'), t('indicator'), t('rule'), t('valueCount'), t('evidence'), t('source'), ''];
  const rows = d.inputs.map((i) =>
    h(
      'tr',
      { className: i.voided ? 'voided' : '', 'data-input': i.id },
      h(
        'td',
        { className: 'nowrap' },
        named('kind_', i.kind),
        i.voided && h('span', { className: 'tag' }, t('voided')),
      ),
      h('td', {}, indicatorName(content, i.indicator)),
      h('td', {}, ruleName(content, i.indicator, i.rule)),
      h('td', {}, inputValue(i)),
      h('td', {}, evidenceText(i.evidence)),
      h('td', { className: 'nowrap' }, named('source_', i.source)),
      h(
        'td',
        {},
        editable &&
          !i.voided &&
          i.source === 'person' &&
          h(
            'button',
            { type: 'button', className: 'link', onclick: () => run(() => removeInput(d, i.id)) },
            t('remove'),
          ),
      ),
    ),
  );
  return h(
    'section',
    { className: 'card' },
    h('h3', {}, t('inputs')),
    rows.length === 0
      ? h('p', { className: 'muted' }, t('noInputs'))
      : h(
          'table',
          { id: 'inputs' },
          h('thead', {}, h('tr', {}, ...head.map((x) => h('th', {}, x)))),
          h('tbody', {}, ...rows),
        ),
    error,
  );
}

/** Appeals with their reasons, the inputs they dispute, and HR's answers. */
export function appealsCard(d: Detail, content: SchemeContent): HTMLElement | null {
  if (d.appeals.length === 0) return null;
  const names = (ids: string[] | null) =>
    list(
      (ids ?? [])
        .map((id) => d.inputs.find((i) => i.id === id))
        .map((i) => (i ? describeInput(content, i) : ''))
        .filter(Boolean),
    );
  return h(
    'section',
    { className: 'card', id: 'appeals' },
    h('h3', {}, t('appeals')),
    ...d.appeals.map((a) =>
      h(
        'div',
        { className: 'appeal' },
        h(
          'p',
          {},
          h('span', { className: 'tag' }, t(a.status === 'open' ? 'appealOpen' : 'appealResolved')),
          ` ${t('labelled', { label: t('appealReason'), value: a.reason })}`,
        ),
        a.disputedInputIds.length > 0 &&
          h('p', { className: 'muted' }, t('disputed', { list: names(a.disputedInputIds) })),
        a.answer && h('p', {}, t('labelled', { label: t('appealAnswer'), value: a.answer })),
        (a.voidedInputIds?.length ?? 0) > 0 &&
          h('p', { className: 'muted' }, t('voidedByAnswer', { list: names(a.voidedInputIds) })),
        h(
          'p',
          { className: 'muted' },
          `${when(a.createdAt)}${a.resolvedAt ? ` → ${when(a.resolvedAt)}` : ''}`,
        ),
      ),
    ),
  );
}
