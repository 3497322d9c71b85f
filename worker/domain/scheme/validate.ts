import type { Band, Indicator, SchemeContent } from './content';
import { compare, formatRational, rational, sum } from './decimal';
import type { SchemeError, SchemeErrorCode } from './errors';

export { type SchemeError, type SchemeErrorCode, schemeErrorMessage } from './errors';

export type SchemeValidation = { ok: true } | { ok: false; errors: SchemeError[] };

/** Weighted indicators must share out exactly this many points; bonus comes on top. */
export const WEIGHTED_TOTAL = 100;

type Report = (field: string, code: SchemeErrorCode, params?: SchemeError['params']) => void;

/** Reports a later repeat of a key, at the repeat's own field. */
function unique(
  keys: readonly string[],
  field: (i: number) => string,
  report: Report,
  code: SchemeErrorCode,
) {
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) report(field(i), code, code === 'duplicate_grade' ? { grade: key } : { key });
    seen.add(key);
  });
}

function positive(value: number, field: string, code: SchemeErrorCode, report: Report) {
  if (!(value > 0)) report(field, code, { value });
}

function checkParams(ind: Indicator, at: string, grades: ReadonlySet<string>, report: Report) {
  const p = `${at}.params`;
  switch (ind.type) {
    case 'quantity':
      positive(ind.params.target, `${p}.target`, 'target_positive', report);
      if (ind.params.capRatio < 1) report(`${p}.capRatio`, 'cap_ratio_min', { value: ind.params.capRatio });
      return;
    case 'ratio': {
      const { floor, target } = ind.params;
      const floorOk = floor >= 0 && floor <= 1;
      const targetOk = target >= 0 && target <= 1;
      if (!floorOk) report(`${p}.floor`, 'ratio_range', { value: floor });
      if (!targetOk) report(`${p}.target`, 'ratio_range', { value: target });
      if (floorOk && targetOk && !(floor < target))
        report(`${p}.floor`, 'floor_below_target', { floor, target });
      return;
    }
    case 'rating':
      positive(ind.params.scale, `${p}.scale`, 'scale_positive', report);
      return;
    case 'checklist':
      if (ind.params.items.length === 0) report(`${p}.items`, 'empty');
      unique(
        ind.params.items.map((i) => i.key),
        (j) => `${p}.items[${j}].key`,
        report,
        'duplicate_key',
      );
      ind.params.items.forEach((item, j) => {
        positive(item.weight, `${p}.items[${j}].weight`, 'weight_positive', report);
      });
      return;
    case 'deduction':
    case 'bonus':
    case 'veto': {
      const rules = ind.params.rules;
      if (rules.length === 0) report(`${p}.rules`, 'empty');
      unique(
        rules.map((r) => r.key),
        (j) => `${p}.rules[${j}].key`,
        report,
        'duplicate_key',
      );
      if (ind.type === 'deduction') {
        for (const [j, r] of ind.params.rules.entries()) {
          positive(r.deduct, `${p}.rules[${j}].deduct`, 'deduct_positive', report);
        }
      } else if (ind.type === 'bonus') {
        for (const [j, r] of ind.params.rules.entries())
          positive(r.add, `${p}.rules[${j}].add`, 'add_positive', report);
      } else if (ind.params.grade !== undefined && !grades.has(ind.params.grade)) {
        report(`${p}.grade`, 'unknown_grade', { grade: ind.params.grade });
      }
      return;
    }
  }
}

/**
 * Bands sorted by min must tile [0, maxScore]: the first starts at 0, each starts where the
 * previous ended, the last ends at maxScore. Errors point at the band's own index.
 */
function checkBands(bands: readonly Band[], maxScore: number, report: Report) {
  if (bands.length === 0) {
    report('bands', 'empty');
    return;
  }
  unique(
    bands.map((b) => b.grade),
    (i) => `bands[${i}].grade`,
    report,
    'duplicate_grade',
  );
  bands.forEach((b, i) => {
    if (b.k < 0) report(`bands[${i}].k`, 'k_min', { value: b.k });
    if (!(b.min < b.max)) report(`bands[${i}].max`, 'band_empty', { min: b.min, max: b.max });
  });
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min || x.b.max - y.b.max);
  const first = order[0];
  if (first && first.b.min !== 0) report(`bands[${first.i}].min`, 'bands_start', { min: first.b.min });
  for (let j = 1; j < order.length; j += 1) {
    const prev = order[j - 1]!.b;
    const { b, i } = order[j]!;
    if (b.min > prev.max) report(`bands[${i}].min`, 'band_gap', { from: prev.max, to: b.min });
    if (b.min < prev.max) report(`bands[${i}].min`, 'band_overlap', { from: b.min, to: prev.max });
  }
  const last = order.reduce((a, c) => (c.b.max > a.b.max ? c : a), order[0]!);
  if (last.b.max !== maxScore) report(`bands[${last.i}].max`, 'bands_end', { max: last.b.max, maxScore });
}

/** Cross-field rules a scheme must meet before it can be published (shape is zod's job). */
export function validateScheme(content: SchemeContent): SchemeValidation {
  const errors: SchemeError[] = [];
  const report: Report = (field, code, params) => {
    errors.push(params ? { field, code, params } : { field, code });
  };

  if (content.categories.length === 0) report('categories', 'empty');
  unique(
    content.categories.map((c) => c.key),
    (i) => `categories[${i}].key`,
    report,
    'duplicate_key',
  );

  if (content.indicators.length === 0) report('indicators', 'empty');
  unique(
    content.indicators.map((x) => x.key),
    (i) => `indicators[${i}].key`,
    report,
    'duplicate_key',
  );

  const categories = new Set(content.categories.map((c) => c.key));
  const grades = new Set(content.bands.map((b) => b.grade));
  content.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    if (!categories.has(ind.category))
      report(`${at}.category`, 'unknown_category', { category: ind.category });
    if (ind.type !== 'veto') positive(ind.points, `${at}.points`, 'points_positive', report);
    checkParams(ind, at, grades, report);
  });

  // Exact: 33.33 + 33.33 + 33.34 is 100 here even though it is not in binary floating point.
  const weighted = sum(
    content.indicators.filter((x) => x.type !== 'bonus' && x.type !== 'veto').map((x) => rational(x.points)),
  );
  if (content.indicators.length > 0 && compare(weighted, rational(WEIGHTED_TOTAL)) !== 0) {
    report('indicators', 'points_sum', { sum: formatRational(weighted, 2), expected: WEIGHTED_TOTAL });
  }

  checkBands(content.bands, content.maxScore, report);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
