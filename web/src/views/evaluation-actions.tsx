import { useState } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { ApiFailure } from '../api';
import { failureText } from '../errors';
import { type Detail, type Input, type Step, step } from '../evaluation-api';
import { describeInput } from '../format';
import { t } from '../i18n';
import { isAdmin, isEmployee, isSupervisor } from '../session';
import { TextArea } from '../ui/inputs';
import { confirmFirst } from '../ui/kit';

type Apply = (d: Detail) => void;

/** Checkboxes naming inputs; `mark` flags some of them (the disputed ones, for HR). */
function Ticks(props: {
  legend: string;
  inputs: Input[];
  content: SchemeContent;
  mark?: Set<string>;
  value: string[];
  onValue: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.inputs.length === 0 && <p class="muted small">{t('noInputs')}</p>}
      {props.inputs.map((i) => (
        <label class="tick" key={i.id}>
          <input
            type="checkbox"
            checked={props.value.includes(i.id)}
            onChange={(e) =>
              props.onValue(
                e.currentTarget.checked ? [...props.value, i.id] : props.value.filter((x) => x !== i.id),
              )
            }
          />
          {describeInput(props.content, i) + (props.mark?.has(i.id) ? t('disputedMark') : '')}
        </label>
      ))}
    </fieldset>
  );
}

/** The workflow steps the caller may take now, by role and state; those that cannot be undone ask first. */
export function WorkflowActions({
  d,
  content,
  onChange,
  onReload,
}: {
  d: Detail;
  content: SchemeContent;
  onChange: Apply;
  onReload: () => void;
}) {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const live = d.inputs.filter((i) => !i.voided);

  const run = async <S extends Step>(
    name: S,
    body: Parameters<typeof step<S>>[2],
    ask?: { message: string; detail: string },
  ) => {
    if (ask && !(await confirmFirst(ask.message, { detail: ask.detail, confirmLabel: t(name) }))) return;
    setFailure(null);
    setBusy(true);
    try {
      onChange(await step(d, name, body));
      setReason('');
      setAnswer('');
      setTicked([]);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const button = (
    name: 'submit' | 'confirm' | 'approve',
    ask: { message: string; detail: string },
    primary = true,
  ) => (
    <button type="button" class={primary ? 'primary' : ''} disabled={busy} onClick={() => run(name, {}, ask)}>
      {t(name)}
    </button>
  );
  const parts = [];
  const staff = isAdmin() || isSupervisor();
  if (d.status === 'draft' && staff)
    parts.push(
      <div key="submit">{button('submit', { message: t('submitAsk'), detail: t('submitDetail') })}</div>,
    );
  if (d.status === 'submitted' && isEmployee()) {
    parts.push(
      <div key="confirm">{button('confirm', { message: t('confirmAsk'), detail: t('confirmDetail') })}</div>,
    );
    parts.push(
      <form
        key="appeal"
        id="appeal-form"
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run('appeal', { reason, disputedInputIds: ticked });
        }}
      >
        <h3>{t('appealTitle')}</h3>
        <TextArea label={t('appealReason')} name="reason" value={reason} onValue={setReason} required />
        <Ticks
          legend={t('tickDisputed')}
          inputs={live}
          content={content}
          value={ticked}
          onValue={setTicked}
        />
        <button type="submit" disabled={busy}>
          {t('appeal')}
        </button>
      </form>,
    );
  }
  if ((d.status === 'submitted' || d.status === 'confirmed') && isAdmin())
    parts.push(
      <div key="approve">
        {button('approve', { message: t('approveOneAsk'), detail: t('approveDetail') })}
      </div>,
    );
  if (d.status === 'appealed' && isAdmin()) {
    const open = d.appeals.filter((a) => a.status === 'open');
    const disputed = new Set(open.flatMap((a) => a.disputedInputIds));
    const events = live.filter((i) => i.kind === 'event');
    parts.push(
      <form
        key="resolve"
        id="resolve-form"
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            'resolve',
            { answer, voidInputIds: ticked },
            ticked.length > 0
              ? { message: t('resolveAsk', { n: ticked.length }), detail: t('resolveDetail') }
              : undefined,
          );
        }}
      >
        {open.map((a) => (
          <p key={a.id}>{t('labelled', { label: t('appealReason'), value: a.reason })}</p>
        ))}
        <TextArea label={t('appealAnswer')} name="answer" value={answer} onValue={setAnswer} required />
        <Ticks
          legend={t('tickVoid')}
          inputs={events}
          content={content}
          mark={disputed}
          value={ticked}
          onValue={setTicked}
        />
        <button type="submit" class="primary" disabled={busy}>
          {t('resolve')}
        </button>
      </form>,
    );
  }
  if ((d.status === 'approved' || d.status === 'locked') && isAdmin() && d.status !== 'locked')
    parts.push(
      <form
        key="reopen"
        id="reopen-form"
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run('reopen', { reason });
        }}
      >
        <TextArea label={t('reopenReason')} name="reason" value={reason} onValue={setReason} required />
        <button type="submit" disabled={busy}>
          {t('reopen')}
        </button>
      </form>,
    );
  if (parts.length === 0 && !failure) return null;
  return (
    <section class="card" id="actions">
      <h2>{isEmployee() ? t('yourTurn') : t('actions')}</h2>
      <div class="stack">{parts}</div>
      <div id="action-error" class="error" role="alert">
        {failure ? failureText(failure) : ''}
        {failure instanceof ApiFailure && (failure.status === 412 || failure.status === 428) && (
          <button
            type="button"
            class="link"
            onClick={() => {
              setFailure(null);
              onReload();
            }}
          >
            {t('reload')}
          </button>
        )}
      </div>
    </section>
  );
}
