import { type ComponentChildren, createContext } from 'preact';
import { useContext, useId } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { ApiFailure, type FieldIssue } from '../api';
import { failureText, fieldLabel, issueText } from '../errors';
import { t } from '../i18n';

/**
 * A form's failure, shared with its fields: each Field shows the issues of its own path beside
 * it; the FormError at the bottom shows the headline and any issue no field on screen owns.
 */
interface FormState {
  failure: unknown;
  content?: SchemeContent;
  shown: Set<string>;
}
const FormContext = createContext<FormState>({ failure: null, shown: new Set() });

const issuesOf = (failure: unknown): FieldIssue[] => (failure instanceof ApiFailure ? failure.details : []);
const matches = (issue: FieldIssue, name: string) =>
  issue.field === name || issue.field.startsWith(`${name}.`) || issue.field.startsWith(`${name}[`);

export function FormScope(props: { failure: unknown; content?: SchemeContent; children: ComponentChildren }) {
  const state: FormState = { failure: props.failure, content: props.content, shown: new Set() };
  return <FormContext.Provider value={state}>{props.children}</FormContext.Provider>;
}

/** The issues for one field path, as its own sentences. */
export function useFieldErrors(name: string | undefined, hint?: string): string[] {
  const ctx = useContext(FormContext);
  if (!name) return [];
  ctx.shown.add(name);
  return issuesOf(ctx.failure)
    .filter((i) => matches(i, name))
    .map((i) => issueText(i, hint));
}

interface FieldProps {
  label: string;
  /** A fixed id for the control (tests and links find it); otherwise one is made up. */
  id?: string;
  /** The API's field path this control fills (its errors appear here). */
  name?: string;
  hint?: string;
  /** Shown under the control: what the value means. */
  help?: string;
  class?: string;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled control with its help text and its errors, named by the label. */
export function Field({ label, name, hint, help, children, class: cls, id: fixed }: FieldProps) {
  const made = useId();
  const id = fixed ?? made;
  const errors = useFieldErrors(name, hint);
  const helpId = help ? `${id}-help` : undefined;
  const errId = errors.length > 0 ? `${id}-err` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${cls ?? ''} ${errors.length > 0 ? 'invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children(id, describedBy, errors.length > 0)}
      {help && (
        <small id={helpId} class="muted">
          {help}
        </small>
      )}
      {errors.length > 0 && (
        <small id={errId} class="field-error">
          {errors.map((e) => t('labelled', { label, value: e })).join(t('sep'))}
        </small>
      )}
    </div>
  );
}

/** The failure's headline and the issues of fields not on screen, each named by its label. */
export function FormError({ id, failure }: { id?: string; failure: unknown }) {
  const ctx = useContext(FormContext);
  if (!failure) return <p class="error" id={id} role="alert" />;
  const orphans = issuesOf(failure).filter((i) => ![...ctx.shown].some((n) => matches(i, n)));
  return (
    <div class="error" id={id} role="alert">
      <p>{failureText(failure)}</p>
      {orphans.length > 0 && (
        <ul>
          {orphans.map((i) => {
            const label = fieldLabel(i.field, ctx.content);
            return (
              <li key={i.field + i.code}>
                {label ? t('labelled', { label, value: issueText(i) }) : issueText(i)}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
