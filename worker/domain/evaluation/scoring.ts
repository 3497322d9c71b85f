import type { evaluationInputs } from '../../../db/schema';
import { type EvaluationInputs, type SchemeContent, type ScoreResult, scoreEvaluation } from '../scheme';
import { payFor } from './pay';

type InputRow = typeof evaluationInputs.$inferSelect;

/** Stored input rows as the scoring engine's inputs; voided events stay visible but do not count. */
export function inputsFromRows(rows: InputRow[]): EvaluationInputs {
  const inputs: EvaluationInputs = { metrics: [], events: [], ratings: [], checks: [] };
  for (const r of rows) {
    if (r.kind === 'metric' && !r.voided)
      inputs.metrics.push({ indicator: r.indicator, value: r.value ?? 0 });
    if (r.kind === 'event') {
      inputs.events.push({
        id: r.id,
        indicator: r.indicator,
        rule: r.rule ?? '',
        count: r.count ?? 1,
        ...(r.evidence && { evidence: r.evidence }),
        voided: r.voided,
      });
    }
    if (r.kind === 'rating' && !r.voided) {
      inputs.ratings.push({ indicator: r.indicator, value: r.value ?? 0, raterId: r.recordedBy });
    }
    if (r.kind === 'check' && !r.voided) {
      inputs.checks.push({
        indicator: r.indicator,
        passed: r.passed ?? [],
        ...(r.evidence?.callId && { callId: r.evidence.callId }),
      });
    }
  }
  return inputs;
}

/** What an evaluation stores about its score: derived from inputs, never typed in. */
export interface DerivedScore {
  totalCenti: number;
  grade: string;
  k: number;
  vetoed: boolean;
  bonusFen: number;
  payTotalFen: number;
  breakdown: ScoreResult;
  missingRequired: string[];
}

/** Scores the inputs with the pinned scheme version and prices the result (工资总额). */
export function derive(
  content: SchemeContent,
  rows: InputRow[],
  pay: { baseSalaryFen: number; bonusBaseFen: number },
): DerivedScore {
  const breakdown = scoreEvaluation(content, inputsFromRows(rows));
  const money = payFor(pay.baseSalaryFen, pay.bonusBaseFen, breakdown.k);
  return {
    totalCenti: breakdown.totalCenti,
    grade: breakdown.grade,
    k: breakdown.k,
    vetoed: breakdown.veto !== null,
    bonusFen: money.bonusFen,
    payTotalFen: money.totalFen,
    breakdown,
    missingRequired: breakdown.missingRequired,
  };
}
