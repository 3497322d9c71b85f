import { useEffect, useState } from 'preact/hooks';
import {
  createReport,
  deleteReport,
  downloadUrl,
  listReports,
  type NewReport,
  type Report,
  type ReportKind,
  reportKinds,
  retryReport,
} from '../contract-api';
import { failureText } from '../errors';
import { when } from '../format';
import { t } from '../i18n';
import { isEmployee, isSupervisor } from '../session';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { Badge, confirmFirst, Loading, Page, useAction, useLoad } from '../ui/kit';
import { PeriodSelect, usePeriods } from './period-picker';

const needsPeriod = (k: ReportKind) => k === 'period-scores' || k === 'payroll' || k === 'department-summary';
const statusTone = { queued: 'muted', running: 'info', ready: 'ok', failed: 'bad' } as const;

function kindsFor(): ReportKind[] {
  if (isEmployee()) return ['employee-history'];
  if (isSupervisor()) return ['period-scores', 'department-summary', 'employee-history'];
  return [...reportKinds];
}

/** 报表: create any report the role may, watch it progress, download it when ready. */
export function ReportsView() {
  const kinds = kindsFor();
  const periods = usePeriods();
  const reports = useLoad(async () => (await listReports()).items, []);
  const [kind, setKind] = useState<ReportKind>(kinds[0]!);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [range, setRange] = useState({ from: '', to: '' });
  const [includeOpen, setIncludeOpen] = useState(false);
  const action = useAction();
  const pending = (reports.data ?? []).some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void reports.reload(), 1000);
    return () => clearInterval(timer);
  }, [pending]);
  const create = async (e: Event) => {
    e.preventDefault();
    const body: NewReport = { kind, format };
    if (needsPeriod(kind)) body.periodId = periods.current?.id;
    if (kind === 'payroll' && includeOpen) body.includeOpen = true;
    if (kind === 'employee-history') Object.assign(body, { from: range.from, to: range.to });
    if (kind === 'audit-log')
      Object.assign(body, {
        from: range.from && new Date(`${range.from}T00:00:00+08:00`).toISOString(),
        to: range.to && new Date(`${range.to}T23:59:59.999+08:00`).toISOString(),
      });
    const made = await action.run(() => createReport(body));
    if (made) void reports.reload();
  };
  const remove = async (r: Report) => {
    if (
      !(await confirmFirst(t('deleteReportAsk', { name: r.fileName }), {
        danger: true,
        confirmLabel: t('remove'),
      }))
    )
      return;
    if (await action.run(() => deleteReport(r.id))) void reports.reload();
    else void reports.reload();
  };
  return (
    <Page title={t('reports')}>
      <form class="card stack" onSubmit={create} id="report-form">
        <h2>{t('newReport')}</h2>
        <FormScope failure={action.failure}>
          <div class="row wrap">
            <Select
              label={t('reportKind')}
              name="kind"
              value={kind}
              options={kinds.map((k) => ({
                value: k,
                label: t(`report_${k.replace(/-/g, '_')}` as 'report_payroll'),
              }))}
              onValue={(k) => setKind(k as ReportKind)}
              id="report-kind"
            />
            <Select
              label={t('reportFormat')}
              name="format"
              value={format}
              options={[
                { value: 'xlsx', label: t('fmt_xlsx') },
                { value: 'csv', label: t('fmt_csv') },
              ]}
              onValue={(f) => setFormat(f as 'xlsx' | 'csv')}
              id="report-format"
            />
            {needsPeriod(kind) && <PeriodSelect periods={periods} id="report-period" name="periodId" />}
            {(kind === 'employee-history' || kind === 'audit-log') && (
              <>
                <TextInput
                  label={t('fromDay')}
                  name="from"
                  type={kind === 'audit-log' ? 'date' : 'month'}
                  value={range.from}
                  onValue={(from) => setRange({ ...range, from })}
                />
                <TextInput
                  label={t('toDay')}
                  name="to"
                  type={kind === 'audit-log' ? 'date' : 'month'}
                  value={range.to}
                  onValue={(to) => setRange({ ...range, to })}
                />
              </>
            )}
          </div>
          <p class="muted small">{t(`reportHelp_${kind.replace(/-/g, '_')}` as 'reportHelp_payroll')}</p>
          {kind === 'payroll' && (
            <label class="tick">
              <input
                type="checkbox"
                checked={includeOpen}
                onChange={(e) => setIncludeOpen(e.currentTarget.checked)}
              />
              {t('includeOpen')}
            </label>
          )}
          <button
            type="submit"
            class="primary"
            disabled={action.busy || (needsPeriod(kind) && !periods.current)}
          >
            {t('createReport')}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
      </form>
      <section class="card">
        <h2>{t('reportList')}</h2>
        {!reports.data && !reports.error && <Loading />}
        {reports.error ? (
          <p class="error" role="alert">
            {failureText(reports.error)}
          </p>
        ) : null}
        {reports.data && reports.data.length === 0 && <p class="muted">{t('noReports')}</p>}
        <ul class="plain reports" id="report-list">
          {reports.data?.map((r) => (
            <li key={r.id} class="report" data-status={r.status}>
              <div class="report-head">
                <strong class="file-name">{r.fileName}</strong>
                <Badge tone={statusTone[r.status]}>{t(`rstatus_${r.status}`)}</Badge>
              </div>
              <p class="muted small">
                {`${t(`report_${r.kind.replace(/-/g, '_')}` as 'report_payroll')} · ${when(r.createdAt)}${r.createdBy.name ? ` · ${r.createdBy.name}` : ''}${r.rows !== null ? ` · ${t('rowsN', { n: r.rows })}` : ''}`}
              </p>
              {(r.status === 'queued' || r.status === 'running') && (
                <progress aria-label={t(`rstatus_${r.status}`)} />
              )}
              {r.status === 'failed' && r.error && <p class="error">{r.error.message}</p>}
              <div class="row wrap">
                {r.status === 'ready' && (
                  <a class="button primary" href={downloadUrl(r.id)} download={r.fileName}>
                    {t('download')}
                  </a>
                )}
                {r.status === 'failed' && !isEmployee() && (
                  <button
                    type="button"
                    onClick={async () => {
                      await action.run(() => retryReport(r.id));
                      void reports.reload();
                    }}
                  >
                    {t('retry')}
                  </button>
                )}
                {!isEmployee() && (
                  <button type="button" class="link" onClick={() => remove(r)}>
                    {t('remove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
