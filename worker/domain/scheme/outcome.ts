import type { Lang, Texts } from '../../lib/i18n';
import type { Indicator } from './content';
import * as q from './decimal';
import type { EventInput, RatingInput } from './inputs';

/*
 * What scoring one indicator yields: points in hundredths (rounded half-up once, by the
 * formula), the inputs used, a machine-readable rule and a sentence a person can check.
 */

export interface UsedCheck {
  callId?: string;
  passed: string[];
  /** Critical items not passed: any one makes the check worth 0. */
  failedCritical: string[];
  score: number;
}

export type UsedInputs =
  | { value: number | null }
  | { events: Omit<EventInput, 'evidence'>[] }
  | { ratings: RatingInput[] }
  | { checks: UsedCheck[] };

export interface RuleLine {
  rule: string;
  name: string;
  count: number;
  /** Points per occurrence (deduct or add). */
  each: number;
}

export type FormulaRule =
  | { formula: 'missing'; type: Indicator['type'] }
  | { formula: 'quantity'; value: number; target: number; capRatio: number; ratio: number; applied: number }
  | { formula: 'ratio'; value: number; floor: number; target: number; fraction: number }
  | { formula: 'deduction'; lines: RuleLine[]; deducted: number; floored: boolean }
  | { formula: 'bonus'; lines: RuleLine[]; added: number; capped: boolean }
  | { formula: 'rating'; scale: number; count: number; mean: number }
  | {
      formula: 'checklist';
      checks: number;
      mean: number;
      applied: 'checks' | 'whenNone';
      whenNone: 'full' | 'zero';
    }
  | { formula: 'veto'; triggered: boolean; rule: string | null; grade: string };

export interface VetoResult {
  indicator: string;
  rule: string;
  grade: string;
}

export interface Outcome {
  centi: number;
  inputs: UsedInputs;
  rule: FormulaRule;
  explanation: Texts;
  missing: boolean;
}

const r = q.rational;

/** `= 0.9` when the shown decimal is exact, `≈ 0.3333` when it is not. */
export function shown(x: q.Rational): string {
  const s = q.formatRational(x, 4);
  return `${q.compare(r(Number(s)), x) === 0 ? '=' : '≈'} ${s}`;
}

/** A value inside a sentence: `8.5`, or `约 8.3333` / `≈ 8.3333` when rounded for display. */
export function about(x: q.Rational, lang: Lang): string {
  const s = q.formatRational(x, 4);
  if (q.compare(r(Number(s)), x) === 0) return s;
  return lang === 'en' ? `≈ ${s}` : `约 ${s}`;
}

/** Zero points because nothing was recorded; required ones also block submission upstream. */
export function missing(ind: Indicator): Outcome {
  return {
    centi: 0,
    inputs:
      ind.type === 'quantity' || ind.type === 'ratio'
        ? { value: null }
        : ind.type === 'checklist'
          ? { checks: [] }
          : { ratings: [] },
    rule: { formula: 'missing', type: ind.type },
    explanation: { 'zh-CN': `${ind.name}：未录入数据，记 0 分`, en: `${ind.name}: no input, 0 points` },
    missing: true,
  };
}
