import { useState } from 'preact/hooks';
import type { EvaluationInputsInput, Indicator, SchemeContent } from '../../../worker/domain/scheme';
import { addInputs, type Detail } from '../evaluation-api';
import { parseCell } from '../grid-paste';
import { t } from '../i18n';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { useAction } from '../ui/kit';
import { problemText } from './grid';
import { NumberInput } from './indicator-form';

type Save = (d: Detail) => void;

function useRecord(d: Detail, onSaved: Save) {
  const action = useAction();
  const send = async (json: EvaluationInputsInput, reset: () => void) => {
    const next = await action.run(() => addInputs(d, json));
    if (next) {
      reset();
      onSaved(next);
    }
  };
  return { ...action, send };
}

const byType = (c: SchemeContent, ...types: Indicator['type'][]) =>
  c.indicators.filter((i) => types.includes(i.type));
const options = (list: { key: string; name: string }[]) => list.map((i) => ({ value: i.key, label: i.name }));

function MetricForm({ d, content, onSaved }: { d: Detail; content: SchemeContent; onSaved: Save }) {
  const list = byType(content, 'quantity', 'ratio');
  const [indicator, setIndicator] = useState(list[0]?.key ?? '');
  const [value, setValue] = useState(Number.NaN);
  // A rate is typed in percent ("96", "96%") and sent as the exact fraction (grid-paste.ts).
  const [rate, setRate] = useState('');
  const [rateProblem, setRateProblem] = useState('');
  const r = useRecord(d, onSaved);
  if (list.length === 0) return null;
  const ind = list.find((i) => i.key === indicator);
  const submit = (e: Event) => {
    e.preventDefault();
    if (ind?.type !== 'ratio') {
      void r.send({ metrics: [{ indicator, value }] }, () => setValue(Number.NaN));
      return;
    }
    const parsed = parseCell(rate, { type: 'ratio', scale: null });
    if (!('value' in parsed)) {
      setRateProblem('problem' in parsed ? problemText(parsed.problem) : t('cell_not_a_number'));
      return;
    }
    setRateProblem('');
    void r.send({ metrics: [{ indicator, value: parsed.value }] }, () => setRate(''));
  };
  return (
    <form id="metric-form" class="card stack" onSubmit={submit}>
      <h3>{t('recordMetric')}</h3>
      <FormScope failure={r.failure}>
        <Select
          label={t('indicator')}
          name="metrics[0].indicator"
          value={indicator}
          options={options(list)}
          onValue={(v) => {
            setIndicator(v);
            setRateProblem('');
          }}
        />
        {ind?.type === 'ratio' ? (
          <TextInput
            label={t('metricValue')}
            name="metrics[0].value"
            inputMode="decimal"
            value={rate}
            onValue={(v) => {
              setRate(v);
              setRateProblem('');
            }}
            help={t('ratioHelp')}
          />
        ) : (
          <NumberInput
            label={t('metricValue')}
            name="metrics[0].value"
            value={value}
            onValue={setValue}
            help={t('countHelp')}
          />
        )}
        {rateProblem && (
          <p class="error" role="alert" id="rate-problem">
            {rateProblem}
          </p>
        )}
        <button type="submit" class="primary" disabled={r.busy}>
          {t('save')}
        </button>
        <FormError failure={r.failure} />
      </FormScope>
    </form>
  );
}

function EventForm({ d, content, onSaved }: { d: Detail; content: SchemeContent; onSaved: Save }) {
  const list = byType(content, 'deduction', 'bonus', 'veto');
  const [indicator, setIndicator] = useState(list[0]?.key ?? '');
  const ind = list.find((i) => i.key === indicator);
  const rules = ind && 'rules' in ind.params ? ind.params.rules : [];
  const [rule, setRule] = useState('');
  const [f, setF] = useState({ count: 1, recordingId: '', complaintNo: '', note: '' });
  const r = useRecord(d, onSaved);
  if (list.length === 0) return null;
  const chosenRule = rules.find((x) => x.key === rule)?.key ?? rules[0]?.key ?? '';
  const evidence = {
    ...(f.recordingId.trim() && { recordingId: f.recordingId.trim() }),
    ...(f.complaintNo.trim() && { complaintNo: f.complaintNo.trim() }),
    ...(f.note.trim() && { note: f.note.trim() }),
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void r.send(
      {
        events: [
          {
            indicator,
            rule: chosenRule,
            count: f.count,
            ...(Object.keys(evidence).length > 0 && { evidence }),
          },
        ],
      },
      () => setF({ count: 1, recordingId: '', complaintNo: '', note: '' }),
    );
  };
  return (
    <form id="event-form" class="card stack" onSubmit={submit}>
      <h3>{t('recordEvent')}</h3>
      <FormScope failure={r.failure}>
        <Select
          label={t('indicator')}
          name="events[0].indicator"
          value={indicator}
          options={options(list)}
          onValue={(v) => {
            setIndicator(v);
            setRule('');
          }}
        />
        <Select
          label={t('rule')}
          name="events[0].rule"
          value={chosenRule}
          options={options(rules)}
          onValue={setRule}
        />
        <NumberInput
          label={t('count')}
          name="events[0].count"
          value={f.count}
          step="1"
          onValue={(count) => setF({ ...f, count })}
        />
        <TextInput
          label={t('recordingId')}
          name="events[0].evidence.recordingId"
          value={f.recordingId}
          onValue={(recordingId) => setF({ ...f, recordingId })}
        />
        <TextInput
          label={t('complaintNo')}
          name="events[0].evidence.complaintNo"
          value={f.complaintNo}
          onValue={(complaintNo) => setF({ ...f, complaintNo })}
        />
        <TextInput
          label={t('note')}
          name="events[0].evidence.note"
          value={f.note}
          onValue={(note) => setF({ ...f, note })}
        />
        <button type="submit" class="primary" disabled={r.busy}>
          {t('save')}
        </button>
        <FormError failure={r.failure} />
      </FormScope>
    </form>
  );
}

