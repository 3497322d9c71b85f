import { describe, expect, it } from 'vitest';
import { gradeFor, scoreEvaluation } from '../../../worker/domain/scheme';
import { seedBands } from '../../../worker/domain/scheme/templates/shared';
import { inputs, quantity, schemeWith } from './fixtures';

describe('gradeFor with the seed bands: min < score ≤ max, the lowest band also takes its min', () => {
  const content = { bands: seedBands(100) };
  const grade = (centi: number) => gradeFor(content, centi)?.grade;

  it.each([
    [10_000, 'A'],
    [9_501, 'A'],
    [9_500, 'B'],
    [9_001, 'B'],
    [9_000, 'C'],
    [8_501, 'C'],
    [8_500, 'D'],
    [7_501, 'D'],
    [7_500, 'E'],
    [1, 'E'],
    [0, 'E'],
  ])('%s hundredths → %s', (centi, expected) => {
    expect(grade(centi)).toBe(expected);
  });

  it('carries label and K', () => {
    expect(gradeFor(content, 9_600)).toEqual({ grade: 'A', label: '优秀', min: 95, max: 100, k: 1.1 });
  });

  it('finds no band outside [0, maxScore]', () => {
    expect(gradeFor(content, 10_001)).toBeNull();
    expect(gradeFor(content, -1)).toBeNull();
  });

  it('matches 0 and maxScore when the bands are listed in any order', () => {
    const reversed = { bands: [...seedBands(105)].reverse() };
    expect(gradeFor(reversed, 0)?.grade).toBe('E');
    expect(gradeFor(reversed, 10_500)?.grade).toBe('A');
  });

  it('handles bands with decimal bounds exactly', () => {
    const bands = [
      { grade: 'lo', label: '低', min: 0, max: 60.1, k: 0 },
      { grade: 'hi', label: '高', min: 60.1, max: 100, k: 1 },
    ];
    expect(gradeFor({ bands }, 6_010)?.grade).toBe('lo');
    expect(gradeFor({ bands }, 6_011)?.grade).toBe('hi');
  });
});

describe('scores on band boundaries', () => {
  const scheme = schemeWith([quantity({ key: 'q', points: 100, target: 10_000 })]);
  const score = (value: number) => scoreEvaluation(scheme, inputs({ metrics: [{ indicator: 'q', value }] }));

  it('95.00 is B and 95.01 is A', () => {
    expect([score(9_500).total, score(9_500).grade, score(9_500).k]).toEqual([95, 'B', 1]);
    expect([score(9_501).total, score(9_501).grade, score(9_501).k]).toEqual([95.01, 'A', 1.1]);
  });

  it('0 and maxScore each match a band', () => {
    expect([score(0).total, score(0).grade]).toEqual([0, 'E']);
    expect([score(10_000).total, score(10_000).grade]).toEqual([100, 'A']);
  });

  it('keeps 62.09 + 1.93 + 30.98 at 95.00 (a float sum gives 95.00000000000001, grade A)', () => {
    const s = schemeWith([
      quantity({ key: 'a', points: 62.09, target: 1 }),
      quantity({ key: 'b', points: 1.93, target: 1 }),
      quantity({ key: 'c', points: 35.98, target: 3598 }),
    ]);
    const r = scoreEvaluation(
      s,
      inputs({
        metrics: [
          { indicator: 'a', value: 1 },
          { indicator: 'b', value: 1 },
          { indicator: 'c', value: 3098 },
        ],
      }),
    );
    expect(r.indicators.map((x) => x.points)).toEqual([62.09, 1.93, 30.98]);
    expect([r.total, r.totalCenti, r.grade]).toEqual([95, 9500, 'B']);
  });

  it('sums 30.1 + 30.2 + 39.7 to exactly 100 and grades it A', () => {
    const s = schemeWith([
      quantity({ key: 'a', points: 30.1, target: 1 }),
      quantity({ key: 'b', points: 30.2, target: 1 }),
      quantity({ key: 'c', points: 39.7, target: 1 }),
    ]);
    const r = scoreEvaluation(
      s,
      inputs({ metrics: ['a', 'b', 'c'].map((indicator) => ({ indicator, value: 1 })) }),
    );
    expect([r.total, r.totalCenti, r.grade]).toEqual([100, 10_000, 'A']);
  });
});
