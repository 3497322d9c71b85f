import { useEffect, useState } from 'preact/hooks';
import { failureText } from '../errors';
import { allows, type Evaluation, loadRanking, removeFromPeriod, statuses } from '../evaluation-api';
import { money, score, statusName } from '../format';
import { freshness } from '../fresh';
import { t } from '../i18n';
import { loadDepartments, namesById } from '../org-api';
import { route } from '../router';
import { isAdmin } from '../session';
import { Select, TextInput } from '../ui/inputs';
import { askReason, Badge, Loading, Page, useLoad } from '../ui/kit';
import { Table } from '../ui/table';
import {
  askBulk,
  type BulkOutcome,
  type BulkStep,
  BulkSummary,
  qualifying,
  runBulk,
} from './evaluations-bulk';
import { PeriodAdmin } from './period-admin';
import { PeriodSelect, usePeriods } from './period-picker';

export const statusTone: Record<string, string> = {
  draft: 'muted',
  submitted: 'info',
  confirmed: 'info',
  appealed: 'warn',
  approved: 'ok',
  locked: 'dark',
};

/** 考核: the month's ranking with filters, bulk submit/approve, and HR's period controls. */
export function EvaluationsView() {
  // ?period= (the evaluation page's way back) keeps the month one came from.
  const periods = usePeriods(route.value.query.get('period'));
  const p = periods.current;
  const ranking = useLoad(async () => (p ? loadRanking(p.id) : []), [p?.id]);
  const deps = useLoad(() => loadDepartments().catch(() => []), []);
  const [filters, setFilters] = useState({ department: '', status: '', grade: '', q: '' });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaveFailure, setLeaveFailure] = useState<unknown>(null);
  const rows = ranking.data ?? [];
  const depName = namesById(deps.data ?? []);
  const q = filters.q.trim();
  const shown = rows.filter(
    (e) =>
      (!filters.department || e.departmentId === filters.department) &&
      (!filters.status || e.status === filters.status) &&
      (!filters.grade || e.grade === filters.grade) &&
      (!q || (e.employeeNo ?? '').includes(q) || (e.employeeName ?? '').includes(q)),
  );
  const grades = [...new Set(rows.map((e) => e.grade))].sort();
  const departments = [...new Set(rows.map((e) => e.departmentId))];
  const picked = shown.filter((e) => chosen.has(e.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  // Which rows a step may go to is each row's allowedActions: the API's policy, not this page's.
  const offered = (name: BulkStep) => rows.some((e) => allows(e, name));
  const toSubmit = qualifying('submit', picked);
  const toApprove = qualifying('approve', picked);
  // A bulk step's results describe the rows as they were: a new load, month or filter ends them.
  const tick = freshness.value;
  useEffect(() => setOutcome(null), [tick, p?.id, filters]);
  const bulk = async (name: BulkStep) => {
    const going = name === 'submit' ? toSubmit : toApprove;
    if (going.length === 0) return;
    if (!(await askBulk(name, picked, name === 'approve' ? t('approveDetail') : undefined))) return;
    setBusy(true);
    setOutcome(await runBulk(name, picked));
    setBusy(false);
    setChosen(new Set());
    void ranking.reload();
  };
  const leave = async (e: Evaluation) => {
    const reason = await askReason(t('leaveAsk', { name: e.employeeName ?? '' }), t('leaveReason'), {
      detail: t('leaveDetail'),
      confirmLabel: t('removeLeaver'),
      danger: true,
    });
    if (!reason) return;
    setLeaveFailure(null);
    try {
      await removeFromPeriod(e, reason);
      setOutcome(null);
      void ranking.reload();
    } catch (err) {
      setLeaveFailure(err);
    }
  };
  const all = { value: '', label: t('all') };
  const canBulk = offered('submit') || offered('approve');
  const canLeave = rows.some((e) => allows(e, 'leave'));
  return (
    <Page
      title={t('evaluations')}
      actions={
        <div class="row wrap">
          <PeriodSelect periods={periods} />
          <a class="button" id="open-grid" href={p ? `#/grid?period=${p.id}` : '#/grid'}>
            {t('grid')}
          </a>
        </div>
      }
    >
      {isAdmin() && (
        <PeriodAdmin
          period={p}
          rows={rows}
          onChange={async (id) => {
            await periods.reload();
            if (id) periods.choose(id);
            setOutcome(null);
            void ranking.reload();
          }}
        />
      )}
      <section class="card">
        <h2>{p ? t('rankingOf', { key: p.key }) : t('ranking')}</h2>
        <div class="row wrap filters">
          {departments.length > 1 && (
            <Select
              label={t('department')}
              id="department-filter"
              value={filters.department}
              options={[all, ...departments.map((d) => ({ value: d, label: depName.get(d) ?? d }))]}
              onValue={(department) => setFilters({ ...filters, department })}
            />
          )}
          <Select
            label={t('status')}
            id="status-filter"
            value={filters.status}
            options={[
              { value: '', label: t('allStatuses') },
              ...statuses.map((s) => ({ value: s, label: statusName(s) })),
            ]}
            onValue={(status) => setFilters({ ...filters, status })}
          />
          <Select
            label={t('grade')}
            id="grade-filter"
            value={filters.grade}
            options={[{ value: '', label: t('allGrades') }, ...grades.map((g) => ({ value: g, label: g }))]}
            onValue={(grade) => setFilters({ ...filters, grade })}
          />
          <TextInput
            label={t('searchEmployee')}
            type="search"
            id="evaluation-search"
            value={filters.q}
            onValue={(q2) => setFilters({ ...filters, q: q2 })}
          />
        </div>
        {canBulk && (
          <div class="row wrap bulk-bar">
            <span class="muted">{t('selected', { n: picked.length })}</span>
            {offered('submit') && (
              <button
                type="button"
                id="bulk-submit"
                disabled={busy || toSubmit.length === 0}
                onClick={() => bulk('submit')}
              >
                {t('bulkSubmit', { n: toSubmit.length })}
              </button>
            )}
            {offered('approve') && (
              <button
                type="button"
                class="primary"
                id="bulk-approve"
                disabled={busy || toApprove.length === 0}
                onClick={() => bulk('approve')}
              >
                {t('bulkApprove', { n: toApprove.length })}
              </button>
            )}
            <span class="muted small full">{t('bulkHelp')}</span>
          </div>
        )}
        {outcome && <BulkSummary outcome={outcome} />}
        {leaveFailure ? (
          <p class="error" role="alert">
            {failureText(leaveFailure)}
          </p>
        ) : null}
        {(periods.loading || ranking.loading) && <Loading />}
        <div class="scroll" id="ranking">
          {!ranking.loading && shown.length === 0 ? (
            <p class="muted">{rows.length === 0 && !p ? t('noPeriods') : t('noEvaluations')}</p>
          ) : (
            <Table>
              <thead>
                <tr>
                  {canBulk && (
                    <th>
                      <input
                        type="checkbox"
                        aria-label={t('selectAll')}
                        checked={picked.length > 0 && picked.length === shown.length}
                        onChange={(e) =>
                          setChosen(e.currentTarget.checked ? new Set(shown.map((x) => x.id)) : new Set())
                        }
                      />
                    </th>
                  )}
                  <th class="num">{t('rank')}</th>
                  <th>{t('employeeNo')}</th>
                  <th>{t('name')}</th>
                  <th>{t('department')}</th>
                  <th class="num">{t('total')}</th>
                  <th>{t('grade')}</th>
                  <th class="num">K</th>
                  <th class="num">{t('bonus')}</th>
                  <th class="num">{t('payTotal')}</th>
                  <th>{t('status')}</th>
                  {canLeave && <th>{t('actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id}>
                    {canBulk && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('selectOne', { name: e.employeeName ?? '' })}
                          checked={chosen.has(e.id)}
                          onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                        />
                      </td>
                    )}
                    <td class="num">{e.rank ?? ''}</td>
                    <td class="nowrap">{e.employeeNo}</td>
                    <td class="nowrap">
                      <a href={`#/evaluations/${e.id}`}>{e.employeeName}</a>
                    </td>
                    <td class="nowrap">{depName.get(e.departmentId) ?? ''}</td>
                    <td class="num">{score(e.total)}</td>
                    <td>{e.grade}</td>
                    <td class="num">{e.k}</td>
                    <td class="num nowrap">{money(e.pay.bonusFen)}</td>
                    <td class="num nowrap">{money(e.pay.totalFen)}</td>
                    <td>
                      <Badge tone={statusTone[e.status] ?? 'muted'}>{statusName(e.status)}</Badge>
                    </td>
                    {canLeave && (
                      <td>
                        {allows(e, 'leave') && (
                          <button type="button" class="link" data-action="leave" onClick={() => leave(e)}>
                            {t('removeLeaver')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </section>
    </Page>
  );
}
