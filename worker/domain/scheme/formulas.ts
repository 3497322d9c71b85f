import type { Texts } from '../../lib/i18n';
import type {
  ChecklistIndicator,
  Indicator,
  QuantityIndicator,
  RatingIndicator,
  RatioIndicator,
} from './content';
import * as q from './decimal';
import { formatCenti } from './decimal';
import { bonus, deduction } from './event-formulas';
import type { IndicatorInputs } from './fit';
import type { CheckInput, RatingInput } from './inputs';
import { about, missing, type Outcome, shown, type UsedCheck } from './outcome';

/* One function per metric-fed indicator type: exact fractions in, hundredths out. */

const r = q.rational;

/** points × min(v / target, capRatio). */
export function quantity(ind: QuantityIndicator, v: number): Outcome {
  const { target, capRatio } = ind.params;
  const ratio = q.div(r(v), r(target));
  const applied = q.min(ratio, r(capRatio));
  const centi = q.toCenti(q.mul(r(ind.points), applied));
  const capped = q.compare(ratio, applied) !== 0;
  const c = formatCenti(centi);
  return {
    centi,
    inputs: { value: v },
    rule: {
      formula: 'quantity',
      value: v,
      target,
      capRatio,
      ratio: q.toNumber(ratio),
      applied: q.toNumber(applied),
    },
    explanation: {
      'zh-CN': `${ind.name} ${v} / 目标 ${target} ${shown(ratio)}${capped ? `，封顶 ${capRatio}` : ''} × ${ind.points}分 = ${c}`,
      en: `${ind.name} ${v} / target ${target} ${shown(ratio)}${capped ? `, capped at ${capRatio}` : ''} × ${ind.points} points = ${c}`,
    },
    missing: false,
  };
}

/** Full points at or above target, none at or below floor, linear in between. */
export function ratio(ind: RatioIndicator, v: number): Outcome {
  const { floor, target } = ind.params;
  const raw = q.div(q.sub(r(v), r(floor)), q.sub(r(target), r(floor)));
  const fraction = q.max(q.ZERO, q.min(q.ONE, raw));
  const centi = q.toCenti(q.mul(r(ind.points), fraction));
  const c = formatCenti(centi);
  const n = ind.name;
  const explanation: Texts =
    v >= target
      ? {
          'zh-CN': `${n} ${v} ≥ 目标 ${target}，得满分 ${ind.points}分 = ${c}`,
          en: `${n} ${v} ≥ target ${target}: full ${ind.points} points = ${c}`,
        }
      : v <= floor
        ? {
            'zh-CN': `${n} ${v} ≤ 下限 ${floor}，不得分 = ${c}`,
            en: `${n} ${v} ≤ floor ${floor}: no points = ${c}`,
          }
        : {
            'zh-CN': `${n} (${v} − ${floor}) / (${target} − ${floor}) ${shown(fraction)} × ${ind.points}分 = ${c}`,
            en: `${n} (${v} − ${floor}) / (${target} − ${floor}) ${shown(fraction)} × ${ind.points} points = ${c}`,
          };
  return {
    centi,
    inputs: { value: v },
    rule: { formula: 'ratio', value: v, floor, target, fraction: q.toNumber(fraction) },
    explanation,
    missing: false,
  };
}

/** points × mean(r) / scale. */
export function rating(ind: RatingIndicator, ratings: RatingInput[]): Outcome {
  const { scale } = ind.params;
  const mean = q.div(q.sum(ratings.map((x) => r(x.value))), q.int(ratings.length));
  const centi = q.toCenti(q.div(q.mul(r(ind.points), mean), r(scale)));
  const c = formatCenti(centi);
  const values = ratings.length <= 10 ? ratings.map((x) => x.value) : null;
  const zhValues = values ? `评分 ${values.join('、')}` : `${ratings.length} 个评分`;
  const enValues = values ? `ratings ${values.join(', ')}` : `${ratings.length} ratings`;
  const avg =
    ratings.length > 1
      ? { 'zh-CN': `，平均 ${about(mean, 'zh-CN')}`, en: `, mean ${about(mean, 'en')}` }
      : null;
  return {
    centi,
    inputs: { ratings },
    rule: { formula: 'rating', scale, count: ratings.length, mean: q.toNumber(mean) },
    explanation: {
      'zh-CN': `${ind.name} ${zhValues}${avg?.['zh-CN'] ?? ''} / 满分 ${scale} × ${ind.points}分 = ${c}`,
      en: `${ind.name} ${enValues}${avg?.en ?? ''} / scale ${scale} × ${ind.points} points = ${c}`,
    },
    missing: false,
  };
}

