import type { Indicator, IndicatorType, SchemeContent } from './content';
import { formatRational, int, mul, rational } from './decimal';
import type { SchemeError, SchemeErrorCode } from './errors';
import type { CheckInput, EvaluationInputs, EventInput, RatingInput } from './inputs';

/** Which list of the inputs feeds each indicator type. */
export const inputKindOf = {
  quantity: 'metrics',
  ratio: 'metrics',
  deduction: 'events',
  bonus: 'events',
  veto: 'events',
  rating: 'ratings',
  checklist: 'checks',
} as const satisfies Record<IndicatorType, keyof EvaluationInputs>;

/** The inputs that count for one indicator, after everything that does not fit was set aside. */
export interface IndicatorInputs {
  metric: number | null;
  /** Recorded events that still count (voided ones left out). */
  events: EventInput[];
  ratings: RatingInput[];
  checks: CheckInput[];
}

export interface SortedInputs {
  byIndicator: Map<string, IndicatorInputs>;
  errors: SchemeError[];
}

/** A rate as people say it: 0.96 → "96", 96 → "9600" (exact: the decimal point moves). */
const asPercent = (value: number) => formatRational(mul(rational(value), int(100)), 8);

/**
 * Splits the inputs by indicator and reports each entry that does not fit the scheme. Scoring
 * and checkInputs share this one pass, so a score never rests on an entry that was reported:
 * an entry with any error is left out as a whole, and a repeated metric or event id counts once.
 */
export function sortInputs(content: SchemeContent, inputs: EvaluationInputs): SortedInputs {
  const errors: SchemeError[] = [];
  const indicators = new Map(content.indicators.map((x) => [x.key, x]));
  const byIndicator = new Map<string, IndicatorInputs>(
    content.indicators.map((x) => [x.key, { metric: null, events: [], ratings: [], checks: [] }]),
  );

  /** The indicator an entry names, if it exists and takes this kind of input; reports otherwise. */
  const target = (at: string, key: string, kind: keyof EvaluationInputs): Indicator | null => {
    const ind = indicators.get(key);
    if (!ind) {
      errors.push({ field: `${at}.indicator`, code: 'unknown_indicator', params: { indicator: key } });
      return null;
    }
    if (inputKindOf[ind.type] !== kind) {
      const params = { indicator: key, type: ind.type, expected: inputKindOf[ind.type] };
      errors.push({ field: `${at}.indicator`, code: 'wrong_input_kind', params });
      return null;
    }
    return ind;
  };
  const fail = (field: string, code: SchemeErrorCode, params: Record<string, string | number>) => {
    errors.push({ field, code, params });
    return false;
  };
  const slot = (key: string) => byIndicator.get(key)!;

  inputs.metrics.forEach((m, i) => {
    const at = `metrics[${i}]`;
    const ind = target(at, m.indicator, 'metrics');
    if (!ind) return;
    const ok =
      ind.type === 'quantity'
        ? m.value >= 0 || fail(`${at}.value`, 'negative_quantity', { value: m.value })
        : (m.value >= 0 && m.value <= 1) ||
          fail(`${at}.value`, 'ratio_value_range', {
            value: m.value,
            name: ind.name,
            percent: asPercent(m.value),
          });
    if (!ok) return;
    if (slot(ind.key).metric !== null) {
      fail(`${at}.indicator`, 'duplicate_metric', { indicator: ind.key });
      return;
    }
    slot(ind.key).metric = m.value;
  });

  const eventIds = new Set<string>();
  inputs.events.forEach((e, i) => {
    const at = `events[${i}]`;
    const ind = target(at, e.indicator, 'events');
    if (!ind || (ind.type !== 'deduction' && ind.type !== 'bonus' && ind.type !== 'veto')) return;
    const rules: readonly { key: string }[] = ind.params.rules;
    if (!rules.some((r) => r.key === e.rule)) {
      fail(`${at}.rule`, 'unknown_rule', { indicator: ind.key, rule: e.rule });
      return;
    }
    if (e.id !== undefined) {
      if (eventIds.has(e.id)) {
        fail(`${at}.id`, 'duplicate_event_id', { id: e.id });
        return;
      }
      eventIds.add(e.id);
    }
    if (!e.voided) slot(ind.key).events.push(e);
  });

  inputs.ratings.forEach((r, i) => {
    const at = `ratings[${i}]`;
    const ind = target(at, r.indicator, 'ratings');
    if (ind?.type !== 'rating') return;
    if (!(r.value >= 0 && r.value <= ind.params.scale)) {
      fail(`${at}.value`, 'rating_range', { value: r.value, scale: ind.params.scale });
      return;
    }
    slot(ind.key).ratings.push(r);
  });

  inputs.checks.forEach((c, i) => {
    const at = `checks[${i}]`;
    const ind = target(at, c.indicator, 'checks');
    if (ind?.type !== 'checklist') return;
    const items = new Set(ind.params.items.map((x) => x.key));
    let ok = true;
    c.passed.forEach((item, j) => {
      if (!items.has(item)) ok = fail(`${at}.passed[${j}]`, 'unknown_item', { indicator: ind.key, item });
    });
    if (ok) slot(ind.key).checks.push(c);
  });

  return { byIndicator, errors };
}

/** Entries of the inputs that do not fit the scheme, located like `events[2].rule` (empty when all fit). */
export function checkInputs(content: SchemeContent, inputs: EvaluationInputs): SchemeError[] {
  return sortInputs(content, inputs).errors;
}
