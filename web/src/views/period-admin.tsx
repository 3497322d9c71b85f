import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { failureText } from '../errors';
import type { Evaluation, Period } from '../evaluation-api';
import { t } from '../i18n';
import { loadEmployees } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { confirmFirst, useAction, useLoad } from '../ui/kit';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** HR's month: open one (who was skipped and why), close it (asking first), late joiners. */
export function PeriodAdmin(props: {
  period?: Period;
  rows: Evaluation[];
  onChange: (periodId?: string) => void;
}) {
  const [key, setKey] = useState(thisMonth());
  const [opened, setOpened] = useState<{
    key: string;
    n: number;
    skipped: { employeeNo: string; reason: string }[];
  } | null>(null);
  const [notice, setNotice] = useState('');
  const [closeFailure, setCloseFailure] = useState<unknown>(null);
  const open = useAction();
  const join = useAction();
  const p = props.period;
  const employees = useLoad(() => loadEmployees({ active: 'true' }), [p?.id, props.rows.length]);
  const [joiner, setJoiner] = useState('');
  const inMonth = new Set(props.rows.map((r) => r.employeeId));
  const candidates = (employees.data ?? []).filter((e) => !inMonth.has(e.id));

  const doOpen = async (e: Event) => {
    e.preventDefault();
    const r = await open.run(() => ok(api.periods.$post({ json: { key } })));
    if (r) {
      setOpened({ key: r.period.key, n: r.evaluations, skipped: r.skipped });
      props.onChange(r.period.id);
    }
  };
  const doClose = async () => {
    if (!p) return;
    setCloseFailure(null);
    setNotice('');
    const waiting = props.rows.filter((r) => r.status !== 'approved' && r.status !== 'locked').length;
    const sure = await confirmFirst(t('closeAsk', { key: p.key }), {
      detail: waiting > 0 ? t('closeWaiting', { n: waiting }) : t('closeDetail', { n: props.rows.length }),
      confirmLabel: t('closePeriod'),
      danger: true,
    });
    if (!sure) return;
    try {
      const r = await ok(api.periods[':id'].close.$post({ param: { id: p.id } }));
      setNotice(t('closedPeriod', { n: r.lockedEvaluations }));
      props.onChange(p.id);
    } catch (err) {
      setCloseFailure(err);
    }
  };
  const doJoin = async (e: Event) => {
    e.preventDefault();
    const id = joiner || candidates[0]?.id;
    if (!p || !id) return;
    const r = await join.run(() =>
      ok(api.periods[':id'].evaluations.$post({ param: { id: p.id }, json: { employeeId: id } })),
    );
    if (r) {
      setJoiner('');
      props.onChange(p.id);
    }
  };
  return (
    <div class="grid2">
      <form class="card stack" onSubmit={doOpen}>
        <h2>{t('openPeriod')}</h2>
        <FormScope failure={open.failure}>
          <TextInput label={t('periodKey')} name="key" value={key} onValue={setKey} type="month" />
          <button type="submit" class="primary" disabled={open.busy}>
            {t('openPeriod')}
          </button>
          <FormError failure={open.failure} />
        </FormScope>
        {opened && (
          <div id="open-result" role="status">
            <p>{t('opened', { key: opened.key, n: opened.n })}</p>
            {opened.skipped.length > 0 && (
              <>
                <p class="muted">{t('skipped')}</p>
                <ul id="skipped">
                  {opened.skipped.map((s) => (
                    <li key={s.employeeNo}>
                      {t('skippedLine', {
                        no: s.employeeNo,
                        reason: t(`skip_${s.reason}` as 'skip_no_scheme'),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </form>
      {p && (
        <div class="card stack">
          <h2>{t('periodNamed', { key: p.key })}</h2>
          {p.status === 'open' ? (
            <>
              <form class="row wrap" onSubmit={doJoin}>
                <FormScope failure={join.failure}>
                  <Select
                    label={t('lateJoiner')}
                    name="employeeId"
                    value={joiner || candidates[0]?.id || ''}
                    options={candidates.map((c) => ({ value: c.id, label: `${c.employeeNo} ${c.name}` }))}
                    onValue={setJoiner}
                  />
                  <button type="submit" disabled={join.busy || candidates.length === 0}>
                    {t('addToPeriod')}
                  </button>
                  <FormError failure={join.failure} />
                </FormScope>
              </form>
              <p class="muted small">{t('leaverHelp')}</p>
              <button type="button" class="danger" id="close-period" onClick={doClose}>
                {t('closePeriod')}
              </button>
            </>
          ) : (
            <p class="muted">{t('periodIsClosed')}</p>
          )}
          <p id="period-notice" role="status">
            {notice}
          </p>
          <p id="period-error" class="error" role="alert">
            {closeFailure ? failureText(closeFailure) : ''}
          </p>
        </div>
      )}
    </div>
  );
}