function RatingForm({ d, content, onSaved }: { d: Detail; content: SchemeContent; onSaved: Save }) {
  const list = byType(content, 'rating');
  const [indicator, setIndicator] = useState(list[0]?.key ?? '');
  const [value, setValue] = useState(Number.NaN);
  const r = useRecord(d, onSaved);
  if (list.length === 0) return null;
  const ind = list.find((i) => i.key === indicator);
  const scale = ind?.type === 'rating' ? ind.params.scale : 0;
  return (
    <form
      id="rating-form"
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        void r.send({ ratings: [{ indicator, value }] }, () => setValue(Number.NaN));
      }}
    >
      <h3>{t('recordRating')}</h3>
      <FormScope failure={r.failure}>
        <Select
          label={t('indicator')}
          name="ratings[0].indicator"
          value={indicator}
          options={options(list)}
          onValue={setIndicator}
        />
        <NumberInput
          label={t('ratingValue', { scale })}
          name="ratings[0].value"
          value={value}
          onValue={setValue}
        />
        <button type="submit" class="primary" disabled={r.busy}>
          {t('save')}
        </button>
        <FormError failure={r.failure} />
      </FormScope>
    </form>
  );
}

function CheckForm({ d, content, onSaved }: { d: Detail; content: SchemeContent; onSaved: Save }) {
  const list = byType(content, 'checklist');
  const [indicator, setIndicator] = useState(list[0]?.key ?? '');
  const [passed, setPassed] = useState<string[]>([]);
  const [callId, setCallId] = useState('');
  const r = useRecord(d, onSaved);
  if (list.length === 0) return null;
  const ind = list.find((i) => i.key === indicator);
  const items = ind?.type === 'checklist' ? ind.params.items : [];
  const submit = (e: Event) => {
    e.preventDefault();
    void r.send({ checks: [{ indicator, passed, ...(callId.trim() && { callId: callId.trim() }) }] }, () => {
      setPassed([]);
      setCallId('');
    });
  };
  return (
    <form id="check-form" class="card stack" onSubmit={submit}>
      <h3>{t('recordCheck')}</h3>
      <FormScope failure={r.failure}>
        <Select
          label={t('indicator')}
          name="checks[0].indicator"
          value={indicator}
          options={options(list)}
          onValue={(v) => {
            setIndicator(v);
            setPassed([]);
          }}
        />
        <TextInput label={t('callId')} name="checks[0].callId" value={callId} onValue={setCallId} />
        <fieldset>
          <legend>{t('passedItemsLegend')}</legend>
          {items.map((x) => (
            <label class="tick" key={x.key}>
              <input
                type="checkbox"
                checked={passed.includes(x.key)}
                onChange={(e) =>
                  setPassed(e.currentTarget.checked ? [...passed, x.key] : passed.filter((k) => k !== x.key))
                }
              />
              {x.critical ? `${x.name}（${t('p_critical')}）` : x.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" disabled={r.busy}>
          {t('save')}
        </button>
        <FormError failure={r.failure} />
      </FormScope>
    </form>
  );
}

/** Every kind of input a person records on a draft: metric values, events, ratings, call checks. */
export function RecordForms(props: { d: Detail; content: SchemeContent; onSaved: Save }) {
  return (
    <section id="record" aria-label={t('record')} data-action="record">
      <h2>{t('record')}</h2>
      <div class="grid2">
        <MetricForm {...props} />
        <EventForm {...props} />
        <RatingForm {...props} />
        <CheckForm {...props} />
      </div>
    </section>
  );
}
