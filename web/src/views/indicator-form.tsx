import { useEffect, useState } from 'preact/hooks';
import type { Category, Indicator, IndicatorType } from '../../../worker/domain/scheme';
import { t } from '../i18n';
import { newKey, withType } from '../scheme-model';
import { Field } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';

type Set = (next: Indicator) => void;

/** The seven types, in the order HR meets them (the domain's list lives beside zod, not bundled). */
const indicatorTypes = [
  'quantity',
  'ratio',
  'deduction',
  'rating',
  'checklist',
  'bonus',
  'veto',
] as const satisfies readonly IndicatorType[];

const shown = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** A number input that keeps what is typed ("0." while typing) and reports numbers. */
export function NumberInput(props: {
  label: string;
  name: string;
  value: number;
  onValue: (n: number) => void;
  step?: string;
  help?: string;
}) {
  const [text, setText] = useState(shown(props.value));
  useEffect(() => {
    if (Number(text) !== props.value || text.trim() === '') setText(shown(props.value));
  }, [props.value]);
  return (
    <Field label={props.label} name={props.name} help={props.help}>
      {(id, describedBy, invalid) => (
        <input
          id={id}
          data-field={props.name}
          type="number"
          inputMode="decimal"
          step={props.step ?? 'any'}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => {
            const v = e.currentTarget.value;
            setText(v);
            if (v !== '' && Number.isFinite(Number(v))) props.onValue(Number(v));
          }}
        />
      )}
    </Field>
  );
}

interface RuleRow {
  key: string;
  name: string;
  [k: string]: unknown;
}

