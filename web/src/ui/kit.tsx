import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { freshness } from '../fresh';
import { t } from '../i18n';

/**
 * Loads data for a view; `reload` fetches again. Errors are kept to be shown, not thrown.
 * It also fetches again, keeping what is shown meanwhile, when the screen may be old (focus,
 * navigation: see fresh.ts), unless `live` is false (an editor's own draft).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], opts: { live?: boolean } = {}) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const turn = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++turn.current;
    try {
      const data = await load();
      if (mine === turn.current) setState({ data, loading: false });
    } catch (error) {
      if (mine === turn.current) setState({ error, loading: false });
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  const live = opts.live ?? true;
  useEffect(() => {
    if (!live) return;
    const seen = freshness.peek();
    return freshness.subscribe((n) => {
      if (n !== seen) void reload();
    });
  }, [reload, live]);
  return { ...state, reload, set: (data: T) => setState({ data, loading: false }) };
}

/** The one h1 of a page, and its sections below. */
export function Page(props: {
  title: string;
  titleId?: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  useEffect(() => {
    document.title = `${props.title} · ${t('app')}`;
  }, [props.title]);
  return (
    <>
      <div class="page-head">
        <h1 id={props.titleId}>{props.title}</h1>
        {props.actions}
      </div>
      {props.children}
    </>
  );
}

export const Loading = () => <p class="muted">{t('loading')}</p>;

/** A badge for a state: its name, coloured by what it means. */
export const Badge = (props: { tone: string; children: ComponentChildren; id?: string }) => (
  <span class={`badge ${props.tone}`} id={props.id}>
    {props.children}
  </span>
);

interface Ask {
  message: string;
  detail?: string;
  confirmLabel: string;
  danger: boolean;
  /** When set, the dialog asks for a written reason under this label. */
  reasonLabel?: string;
  /** A one-line answer (a name, a password) instead of a reason's text area. */
  inputType?: 'text' | 'password';
  resolve: (answer: string | null) => void;
}
const asking = signal<Ask | null>(null);

/** Asks first: resolves true when the person confirms in the dialog. */
export function confirmFirst(
  message: string,
  opts: { detail?: string; confirmLabel?: string; danger?: boolean } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    asking.value = {
      message,
      detail: opts.detail,
      confirmLabel: opts.confirmLabel ?? t('ok'),
      danger: opts.danger ?? false,
      resolve: (answer) => resolve(answer !== null),
    };
  });
}

/** Asks first, with a written reason: resolves the reason, or null when cancelled. */
export function askReason(
  message: string,
  reasonLabel: string,
  opts: { detail?: string; confirmLabel?: string; danger?: boolean } = {},
): Promise<string | null> {
  return new Promise((resolve) => {
    asking.value = {
      message,
      detail: opts.detail,
      reasonLabel,
      confirmLabel: opts.confirmLabel ?? t('ok'),
      danger: opts.danger ?? false,
      resolve,
    };
  });
}

/** Asks for one line (a new name, a new password): resolves it, or null when cancelled. */
export function askLine(
  message: string,
  label: string,
  opts: { detail?: string; confirmLabel?: string; type?: 'text' | 'password' } = {},
): Promise<string | null> {
  return new Promise((resolve) => {
    asking.value = {
      message,
      detail: opts.detail,
      reasonLabel: label,
      inputType: opts.type ?? 'text',
      confirmLabel: opts.confirmLabel ?? t('ok'),
      danger: false,
      resolve,
    };
  });
}

/** The one confirmation dialog of the app (a modal <dialog>: focus is kept inside, Esc cancels). */
export function ConfirmDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const ask = asking.value;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (ask && !d.open) d.showModal();
    if (!ask && d.open) d.close();
  }, [ask]);
  const answer = (ok: boolean) => {
    // A password is taken as typed; a name or a reason without the blanks around it.
    ask?.resolve(ok ? (ask.inputType === 'password' ? reason : reason.trim()) : null);
    asking.value = null;
    setReason('');
  };
  return (
    <dialog ref={ref} id="confirm" aria-labelledby="confirm-message" onCancel={() => answer(false)}>
      {ask && (
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <p id="confirm-message">
            <strong>{ask.message}</strong>
          </p>
          {ask.detail && <p class="muted">{ask.detail}</p>}
          {ask.reasonLabel && (
            <div class="field">
              <label for="confirm-reason">{ask.reasonLabel}</label>
              {ask.inputType ? (
                <input
                  id="confirm-reason"
                  // preact types `type` by the other attributes; both kinds take these.
                  {...({ type: ask.inputType } as { type: 'text' })}
                  autoComplete={ask.inputType === 'password' ? 'new-password' : 'off'}
                  maxLength={200}
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              ) : (
                <textarea
                  id="confirm-reason"
                  rows={3}
                  maxLength={2000}
                  value={reason}
                  onInput={(e) => setReason(e.currentTarget.value)}
                />
              )}
            </div>
          )}
          <div class="row">
            <button type="button" onClick={() => answer(false)}>
              {t('cancel')}
            </button>
            <button
              type="button"
              class={ask.danger ? 'danger' : 'primary'}
              disabled={ask.reasonLabel !== undefined && reason.trim() === ''}
              onClick={() => answer(true)}
            >
              {ask.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** A button that copies text, saying so once it did. */
export function CopyButton(props: { text: string; id?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      id={props.id}
      onClick={async () => {
        await navigator.clipboard?.writeText(props.text).catch(() => undefined);
        setDone(true);
      }}
    >
      {done ? t('copied') : t('copy')}
    </button>
  );
}

/** Runs one change, keeping its failure for the form to show; `busy` while it runs. */
export function useAction() {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setFailure(null);
    setBusy(true);
    try {
      return await work();
    } catch (err) {
      setFailure(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { failure, busy, run, clear: () => setFailure(null) };
}
