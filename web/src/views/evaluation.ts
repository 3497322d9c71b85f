import type { SchemeContent } from '../../../worker/domain/scheme';
import { api, ok } from '../api';
import { h } from '../dom';
import { type Detail, loadEvaluation, pinnedContent } from '../evaluation-api';
import { indicatorName, list, ruleName, score, statusName, yuan } from '../format';
import { pick, t } from '../i18n';
import { actionsCard } from './evaluation-actions';
import { appealsCard, inputsCard } from './evaluation-inputs';

/** A label and its value, in the header's grid. */
const fact = (label: string, value: string, id?: string) =>
  h('div', { className: 'fact' }, h('span', { className: 'muted' }, label), h('strong', { id }, value));

function header(d: Detail, periodKey: string, content: SchemeContent): HTMLElement {
  const b = d.breakdown;
  const missing = d.missingRequired.map((k) => indicatorName(content, k));
  return h(
    'section',
    { className: 'card' },
    h('a', { href: '#/evaluations', className: 'muted' }, t('back')),
    h('h2', { id: 'employee' }, `${d.employeeNo ?? ''} ${d.employeeName ?? ''}`.trim()),
    h(
      'div',
      { className: 'facts' },
      fact(t('period'), periodKey, 'period-key'),
      fact(t('status'), statusName(d.status), 'status'),
      fact(t('total'), `${score(d.total)} / ${score(b.maxScore)}`, 'total'),
      fact(t('grade'), `${d.grade} ${b.label}`, 'grade'),
      fact(t('k'), String(d.k), 'k'),
      fact(t('baseSalary'), t('yuan', { n: yuan(d.pay.baseSalaryFen) })),
      fact(t('bonus'), t('yuan', { n: yuan(d.pay.bonusFen) }), 'bonus'),
      fact(t('payTotal'), t('yuan', { n: yuan(d.pay.totalFen) }), 'pay-total'),
    ),
    b.veto &&
      h(
        'p',
        { className: 'error' },
        t('vetoed', { rule: ruleName(content, b.veto.indicator, b.veto.rule), grade: b.veto.grade }),
      ),
    missing.length > 0 && h('p', { className: 'muted' }, t('missingRequired', { list: list(missing) })),
  );
}

/** Each category with its points, then its indicators, each with the sentence that explains it. */
function breakdownCard(d: Detail): HTMLElement {
  const b = d.breakdown;
  const of = (points: number, max: number) => `${score(points)} / ${score(max)}`;
  const rows = b.categories.flatMap((c) => [
    h(
      'tr',
      { className: 'category' },
      h('td', {}, c.name),
      h('td', { className: 'nowrap' }, of(c.points, c.maxPoints)),
      h('td', {}),
    ),
    ...b.indicators
      .filter((i) => i.category === c.key)
      .map((i) =>
        h(
          'tr',
          { className: i.missing ? 'indicator missing' : 'indicator', 'data-indicator': i.key },
          h('td', {}, i.name),
          h('td', { className: 'nowrap' }, i.type === 'veto' ? '—' : of(i.points, i.maxPoints)),
          h('td', {}, pick(i.explanation)),
        ),
      ),
  ]);
  return h(
    'section',
    { className: 'card' },
    h('h3', {}, t('breakdown')),
    h(
      'table',
      { id: 'breakdown' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, t('indicator')), h('th', {}, t('points')), h('th', {}, t('explanation'))),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** One evaluation: header, actions for the caller's role and its state, breakdown, inputs, appeals. */
export async function evaluationView(id: string): Promise<HTMLElement> {
  const first = await loadEvaluation(id);
  const [content, period] = await Promise.all([
    pinnedContent(first),
    ok(api.periods[':id'].$get({ param: { id: first.periodId } })),
  ]);
  const root = h('div', { id: 'evaluation' });
  const render = (d: Detail) => {
    const cards = [
      header(d, period.key, content),
      actionsCard(d, content, render),
      breakdownCard(d),
      inputsCard(d, content, render),
      appealsCard(d, content),
    ];
    root.replaceChildren(...cards.filter((c): c is HTMLElement => c !== null));
  };
  render(first);
  return root;
}