/** points × mean over checks of (passed weight / total weight), a check being 0 if a critical item failed. */
export function checklist(ind: ChecklistIndicator, checks: CheckInput[], required: boolean): Outcome {
  const { items, whenNone } = ind.params;
  if (checks.length === 0) {
    if (required) return missing(ind);
    const centi = whenNone === 'full' ? q.toCenti(r(ind.points)) : 0;
    const c = formatCenti(centi);
    return {
      centi,
      inputs: { checks: [] },
      rule: {
        formula: 'checklist',
        checks: 0,
        mean: whenNone === 'full' ? 1 : 0,
        applied: 'whenNone',
        whenNone,
      },
      explanation: {
        'zh-CN': `${ind.name} 本期无抽查记录，按规定记${whenNone === 'full' ? '满分' : ' 0 分'} = ${c}`,
        en: `${ind.name}: no checks this period, scored as ${whenNone === 'full' ? 'full' : 'zero'} = ${c}`,
      },
      missing: false,
    };
  }
  const totalWeight = q.sum(items.map((x) => r(x.weight)));
  const scores: q.Rational[] = [];
  const used: UsedCheck[] = checks.map((check) => {
    const passed = new Set(check.passed);
    const failedCritical = items.filter((x) => x.critical && !passed.has(x.key)).map((x) => x.key);
    const passedWeight = q.sum(items.filter((x) => passed.has(x.key)).map((x) => r(x.weight)));
    const score = failedCritical.length > 0 ? q.ZERO : q.div(passedWeight, totalWeight);
    scores.push(score);
    return {
      ...(check.callId ? { callId: check.callId } : {}),
      passed: [...passed],
      failedCritical,
      score: q.toNumber(score),
    };
  });
  const mean = q.div(q.sum(scores), q.int(scores.length));
  const centi = q.toCenti(q.mul(r(ind.points), mean));
  const c = formatCenti(centi);
  const zeroed = used.filter((x) => x.failedCritical.length > 0).length;
  return {
    centi,
    inputs: { checks: used },
    rule: { formula: 'checklist', checks: used.length, mean: q.toNumber(mean), applied: 'checks', whenNone },
    explanation: {
      'zh-CN': `${ind.name} 抽查 ${used.length} 次${zeroed ? `（其中 ${zeroed} 次关键项未通过，记 0）` : ''}，平均得分率 ${about(mean, 'zh-CN')} × ${ind.points}分 = ${c}`,
      en: `${ind.name} ${used.length} check(s)${zeroed ? ` (${zeroed} zeroed by a failed critical item)` : ''}, mean ${about(mean, 'en')} × ${ind.points} points = ${c}`,
    },
    missing: false,
  };
}

/** Scores one non-veto indicator from its sorted inputs. */
export function scoreIndicator(ind: Exclude<Indicator, { type: 'veto' }>, got: IndicatorInputs): Outcome {
  switch (ind.type) {
    case 'quantity':
      return got.metric === null ? missing(ind) : quantity(ind, got.metric);
    case 'ratio':
      return got.metric === null ? missing(ind) : ratio(ind, got.metric);
    case 'rating':
      return got.ratings.length === 0 ? missing(ind) : rating(ind, got.ratings);
    case 'checklist':
      return checklist(ind, got.checks, ind.required);
    case 'deduction':
      return deduction(ind, got.events);
    case 'bonus':
      return bonus(ind, got.events);
  }
}
