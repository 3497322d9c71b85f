import { loadSummary, type Summary } from '../contract-api';
import { failureText } from '../errors';
import { statuses } from '../evaluation-api';
import { money, score, statusName, when } from '../format';
import { t } from '../i18n';
import { me } from '../session';
import { BarsChart } from '../ui/chart';
import { Loading, Page, useLoad } from '../ui/kit';
import { Table } from '../ui/table';
import { PeriodSelect, usePeriods } from './period-picker';

const statusColors: Record<string, string> = {
  draft: '#9aa5b1',
  submitted: '#0b5cad',
  confirmed: '#2f80ed',
  appealed: '#d97706',
  approved: '#0a7d32',
  locked: '#3e4c59',
};

function SummaryCards({ s }: { s: Summary }) {
  const done = s.byStatus.approved + s.byStatus.locked;
  const percent = s.evaluations === 0 ? 0 : Math.round((done / s.evaluations) * 100);
  return (
    <>
      <section class="facts cards-row" aria-label={t('totals')}>
        <div class="fact card">
          <span class="muted">{t('evaluationCount')}</span>
          <strong id="evaluation-count">{s.evaluations}</strong>
        </div>
        <div class="fact card">
          <span class="muted">{t('completion')}</span>
          <strong id="completion">{t('percent', { n: percent })}</strong>
        </div>
        <div class="fact card">
          <span class="muted">{t('totalBonus')}</span>
          <strong id="total-bonus">{money(s.totalBonusFen)}</strong>
        </div>
        <div class="fact card">
          <span class="muted">{t('totalPay')}</span>
          <strong id="total-pay">{money(s.totalPayFen)}</strong>
        </div>
      </section>
      <div class="grid2">
        <section class="card">
          <h2>{t('byStatus')}</h2>
          <BarsChart
            id="status-chart"
            label={t('byStatus')}
            horizontal
            bars={statuses.map((st) => ({
              label: statusName(st),
              value: s.byStatus[st],
              color: statusColors[st],
            }))}
          />
          <p class="muted small" id="by-status">
            {statuses.map((st) => `${statusName(st)} ${s.byStatus[st]}`).join(t('sep'))}
          </p>
        </section>
        <section class="card">
          <h2>{t('gradeDistribution')}</h2>
          <BarsChart
            id="grade-chart"
            label={t('gradeDistribution')}
            bars={s.grades.map((g) => ({ label: `${g.grade} ${g.label}`, value: g.count }))}
          />
          <p class="muted small" id="grades">
            {s.grades.map((g) => `${g.grade} ${g.label} ${g.count}`).join(t('sep'))}
          </p>
        </section>
      </div>
      <section class="card">
        <h2>{t('histogram')}</h2>
        <BarsChart
          id="histogram"
          label={t('histogram')}
          bars={s.histogram.map((b) => ({ label: `${b.from}–${b.to}`, value: b.count }))}
        />
      </section>
      <section class="card">
        <h2>{t('departmentComparison')}</h2>
        <div class="scroll">
          <Table id="departments">
            <thead>
              <tr>
                <th>{t('department')}</th>
                <th class="num">{t('headcount')}</th>
                <th class="num">{t('mean')}</th>
                <th class="num">{t('median')}</th>
                <th class="num">{t('minMax')}</th>
              </tr>
            </thead>
            <tbody>
              {s.departments.map((d) => (
                <tr key={d.departmentId}>
                  <td>{d.name}</td>
                  <td class="num">{d.headcount}</td>
                  <td class="num">{score(d.mean)}</td>
                  <td class="num">{score(d.median)}</td>
                  <td class="num">{`${score(d.min)} – ${score(d.max)}`}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </section>
      <section class="card">
        <h2>{t('openAppeals')}</h2>
        {s.openAppeals.length === 0 ? (
          <p class="muted">{t('noOpenAppeals')}</p>
        ) : (
          <ul id="open-appeals" class="plain">
            {s.openAppeals.map((a) => (
              <li key={a.appealId}>
                <a href={`#/evaluations/${a.evaluationId}`}>{`${a.employeeNo} ${a.employeeName}`}</a>
                <span class="muted">{` · ${when(a.createdAt)} · `}</span>
                {a.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** 概览: the chosen month at a glance, from GET /periods/{id}/summary. */
export function OverviewView() {
  const periods = usePeriods();
  const id = periods.current?.id;
  const summary = useLoad(async () => (id ? loadSummary(id) : null), [id]);
  const who = me.value;
  return (
    <Page title={t('overview')} actions={<PeriodSelect periods={periods} />}>
      <p class="muted" id="welcome">
        {t('welcome', { name: who?.user.name ?? '' })}
      </p>
      {periods.loading && <Loading />}
      {!periods.loading && !id && (
        <section class="card">
          <p>{t('noPeriods')}</p>
          <a href="#/evaluations">{t('openPeriodHint')}</a>
        </section>
      )}
      {summary.error ? (
        <p class="error" role="alert">
          {failureText(summary.error)}
        </p>
      ) : null}
      {summary.data && <SummaryCards s={summary.data} />}
    </Page>
  );
}
