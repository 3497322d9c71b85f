import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkInputs,
  type EvaluationInputs,
  gradeFor,
  type SchemeContent,
  scoreEvaluation,
  validateScheme,
} from '../../../worker/domain/scheme';
import { schemeAndInputsArb, schemeArb } from './arbitraries';

const runs = { numRuns: 300 };

describe('properties over random valid schemes and inputs', () => {
  it('validateScheme accepts every generated scheme', () => {
    fc.assert(
      fc.property(schemeArb, (content) => {
        expect(validateScheme(content)).toEqual({ ok: true });
      }),
      runs,
    );
  });

  it('checkInputs accepts every generated input', () => {
    fc.assert(
      fc.property(schemeAndInputsArb, ({ content, inputs }) => {
        expect(checkInputs(content, inputs)).toEqual([]);
      }),
      runs,
    );
  });

  it('the total lies in [0, maxScore] and is the clamped sum of the indicator results', () => {
    fc.assert(
      fc.property(schemeAndInputsArb, ({ content, inputs }) => {
        const r = scoreEvaluation(content, inputs);
        const sum = r.indicators.reduce((n, x) => n + x.centi, 0);
        expect(Number.isInteger(r.totalCenti)).toBe(true);
        expect(r.totalCenti).toBe(Math.min(Math.round(content.maxScore * 100), sum));
        expect(r.total).toBe(r.totalCenti / 100);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(content.maxScore);
        expect(r.categories.reduce((n, c) => n + Math.round(c.points * 100), 0)).toBe(sum);
        for (const x of r.indicators) {
          expect(Number.isInteger(x.centi) && x.centi >= 0, `${x.key}: ${x.centi}`).toBe(true);
          expect(x.points).toBe(x.centi / 100);
        }
      }),
      runs,
    );
  });

  it('the grade is the band of the total, or the lower band a veto forced', () => {
    fc.assert(
      fc.property(schemeAndInputsArb, ({ content, inputs }) => {
        const r = scoreEvaluation(content, inputs);
        const scored = gradeFor(content, r.totalCenti);
        const forced = r.veto && content.bands.find((b) => b.grade === r.veto!.grade);
        const band = forced && scored && forced.min < scored.min ? forced : scored;
        expect(band).toBeDefined();
        expect([r.grade, r.label, r.k]).toEqual([band!.grade, band!.label, band!.k]);
        const vetoEvents = inputs.events.filter((e) => e.indicator === 'v0' && !e.voided);
        expect(r.veto !== null).toBe(vetoEvents.length > 0);
      }),
      runs,
    );
  });

  it('more quantity never lowers a score', () => {
    const arb = schemeAndInputsArb
      .filter(({ content }) => content.indicators.some((x) => x.type === 'quantity'))
      .chain((s) => fc.tuple(fc.constant(s), fc.nat(), fc.integer({ min: 1, max: 1000 })));
    fc.assert(
      fc.property(arb, ([{ content, inputs }, pick, delta]) => {
        const quantities = content.indicators.filter((x) => x.type === 'quantity');
        const key = quantities[pick % quantities.length]!.key;
        const before = scoreEvaluation(content, inputs);
        const old = inputs.metrics.find((m) => m.indicator === key)?.value ?? 0;
        const more: EvaluationInputs = {
          ...inputs,
          metrics: [
            ...inputs.metrics.filter((m) => m.indicator !== key),
            { indicator: key, value: old + delta },
          ],
        };
        const after = scoreEvaluation(content, more);
        expect(after.totalCenti).toBeGreaterThanOrEqual(before.totalCenti);
        const at = (r: typeof before) => r.indicators.find((x) => x.key === key)!.centi;
        expect(at(after)).toBeGreaterThanOrEqual(at(before));
      }),
      runs,
    );
  });

  it('one more deduction never raises a score', () => {
    const hasDeduction = (c: SchemeContent) => c.indicators.some((x) => x.type === 'deduction');
    const arb = schemeAndInputsArb
      .filter(({ content }) => hasDeduction(content))
      .chain((s) => fc.tuple(fc.constant(s), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })));
    fc.assert(
      fc.property(arb, ([{ content, inputs }, pick, rulePick, count]) => {
        const deductions = content.indicators.filter((x) => x.type === 'deduction');
        const ind = deductions[pick % deductions.length]!;
        const rule = ind.params.rules[rulePick % ind.params.rules.length]!.key;
        const before = scoreEvaluation(content, inputs);
        const after = scoreEvaluation(content, {
          ...inputs,
          events: [...inputs.events, { indicator: ind.key, rule, count }],
        });
        expect(after.totalCenti).toBeLessThanOrEqual(before.totalCenti);
      }),
      runs,
    );
  });

  it('an indicator never exceeds its points × capRatio', () => {
    fc.assert(
      fc.property(schemeAndInputsArb, ({ content, inputs }) => {
        const r = scoreEvaluation(content, inputs);
        content.indicators.forEach((ind, i) => {
          // In integers: points in hundredths × capRatio in tenths, rounded half-up to hundredths
          // (0.69 × 1.5 = 1.035 → 1.04, where Math.round(1.035 * 100) would say 103).
          const pointsCenti = Math.round(ind.points * 100);
          const capTenths = ind.type === 'quantity' ? Math.round(ind.params.capRatio * 10) : 10;
          const maxCenti = Math.floor((2 * pointsCenti * capTenths + 10) / 20);
          expect(r.indicators[i]!.centi, ind.key).toBeLessThanOrEqual(maxCenti);
        });
      }),
      runs,
    );
  });
});

describe('exactness against an integer oracle', () => {
  it('quantity with integer target and value: centi = half-up(pointsCenti × v / target)', () => {
    const arb = fc.record({
      pointsCenti: fc.integer({ min: 1, max: 10_000 }),
      target: fc.integer({ min: 1, max: 5000 }),
      value: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(arb, ({ pointsCenti, target, value }) => {
        const points = pointsCenti / 100;
        const content: SchemeContent = {
          maxScore: 100,
          categories: [{ key: 'a', name: '甲' }],
          indicators: [
            {
              key: 'q',
              name: 'q',
              category: 'a',
              points,
              required: false,
              type: 'quantity',
              params: { target, capRatio: 1 },
            },
          ],
          bands: [{ grade: 'A', label: '甲', min: 0, max: 100, k: 1 }],
        };
        const r = scoreEvaluation(content, {
          metrics: [{ indicator: 'q', value }],
          events: [],
          ratings: [],
          checks: [],
        });
        const capped = Math.min(value, target);
        const expected = Math.floor((2 * pointsCenti * capped + target) / (2 * target));
        expect(r.indicators[0]!.centi).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
