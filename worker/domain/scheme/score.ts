import type { Texts } from '../../lib/i18n';
import { bandByGrade, gradeFor, lowestBand } from './bands';
import type { IndicatorType, SchemeContent } from './content';
import { centiToNumber, rational, toCenti } from './decimal';
import { veto as vetoFormula } from './event-formulas';
import { sortInputs } from './fit';
import { scoreIndicator } from './formulas';
import type { EvaluationInputs } from './inputs';
import type { FormulaRule, Outcome, UsedInputs, VetoResult } from './outcome';

export { checkInputs } from './fit';
export type { FormulaRule, RuleLine, UsedCheck, UsedInputs, VetoResult } from './outcome';

export interface IndicatorResult {
  key: string;
  name: string;
  category: string;
  type: IndicatorType;
  /** Points earned, exact to 0.01. */
  points: number;
  centi: number;
  /** The indicator's full value (0 for a veto). */
  maxPoints: number;
  inputs: UsedInputs;
  rule: FormulaRule;
  explanation: Texts;
  /** No input was recorded for an indicator that needs one. */
  missing: boolean;
}

export interface CategoryResult {
  key: string;
  name: string;
  points: number;
  maxPoints: number;
}

export interface ScoreResult {
  indicators: IndicatorResult[];
  categories: CategoryResult[];
  maxScore: number;
  total: number;
  totalCenti: number;
  grade: string;
  label: string;
  k: number;
  veto: VetoResult | null;
  /** Keys of required indicators without input: submission is blocked until they arrive. */
  missingRequired: string[];
}

/**
 * Scores an evaluation against its scheme version: each indicator rounded half-up to 0.01,
 * the total their exact sum clamped to [0, maxScore], the grade from the bands unless a veto
 * forces one. Inputs that checkInputs reports are left out. The scheme must be valid.
 */
export function scoreEvaluation(content: SchemeContent, inputs: EvaluationInputs): ScoreResult {
  const lowest = lowestBand(content);
  if (!lowest) throw new Error('scheme has no bands');
  const { byIndicator } = sortInputs(content, inputs);
  const vetoes: VetoResult[] = [];

  const indicators: IndicatorResult[] = content.indicators.map((ind) => {
    const got = byIndicator.get(ind.key)!;
    let outcome: Outcome;
    if (ind.type === 'veto') {
      const v = vetoFormula(ind, got.events, lowest.grade);
      if (v.veto) vetoes.push(v.veto);
      outcome = v;
    } else {
      outcome = scoreIndicator(ind, got);
    }
    return {
      key: ind.key,
      name: ind.name,
      category: ind.category,
      type: ind.type,
      points: centiToNumber(outcome.centi),
      centi: outcome.centi,
      maxPoints: ind.points,
      inputs: outcome.inputs,
      rule: outcome.rule,
      explanation: outcome.explanation,
      missing: outcome.missing,
    };
  });

  const categories: CategoryResult[] = content.categories.map((cat) => {
    const mine = indicators.filter((x) => x.category === cat.key);
    const centi = mine.reduce((n, x) => n + x.centi, 0);
    const maxCenti = mine.reduce((n, x) => n + toCenti(rational(x.maxPoints)), 0);
    return { key: cat.key, name: cat.name, points: centiToNumber(centi), maxPoints: centiToNumber(maxCenti) };
  });

  // Integer sum of already-rounded results: nothing left to drift.
  const maxCenti = toCenti(rational(content.maxScore));
  const sum = indicators.reduce((n, x) => n + x.centi, 0);
  const totalCenti = Math.min(maxCenti, Math.max(0, sum));

  // Two vetoes forcing different grades: the worse one (lower band) wins.
  const veto = vetoes.reduce<VetoResult | null>((worst, v) => {
    if (!worst) return v;
    const a = bandByGrade(content, v.grade)?.min ?? 0;
    const b = bandByGrade(content, worst.grade)?.min ?? 0;
    return a < b ? v : worst;
  }, null);
  const scored = gradeFor(content, totalCenti);
  if (!scored) throw new Error(`scheme has no band for score ${totalCenti / 100}`);
  const forced = veto ? bandByGrade(content, veto.grade) : null;
  if (veto && !forced) throw new Error(`scheme has no band for grade ${veto.grade}`);
  // A veto only ever takes a grade down: a scheme whose veto names C must not lift an E to C.
  const band = forced && forced.min < scored.min ? forced : scored;

  return {
    indicators,
    categories,
    maxScore: content.maxScore,
    total: centiToNumber(totalCenti),
    totalCenti,
    grade: band.grade,
    label: band.label,
    k: band.k,
    veto,
    missingRequired: indicators
      .filter((x, i) => x.missing && content.indicators[i]!.required)
      .map((x) => x.key),
  };
}
