import type { Band, Indicator, IndicatorType, SchemeContent } from '../../worker/domain/scheme';
import { fieldLabel as domainLabel } from '../../worker/domain/scheme/errors';
import { schemeErrorMessage, validateScheme } from '../../worker/domain/scheme/validate';
import { fieldLabel } from './errors';
import { lang } from './i18n';

/** A fresh key no row of `taken` uses: people never see or type keys. */
export function newKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/** An indicator of a type with the parameters that type needs, ready to fill in. */
export function withType(ind: Indicator, type: IndicatorType): Indicator {
  const base = { key: ind.key, name: ind.name, category: ind.category, required: ind.required };
  const points = type === 'veto' ? 0 : ind.type === 'veto' ? 10 : ind.points;
  switch (type) {
    case 'quantity':
      return { ...base, points, type, params: { target: 100, capRatio: 1 } };
    case 'ratio':
      return { ...base, points, type, params: { floor: 0.8, target: 0.95 } };
    case 'deduction':
      return { ...base, points, type, params: { rules: [{ key: 'rule_1', name: '', deduct: 1 }] } };
    case 'rating':
      return { ...base, points, type, params: { scale: 10 } };
    case 'checklist':
      return {
        ...base,
        points,
        type,
        params: { items: [{ key: 'item_1', name: '', weight: 1, critical: false }], whenNone: 'full' },
      };
    case 'bonus':
      return { ...base, points, type, params: { rules: [{ key: 'rule_1', name: '', add: 1 }] } };
    case 'veto':
      return { ...base, points: 0, type, params: { rules: [{ key: 'rule_1', name: '' }] } };
  }
}

export interface Problem {
  field: string;
  code: string;
  text: string;
}

/**
 * What blocks publishing, checked in the page as one types, by the same rules the API applies
 * at publish (worker/domain/scheme/validate.ts); fields named by the editor's labels.
 */
export function problemsOf(content: SchemeContent): Problem[] {
  const result = validateScheme(content);
  if (result.ok) return [];
  const l = lang.value;
  return result.errors.map((e) => ({
    field: e.field,
    code: e.code,
    text: schemeErrorMessage(e, l).replace(domainLabel(e.field, l), fieldLabel(e.field, content)),
  }));
}

/** Points of the weighted indicators (not bonus, not veto): these must total 100. */
export const weightedPoints = (c: SchemeContent) =>
  Math.round(
    c.indicators
      .filter((i) => i.type !== 'bonus' && i.type !== 'veto')
      .reduce((s, i) => s + i.points * 100, 0),
  ) / 100;

/** One function for the history screen and the audit log: worker/domain/scheme/diff.ts. */
export { type Change, diffContent, type FieldChange } from '../../worker/domain/scheme/diff';
