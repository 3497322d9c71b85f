import { useState } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { ApiFailure } from '../api';
import { failureText } from '../errors';
import {
  type Action,
  allows,
  type Detail,
  type Input,
  removeFromPeriod,
  type Step,
  step,
} from '../evaluation-api';
import { describeInput } from '../format';
import { t } from '../i18n';
import { TextArea } from '../ui/inputs';
import { askReason, confirmFirst } from '../ui/kit';

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

/**
 * The steps the API offers the caller on this evaluation now (`allowedActions`), and nothing
 * else: who may do what in which state is the server's policy, not this page's. Each control
 * carries `data-action` with the action it takes. Steps that cannot be undone ask first.
 */
export function WorkflowActions({
  d,
  content,
  onChange,
  onReload,
  onLeft,
}: {
  d: Detail;
  content: SchemeContent;
  onChange: Apply;
  onReload: () => void;
  /** After the evaluation was removed from its period (it no longer exists). */
  onLeft: () => void;
}) {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const live = d.inputs.filter((i) => !i.voided);
  const can = (action: Action) => allows(d, action);

  const attempt = async (work: () => Promise<void>) => {
    setFailure(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const run = async <S extends Step>(
    name: S,
    body: Parameters<typeof step<S>>[2],
    ask?: { message: string; detail: string },
  ) => {
    if (ask && !(await confirmFirst(ask.message, { detail: ask.detail, confirmLabel: t(name) }))) return;
    await attempt(async () => {
      onChange(await step(d, name, body));
      setReason('');
      setAnswer('');
      setTicked([]);
    });
  };
  const leave = async () => {
    const why = await askReason(t('leaveAsk', { name: d.employeeName ?? '' }), t('leaveReason'), {
      detail: t('leaveDetail'),
      confirmLabel: t('removeLeaver'),
      danger: true,
    });
    if (why)
      await attempt(async () => {
        await removeFromPeriod(d, why);
        onLeft();
      });
  };
  const button = (
    name: 'submit' | 'confirm' | 'approve',
    ask: { message: string; detail: string },
    primary = true,
  ) => (
    <button
      type="button"
      class={primary ? 'primary' : ''}
      data-action={name}
      disabled={busy}
      onClick={() => run(name, {}, ask)}
    >
      {t(name)}
    </button>
  );
  const parts = [];
  if (can('submit'))
    parts.push(
      <div key="submit">{button('submit', { message: t('submitAsk'), detail: t('submitDetail') })}</div>,
    );
  if (can('confirm'))
    parts.push(
      <div key="confirm">{button('confirm', { message: t('confirmAsk'), detail: t('confirmDetail') })}</div>,
    );
  if (can('appeal'))
    parts.push(
      <form
        key="appeal"
        id="appeal-form"
        class="stack"
        data-action="appeal"
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
  if (can('approve'))
    parts.push(
      <div key="approve">
        {button('approve', { message: t('approveOneAsk'), detail: t('approveDetail') })}
      </div>,
    );
  if (can('resolve')) {
    const open = d.appeals.filter((a) => a.status === 'open');
    const disputed = new Set(open.flatMap((a) => a.disputedInputIds));
    const events = live.filter((i) => i.kind === 'event');
    parts.push(
      <form
        key="resolve"
        id="resolve-form"
        class="stack"
        data-action="resolve"
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
  if (can('reopen'))
    parts.push(
      <form
        key="reopen"
        id="reopen-form"
        class="stack"
        data-action="reopen"
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
  if (can('leave'))
    parts.push(
      <p key="leave" class="leave-line muted small">
        {t('leaverLine')}
        <button type="button" class="danger-text link" data-action="leave" disabled={busy} onClick={leave}>
          {t('removeFromPeriod')}
        </button>
      </p>,
    );
  if (parts.length === 0 && !failure) return null;
  return (
    <section class="card" id="actions">
      <h2>{can('confirm') || can('appeal') ? t('yourTurn') : t('actions')}</h2>
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
