import type { Indicator, SchemeContent } from '../../../worker/domain/scheme';
import { h } from '../dom';
import { addInputs, type Detail } from '../evaluation-api';
import { named } from '../format';
import { t } from '../i18n';
import type { Run } from './evaluation-actions';

type EventIndicator = Extract<Indicator, { type: 'deduction' | 'bonus' | 'veto' }>;
type RatingIndicator = Extract<Indicator, { type: 'rating' }>;

const isEventIndicator = (i: Indicator): i is EventIndicator =>
  i.type === 'deduction' || i.type === 'bonus' || i.type === 'veto';

/** "未报工号 −0.5", "客户来电表扬 +1", or the bare name for a veto rule. */
function ruleLabel(r: EventIndicator['params']['rules'][number]) {
  if ('deduct' in r) return `${r.name} −${r.deduct}`;
  if ('add' in r) return `${r.name} +${r.add}`;
  return r.name;
}

const select = (name: string, options: [string, string][]) =>
  h('select', { name }, ...options.map(([value, label]) => h('option', { value }, label)));

const input = (name: string, props: Record<string, unknown> = {}) => h('input', { name, ...props });

/** A form that runs `send` with its values when submitted. */
function form(id: string, title: string, fields: HTMLElement[], send: (f: HTMLFormElement) => void) {
  const el = h(
    'form',
    { id },
    h('h4', {}, title),
    h('div', { className: 'row' }, ...fields, h('button', { className: 'primary' }, t('save'))),
  );
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    send(el);
  });
  return el;
}

/**
 * A supervisor's (or HR's) entries on a draft: an event under one of the scheme's deduction,
 * bonus or veto rules, with a count and evidence; and a rating on a rating indicator.
 */
export function recordForms(d: Detail, content: SchemeContent, run: Run): HTMLElement[] {
  const out: HTMLElement[] = [];
  const events = content.indicators.filter(isEventIndicator);
  if (events.length > 0) {
    const indicator = select(
      'indicator',
      events.map((i) => [i.key, t('withNote', { text: i.name, note: named('type_', i.type) })]),
    );
    const rule = select('rule', []);
    const fillRules = () => {
      const chosen = events.find((i) => i.key === indicator.value);
      rule.replaceChildren(
        ...(chosen?.params.rules ?? []).map((r) => h('option', { value: r.key }, ruleLabel(r))),
      );
    };
    indicator.addEventListener('change', fillRules);
    fillRules();
    const count = input('count', { type: 'number', min: 1, max: 10000, value: '1', required: true });
    const recordingId = input('recordingId', { maxLength: 100 });
    const note = input('note', { maxLength: 1000 });
    out.push(
      form(
        'event-form',
        t('recordEvent'),
        [
          h('label', {}, t('indicator'), indicator),
          h('label', {}, t('rule'), rule),
          h('label', {}, t('count'), count),
          h('label', {}, t('recordingId'), recordingId),
          h('label', {}, t('note'), note),
        ],
        () => {
          const evidence = {
            ...(recordingId.value.trim() && { recordingId: recordingId.value.trim() }),
            ...(note.value.trim() && { note: note.value.trim() }),
          };
          const event = { indicator: indicator.value, rule: rule.value, count: Number(count.value) };
          void run(() =>
            addInputs(d, { events: [Object.keys(evidence).length ? { ...event, evidence } : event] }),
          );
        },
      ),
    );
  }
  const ratings = content.indicators.filter((i): i is RatingIndicator => i.type === 'rating');
  if (ratings.length > 0) {
    const indicator = select(
      'indicator',
      ratings.map((i) => [i.key, i.name]),
    );
    const valueLabel = h('span', {});
    const value = input('value', { type: 'number', step: 'any', min: 0, required: true });
    const fillScale = () => {
      const scale = ratings.find((i) => i.key === indicator.value)?.params.scale ?? 0;
      valueLabel.textContent = t('ratingValue', { scale });
      value.max = String(scale);
    };
    indicator.addEventListener('change', fillScale);
    fillScale();
    out.push(
      form(
        'rating-form',
        t('recordRating'),
        [h('label', {}, t('indicator'), indicator), h('label', {}, valueLabel, value)],
        () =>
          void run(() =>
            addInputs(d, { ratings: [{ indicator: indicator.value, value: Number(value.value) }] }),
          ),
      ),
    );
  }
  return out;
}
