import { Field } from './form';

type InputProps = {
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'month';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  id?: string;
  size?: number;
  label: string;
  name?: string;
  value: string;
  onValue: (v: string) => void;
  help?: string;
  hint?: string;
};

/** A labelled text input bound to a value, showing the errors of its API field. */
export function TextInput({ label, name, value, onValue, help, hint, id: fixedId, ...rest }: InputProps) {
  return (
    <Field label={label} name={name} help={help} hint={hint} id={fixedId}>
      {(id, describedBy, invalid) => (
        <input
          {...(rest as { type?: 'text' })}
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: {
  label: string;
  name?: string;
  value: string;
  onValue: (v: string) => void;
  required?: boolean;
  id?: string;
}) {
  return (
    <Field label={props.label} name={props.name} id={props.id}>
      {(id, describedBy, invalid) => (
        <textarea
          id={id}
          rows={2}
          maxLength={2000}
          required={props.required}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: {
  label: string;
  name?: string;
  value: string;
  options: Option[];
  onValue: (v: string) => void;
  id?: string;
  help?: string;
}) {
  return (
    <Field label={props.label} name={props.name} help={props.help} id={props.id}>
      {(id, describedBy, invalid) => (
        <select
          id={id}
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => props.onValue(e.currentTarget.value)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
