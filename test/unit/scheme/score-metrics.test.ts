import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../worker/domain/scheme';
import { inputs, line, quantity, rating, ratio, schemeWith } from './fixtures';

describe('quantity: points × min(v / target, capRatio)', () => {
  const scheme = schemeWith([quantity({ key: 'calls', name: '接听量', points: 20, target: 200 })]);
  const score = (value: number) =>
    scoreEvaluation(scheme, inputs({ metrics: [{ indicator: 'calls', value }] }));

  it('scores the share of the target and explains it', () => {
    const r = line(score(180), 'calls');
    expect(r.points).toBe(18);
    expect(r.centi).toBe(1800);
    expect(r.maxPoints).toBe(20);
    expect(r.explanation['zh-CN']).toBe('接听量 180 / 目标 200 = 0.9 × 20分 = 18.00');
    expect(r.explanation.en).toBe('接听量 180 / target 200 = 0.9 × 20 points = 18.00');
    expect(r.rule).toEqual({
      formula: 'quantity',
      value: 180,
      target: 200,
      capRatio: 1,
      ratio: 0.9,
      applied: 0.9,
    });
    expect(r.inputs).toEqual({ value: 180 });
    expect(r.missing).toBe(false);
  });

  it('caps over-achievement at capRatio 1', () => {
    const r = score(260);
    expect(line(r, 'calls').points).toBe(20);
    expect(line(r, 'calls').explanation['zh-CN']).toBe('接听量 260 / 目标 200 = 1.3，封顶 1 × 20分 = 20.00');
    expect(r.total).toBe(20);
  });

  it('lets capRatio above 1 exceed the points, up to the cap', () => {
    const s = schemeWith([quantity({ key: 'calls', points: 20, target: 200, capRatio: 1.2 })]);
    const at = (value: number) =>
      line(scoreEvaluation(s, inputs({ metrics: [{ indicator: 'calls', value }] })), 'calls').points;
    expect(at(220)).toBe(22);
    expect(at(240)).toBe(24);
    expect(at(1000)).toBe(24);
  });

  it('scores zero for zero, which is an input and not missing', () => {
    const r = line(score(0), 'calls');
    expect([r.points, r.missing]).toEqual([0, false]);
  });

  it('rounds a third half-up per indicator', () => {
    const s = schemeWith([quantity({ key: 'q', points: 10, target: 3 })]);
    const at = (value: number) =>
      line(scoreEvaluation(s, inputs({ metrics: [{ indicator: 'q', value }] })), 'q');
    expect(at(1).points).toBe(3.33);
    expect(at(2).points).toBe(6.67);
    expect(at(1).explanation['zh-CN']).toBe('q 1 / 目标 3 ≈ 0.3333 × 10分 = 3.33');
  });

  it('lands on the exact half-up value where binary floating point falls short', () => {
    // 10 × 9 / 400 = 0.225 exactly, but 10 * (9 / 400) is 0.22499999999999998 in a double.
    const s = schemeWith([quantity({ key: 'q', points: 10, target: 400 })]);
    const at = (value: number) =>
      line(scoreEvaluation(s, inputs({ metrics: [{ indicator: 'q', value }] })), 'q');
    expect(at(9).points).toBe(0.23);
    expect(at(41).points).toBe(1.03);
    expect(at(1).points).toBe(0.03);
  });

  it('scores a missing value 0 and reports it when required', () => {
    const s = schemeWith([quantity({ key: 'calls', points: 20, target: 200, required: true })]);
    const r = scoreEvaluation(s, inputs());
    expect(line(r, 'calls')).toMatchObject({ points: 0, missing: true, rule: { formula: 'missing' } });
    expect(line(r, 'calls').explanation['zh-CN']).toBe('calls：未录入数据，记 0 分');
    expect(r.missingRequired).toEqual(['calls']);
  });

  it('does not list an optional indicator without input as missing-required', () => {
    const r = scoreEvaluation(scheme, inputs());
    expect(line(r, 'calls').missing).toBe(true);
    expect(r.missingRequired).toEqual([]);
  });
});