/** Rows of named rules (deductions, bonuses, veto reasons, checklist items) with one number each. */
function Rules<R extends RuleRow>(props: {
  at: string;
  rows: R[];
  number?: { field: keyof R & string; label: string };
  critical?: boolean;
  fresh: (key: string) => R;
  onRows: (rows: R[]) => void;
  legend: string;
}) {
  const { rows, onRows } = props;
  const set = (i: number, patch: Partial<R>) =>
    onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rules">
      <legend>{props.legend}</legend>
      {rows.map((r, i) => (
        <div class="row wrap" key={r.key}>
          <TextInput
            label={t('ruleName')}
            name={`${props.at}[${i}].name`}
            value={r.name}
            onValue={(name) => set(i, { name } as Partial<R>)}
          />
          {props.number && (
            <NumberInput
              label={props.number.label}
              name={`${props.at}[${i}].${props.number.field}`}
              value={Number(r[props.number.field])}
              onValue={(n) => set(i, { [props.number!.field]: n } as Partial<R>)}
            />
          )}
          {props.critical && (
            <label class="tick">
              <input
                type="checkbox"
                checked={Boolean(r.critical)}
                onChange={(e) => set(i, { critical: e.currentTarget.checked } as unknown as Partial<R>)}
              />
              {t('p_critical')}
            </label>
          )}
          <button
            type="button"
            class="link"
            onClick={() => onRows(rows.filter((_, j) => j !== i))}
            aria-label={t('removeNamed', { name: r.name || t('rule') })}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onRows([
            ...rows,
            props.fresh(
              newKey(
                'rule',
                rows.map((r) => r.key),
              ),
            ),
          ])
        }
      >
        {t('addRule')}
      </button>
    </fieldset>
  );
}

/** The parameters of one indicator, by its type, each explained. */
function Params({ ind, at, set, grades }: { ind: Indicator; at: string; set: Set; grades: string[] }) {
  const p = `${at}.params`;
  switch (ind.type) {
    case 'quantity':
      return (
        <div class="row wrap">
          <NumberInput
            label={t('f_target')}
            name={`${p}.target`}
            value={ind.params.target}
            onValue={(target) => set({ ...ind, params: { ...ind.params, target } })}
          />
          <NumberInput
            label={t('f_capRatio')}
            name={`${p}.capRatio`}
            value={ind.params.capRatio}
            onValue={(capRatio) => set({ ...ind, params: { ...ind.params, capRatio } })}
          />
        </div>
      );
    case 'ratio':
      return (
        <div class="row wrap">
          <NumberInput
            label={t('f_floor')}
            name={`${p}.floor`}
            value={ind.params.floor}
            step="0.01"
            onValue={(floor) => set({ ...ind, params: { ...ind.params, floor } })}
          />
          <NumberInput
            label={t('f_target')}
            name={`${p}.target`}
            value={ind.params.target}
            step="0.01"
            onValue={(target) => set({ ...ind, params: { ...ind.params, target } })}
          />
        </div>
      );
    case 'rating':
      return (
        <NumberInput
          label={t('f_scale')}
          name={`${p}.scale`}
          value={ind.params.scale}
          onValue={(scale) => set({ ...ind, params: { scale } })}
        />
      );
    case 'deduction':
      return (
        <Rules
          legend={t('deductRules')}
          at={`${p}.rules`}
          rows={ind.params.rules}
          number={{ field: 'deduct', label: t('f_deduct') }}
          fresh={(key) => ({ key, name: '', deduct: 1 })}
          onRows={(rules) => set({ ...ind, params: { rules } })}
        />
      );
    case 'bonus':
      return (
        <Rules
          legend={t('bonusRules')}
          at={`${p}.rules`}
          rows={ind.params.rules}
          number={{ field: 'add', label: t('f_add') }}
          fresh={(key) => ({ key, name: '', add: 1 })}
          onRows={(rules) => set({ ...ind, params: { rules } })}
        />
      );
    case 'veto':
      return (
        <>
          <Rules
            legend={t('vetoRules')}
            at={`${p}.rules`}
            rows={ind.params.rules}
            fresh={(key) => ({ key, name: '' })}
            onRows={(rules) => set({ ...ind, params: { ...ind.params, rules } })}
          />
          <Select
            label={t('f_vetoGrade')}
            name={`${p}.grade`}
            value={ind.params.grade ?? ''}
            options={[{ value: '', label: t('lowestGrade') }, ...grades.map((g) => ({ value: g, label: g }))]}
            onValue={(g) => set({ ...ind, params: { rules: ind.params.rules, ...(g && { grade: g }) } })}
          />
        </>
      );
    case 'checklist':
      return (
        <>
          <Rules
            legend={t('checkItems')}
            at={`${p}.items`}
            rows={ind.params.items}
            critical
            number={{ field: 'weight', label: t('f_weight') }}
            fresh={(key) => ({ key, name: '', weight: 1, critical: false })}
            onRows={(items) => set({ ...ind, params: { ...ind.params, items } })}
          />
          <Select
            label={t('f_whenNone')}
            name={`${p}.whenNone`}
            value={ind.params.whenNone}
            options={[
              { value: 'full', label: t('p_full') },
              { value: 'zero', label: t('p_zero') },
            ]}
            onValue={(v) => set({ ...ind, params: { ...ind.params, whenNone: v as 'full' | 'zero' } })}
          />
        </>
      );
  }
}

/** One indicator: name, category, type (with what it means), points, required, parameters. */
export function IndicatorForm(props: {
  ind: Indicator;
  index: number;
  categories: Category[];
  grades: string[];
  onChange: Set;
  onRemove: () => void;
}) {
  const { ind, index } = props;
  const at = `indicators[${index}]`;
  return (
    <fieldset class="indicator-form" data-indicator={ind.key}>
      <legend>{ind.name || t('newIndicator')}</legend>
      <div class="row wrap">
        <TextInput
          label={t('f_name')}
          name={`${at}.name`}
          value={ind.name}
          onValue={(name) => props.onChange({ ...ind, name })}
        />
        <Select
          label={t('f_category')}
          name={`${at}.category`}
          value={ind.category}
          options={props.categories.map((c) => ({ value: c.key, label: c.name }))}
          onValue={(category) => props.onChange({ ...ind, category })}
        />
        <Select
          label={t('type')}
          name={`${at}.type`}
          value={ind.type}
          options={indicatorTypes.map((ty) => ({ value: ty, label: t(`type_${ty}`) }))}
          onValue={(ty) => props.onChange(withType(ind, ty as Indicator['type']))}
        />
        {ind.type !== 'veto' && (
          <NumberInput
            label={t('f_points')}
            name={`${at}.points`}
            value={ind.points}
            onValue={(points) => props.onChange({ ...ind, points } as Indicator)}
          />
        )}
        <label class="tick">
          <input
            type="checkbox"
            checked={ind.required}
            onChange={(e) => props.onChange({ ...ind, required: e.currentTarget.checked })}
          />
          {t('required')}
        </label>
      </div>
      <p class="muted small explain">{t(`explain_${ind.type}`)}</p>
      <Params ind={ind} at={at} set={props.onChange} grades={props.grades} />
      <button type="button" class="link danger-text" onClick={props.onRemove}>
        {t('removeNamed', { name: ind.name || t('indicator') })}
      </button>
    </fieldset>
  );
}
