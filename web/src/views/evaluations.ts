import { api, ok } from '../api';
import { h, table } from '../dom';
import { type Evaluation, loadPeriods, loadRanking, type Period, statuses } from '../evaluation-api';
import { score, statusName, yuan } from '../format';
import { t } from '../i18n';
import { isAdmin, isEmployee } from '../session';
import { periodAdmin } from './period-admin';

/** The period chosen last, kept while the page lives. */
let remembered: string | undefined;

const option = (value: string, label: string, selected = false) => h('option', { value, selected }, label);

/**
 * The month's ranking: pick a period (newest first), filter by status and grade. The filters
 * work on the loaded ranking so that ranks stay the period's ranks. HR opens and closes periods.
 */
export async function evaluationsView(): Promise<HTMLElement> {
  let periods: Period[] = [];
  let items: Evaluation[] = [];
  const periodSelect = h('select', { id: 'period' });
  const statusSelect = h(
    'select',
    { id: 'status-filter' },
    option('', t('allStatuses')),
    ...statuses.map((s) => option(s, statusName(s))),
  );
  const gradeSelect = h('select', { id: 'grade-filter' });
  const closeButton = h('button', { type: 'button', id: 'close-period' }, t('closePeriod'));
  const notice = h('p', { className: 'ok', role: 'status', id: 'period-notice' });
  const error = h('p', { className: 'error', role: 'alert', id: 'period-error' });
  const list = h('div', { id: 'ranking' });
  const selected = () => periods.find((p) => p.id === remembered);

  function draw() {
    const status = statusSelect.value;
    const grade = gradeSelect.value;
    const shown = items.filter((e) => (!status || e.status === status) && (!grade || e.grade === grade));
    const ranked = !isEmployee(); // an employee sees one row: a rank among one means nothing
    if (shown.length === 0) {
      list.replaceChildren(h('p', { className: 'muted' }, t(periods.length ? 'noEvaluations' : 'noPeriods')));
      return;
    }
    list.replaceChildren(
      table(
        [
          ...(ranked ? [t('rank')] : []),
          t('employeeNo'),
          t('name'),
          t('total'),
          t('grade'),
          t('k'),
          t('bonus'),
          t('payTotal'),
          t('status'),
        ],
        shown.map((e) => [
          ...(ranked ? [String(e.rank ?? '')] : []),
          e.employeeNo ?? '',
          h('a', { href: `#/evaluations/${e.id}` }, e.employeeName ?? e.employeeId),
          score(e.total),
          e.grade,
          String(e.k),
          yuan(e.pay.bonusFen),
          yuan(e.pay.totalFen),
          statusName(e.status),
        ]),
      ),
    );
  }

  async function reload() {
    periods = await loadPeriods();
    if (!selected()) remembered = periods[0]?.id;
    periodSelect.replaceChildren(
      ...periods.map((p) =>
        option(
          p.id,
          t('withNote', { text: p.key, note: t(p.status === 'open' ? 'periodOpen' : 'periodClosed') }),
          p.id === remembered,
        ),
      ),
    );
    closeButton.hidden = !isAdmin() || selected()?.status !== 'open';
    const period = selected();
    items = period ? await loadRanking(period.id) : [];
    const grades = [...new Set(items.map((e) => e.grade))].sort();
    const keep = gradeSelect.value;
    gradeSelect.replaceChildren(option('', t('allGrades')), ...grades.map((g) => option(g, g, g === keep)));
    draw();
  }

  const attempt = (work: () => Promise<void>) => async () => {
    error.textContent = '';
    notice.textContent = '';
    try {
      await work();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };
  periodSelect.addEventListener(
    'change',
    attempt(async () => {
      remembered = periodSelect.value;
      await reload();
    }),
  );
  statusSelect.addEventListener('change', draw);
  gradeSelect.addEventListener('change', draw);
  closeButton.addEventListener(
    'click',
    attempt(async () => {
      const period = selected();
      if (!period) return;
      const closed = await ok(api.periods[':id'].close.$post({ param: { id: period.id } }));
      await reload();
      notice.textContent = t('closedPeriod', { n: closed.lockedEvaluations });
    }),
  );

  await reload();
  const opener = isAdmin()
    ? periodAdmin(async (id) => {
        remembered = id;
        await reload();
      })
    : null;
  return h(
    'div',
    {},
    h(
      'section',
      { className: 'card' },
      h('h2', {}, t('evaluations')),
      h(
        'div',
        { className: 'row' },
        h('label', {}, t('period'), periodSelect),
        h('label', {}, t('status'), statusSelect),
        h('label', {}, t('grade'), gradeSelect),
        closeButton,
      ),
      notice,
      error,
      list,
    ),
    opener,
  );
}
