import type { Indicator, SchemeContent } from '../../../worker/domain/scheme';
import { h, table } from '../dom';
import { list, named, score } from '../format';
import { t } from '../i18n';

/** What an indicator's params mean, in one line. */
export function paramsSummary(i: Indicator): string {
  switch (i.type) {
    case 'quantity':
      return t('p_quantity', { target: i.params.target, cap: i.params.capRatio });
    case 'ratio':
      return t('p_ratio', { floor: i.params.floor, target: i.params.target });
    case 'rating':
      return t('p_rating', { scale: i.params.scale });
    case 'deduction':
      return list(i.params.rules.map((r) => `${r.name} −${r.deduct}`));
    case 'bonus':
      return list(i.params.rules.map((r) => `${r.name} +${r.add}`));
    case 'checklist':
      return [
        list(
          i.params.items.map((x) =>
            t('withNote', {
              text: x.name,
              note: [`×${x.weight}`, ...(x.critical ? [t('p_critical')] : [])].join(t('sep')),
            }),
          ),
        ),
        t('p_checklist', { none: t(i.params.whenNone === 'full' ? 'p_full' : 'p_zero') }),
      ].join(t('sep'));
    case 'veto':
      return [
        list(i.params.rules.map((r) => r.name)),
        ...(i.params.grade ? [t('p_veto', { grade: i.params.grade })] : []),
      ].join(t('sep'));
  }
}

/** A version's categories with their indicators (type, points, params), then its grade bands. */
export function schemeContent(c: SchemeContent): HTMLElement {
  const typeText = (i: Indicator) =>
    i.required
      ? t('withNote', { text: named('type_', i.type), note: t('required') })
      : named('type_', i.type);
  const rows = c.categories.flatMap((cat) => {
    const mine = c.indicators.filter((i) => i.category === cat.key);
    const weight = mine.reduce((n, i) => n + i.points, 0);
    return [
      h(
        'tr',
        { className: 'category' },
        h('td', { colSpan: 2 }, cat.name),
        h('td', {}, score(weight)),
        h('td', {}),
      ),
      ...mine.map((i) =>
        h(
          'tr',
          { className: 'indicator' },
          h('td', {}, i.name),
          h('td', { className: 'nowrap' }, typeText(i)),
          h('td', {}, i.type === 'veto' ? '—' : score(i.points)),
          h('td', {}, paramsSummary(i)),
        ),
      ),
    ];
  });
  const head = [t('indicator'), t('type'), t('points'), t('params')];
  return h(
    'div',
    { id: 'scheme-content' },
    h('p', {}, t('maxScore', { n: c.maxScore })),
    h('h3', {}, t('categories')),
    h(
      'table',
      { id: 'indicators' },
      h('thead', {}, h('tr', {}, ...head.map((x) => h('th', {}, x)))),
      h('tbody', {}, ...rows),
    ),
    h('h3', {}, t('bands')),
    bandsTable(c),
  );
}

function bandsTable(c: SchemeContent): HTMLTableElement {
  const el = table(
    [t('grade'), t('label'), t('range'), t('k')],
    [...c.bands]
      .sort((a, b) => b.min - a.min)
      .map((b) => [b.grade, b.label, `${b.min} – ${b.max}`, String(b.k)]),
  );
  el.id = 'bands';
  return el;
}