describe('ratio: linear between floor and target', () => {
  const scheme = schemeWith([
    ratio({ key: 'util', name: '通话利用率', points: 10, floor: 0.6, target: 0.9 }),
  ]);
  const at = (value: number) =>
    line(scoreEvaluation(scheme, inputs({ metrics: [{ indicator: 'util', value }] })), 'util');

  it.each([
    [1, 10],
    [0.95, 10],
    [0.9, 10],
    [0.75, 5],
    [0.7, 3.33],
    [0.8, 6.67],
    [0.6, 0],
    [0.3, 0],
    [0, 0],
  ])('value %s scores %s', (value, expected) => {
    expect(at(value).points).toBe(expected);
  });

  it('explains each case', () => {
    expect(at(0.95).explanation['zh-CN']).toBe('通话利用率 0.95 ≥ 目标 0.9，得满分 10分 = 10.00');
    expect(at(0.5).explanation['zh-CN']).toBe('通话利用率 0.5 ≤ 下限 0.6，不得分 = 0.00');
    expect(at(0.75).explanation['zh-CN']).toBe('通话利用率 (0.75 − 0.6) / (0.9 − 0.6) = 0.5 × 10分 = 5.00');
    expect(at(0.75).rule).toEqual({ formula: 'ratio', value: 0.75, floor: 0.6, target: 0.9, fraction: 0.5 });
  });

  it('works from exact decimals: (0.3 − 0.1) / (0.5 − 0.1) is one half', () => {
    const s = schemeWith([ratio({ key: 'r', points: 0.05, floor: 0.1, target: 0.5 })]);
    const r = scoreEvaluation(s, inputs({ metrics: [{ indicator: 'r', value: 0.3 }] }));
    // 0.05 × 0.5 = 0.025 → 0.03 half-up (a float route gives 0.024999… → 0.02).
    expect(line(r, 'r').points).toBe(0.03);
  });
});

describe('rating: points × mean / scale', () => {
  const scheme = schemeWith([
    rating({ key: 'boss', name: '上级综合评分', points: 10, scale: 10 }),
    rating({ key: 'exam', name: '书面考试', points: 10, scale: 100, required: true }),
  ]);

  it('averages several ratings', () => {
    const r = scoreEvaluation(
      scheme,
      inputs({
        ratings: [
          { indicator: 'boss', value: 8, raterId: 'usr_a' },
          { indicator: 'boss', value: 9, raterId: 'usr_b' },
          { indicator: 'exam', value: 88 },
        ],
      }),
    );
    expect(line(r, 'boss').points).toBe(8.5);
    expect(line(r, 'boss').explanation['zh-CN']).toBe(
      '上级综合评分 评分 8、9，平均 8.5 / 满分 10 × 10分 = 8.50',
    );
    expect(line(r, 'boss').inputs).toEqual({
      ratings: [
        { indicator: 'boss', value: 8, raterId: 'usr_a' },
        { indicator: 'boss', value: 9, raterId: 'usr_b' },
      ],
    });
    expect(line(r, 'exam').points).toBe(8.8);
    expect(r.total).toBe(17.3);
  });

  it('rounds a mean of thirds half-up', () => {
    const r = scoreEvaluation(
      scheme,
      inputs({ ratings: [1, 1, 2].map((value) => ({ indicator: 'boss', value })) }),
    );
    expect(line(r, 'boss').points).toBe(1.33);
    expect(line(r, 'boss').explanation['zh-CN']).toContain('平均 约 1.3333');
  });

  it('rounds 2.675 up where a float gives 2.67499…', () => {
    const s = schemeWith([rating({ key: 'x', points: 10, scale: 4 })]);
    const r = scoreEvaluation(s, inputs({ ratings: [{ indicator: 'x', value: 1.07 }] }));
    expect(line(r, 'x').points).toBe(2.68);
  });

  it('accepts the ends of the scale and ignores a rating outside it', () => {
    const at = (value: number) =>
      line(scoreEvaluation(scheme, inputs({ ratings: [{ indicator: 'boss', value }] })), 'boss');
    expect(at(10).points).toBe(10);
    expect(at(0).points).toBe(0);
    expect(at(11)).toMatchObject({ points: 0, missing: true });
  });

  it('reports a required rating without input', () => {
    const r = scoreEvaluation(scheme, inputs({ ratings: [{ indicator: 'boss', value: 9 }] }));
    expect(r.missingRequired).toEqual(['exam']);
  });
});
