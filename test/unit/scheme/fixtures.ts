import {
  type Band,
  type EvaluationInputs,
  type EvaluationInputsInput,
  evaluationInputsSchema,
  type Indicator,
  type SchemeContent,
} from '../../../worker/domain/scheme';
import { seedBands } from '../../../worker/domain/scheme/templates/shared';

/** Test helpers: small schemes that stay valid (weighted points topped up to 100 by a filler). */

export const FILLER = 'filler';

type Base = { key: string; points: number; required?: boolean; name?: string; category?: string };

function base(b: Base) {
  return {
    key: b.key,
    name: b.name ?? b.key,
    category: b.category ?? 'main',
    points: b.points,
    required: b.required ?? false,
  };
}

export function quantity(b: Base & { target: number; capRatio?: number }): Indicator {
  return { ...base(b), type: 'quantity', params: { target: b.target, capRatio: b.capRatio ?? 1 } };
}

export function ratio(b: Base & { floor: number; target: number }): Indicator {
  return { ...base(b), type: 'ratio', params: { floor: b.floor, target: b.target } };
}

export function deduction(b: Base & { rules: Record<string, number> }): Indicator {
  const rules = Object.entries(b.rules).map(([key, deduct]) => ({ key, name: `规则${key}`, deduct }));
  return { ...base(b), type: 'deduction', params: { rules } };
}

export function bonus(b: Base & { rules: Record<string, number> }): Indicator {
  const rules = Object.entries(b.rules).map(([key, add]) => ({ key, name: `规则${key}`, add }));
  return { ...base(b), type: 'bonus', params: { rules } };
}

export function rating(b: Base & { scale: number }): Indicator {
  return { ...base(b), type: 'rating', params: { scale: b.scale } };
}

export function checklist(
  b: Base & { items: Record<string, { weight: number; critical?: boolean }>; whenNone?: 'full' | 'zero' },
): Indicator {
  const items = Object.entries(b.items).map(([key, x]) => ({
    key,
    name: `检查项${key}`,
    weight: x.weight,
    critical: x.critical ?? false,
  }));
  return { ...base(b), type: 'checklist', params: { items, whenNone: b.whenNone ?? 'zero' } };
}

export function veto(b: Omit<Base, 'points'> & { rules: string[]; grade?: string }): Indicator {
  const rules = b.rules.map((key) => ({ key, name: `否决${key}` }));
  const params = b.grade === undefined ? { rules } : { rules, grade: b.grade };
  return { ...base({ ...b, points: 0 }), points: 0, type: 'veto', params };
}

/**
 * A valid scheme holding `indicators`; weighted points missing from 100 go to a quantity
 * filler that gets no input (so it adds 0 and the total is what the tested indicators make).
 */
export function schemeWith(
  indicators: Indicator[],
  opts: { maxScore?: number; bands?: Band[] } = {},
): SchemeContent {
  const maxScore = opts.maxScore ?? 100;
  const weightedCenti = indicators
    .filter((x) => x.type !== 'bonus' && x.type !== 'veto')
    .reduce((n, x) => n + Math.round(x.points * 100), 0);
  const rest = 10_000 - weightedCenti;
  const filler = rest > 0 ? [quantity({ key: FILLER, points: rest / 100, target: 1 })] : [];
  return {
    maxScore,
    categories: [{ key: 'main', name: '主要' }],
    indicators: [...indicators, ...filler],
    bands: opts.bands ?? seedBands(maxScore),
  };
}

/** Inputs with defaults filled in, as the API stores them. */
export function inputs(partial: EvaluationInputsInput = {}): EvaluationInputs {
  return evaluationInputsSchema.parse(partial);
}

/** The result line of one indicator, failing loudly if it is absent. */
export function line<T extends { key: string }>(result: { indicators: T[] }, key: string): T {
  const found = result.indicators.find((x) => x.key === key);
  if (!found)
    throw new Error(`no indicator ${key} in ${JSON.stringify(result.indicators.map((x) => x.key))}`);
  return found;
}
