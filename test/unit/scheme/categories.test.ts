import { describe, expect, it } from 'vitest';
import { type SchemeContent, scoreEvaluation } from '../../../worker/domain/scheme';
import { seedBands } from '../../../worker/domain/scheme/templates/shared';
import { bonus, deduction, inputs, quantity, veto } from './fixtures';

describe('category results', () => {
  const content: SchemeContent = {
    maxScore: 105,
    categories: [
      { key: 'perf', name: '业绩考核' },
      { key: 'quality', name: '质量考核' },
      { key: 'extra', name: '加分' },
      { key: 'unused', name: '未使用' },
    ],
    indicators: [
      quantity({ key: 'calls', category: 'perf', points: 40, target: 100 }),
      quantity({ key: 'tickets', category: 'perf', points: 30, target: 10 }),
      deduction({ key: 'dq', category: 'quality', points: 30, rules: { x: 1.25 } }),
      bonus({ key: 'b', category: 'extra', points: 5, rules: { p: 1 } }),
      veto({ key: 'v', category: 'extra', rules: ['z'] }),
    ],
    bands: seedBands(105),
  };

  it('sums points and full values per category; the total is the sum of indicator results', () => {
    const r = scoreEvaluation(
      content,
      inputs({
        metrics: [
          { indicator: 'calls', value: 50 },
          { indicator: 'tickets', value: 7 },
        ],
        events: [
          { indicator: 'dq', rule: 'x', count: 3 },
          { indicator: 'b', rule: 'p', count: 2 },
        ],
      }),
    );
    expect(r.categories).toEqual([
      { key: 'perf', name: '业绩考核', points: 41, maxPoints: 70 },
      { key: 'quality', name: '质量考核', points: 26.25, maxPoints: 30 },
      { key: 'extra', name: '加分', points: 2, maxPoints: 5 },
      { key: 'unused', name: '未使用', points: 0, maxPoints: 0 },
    ]);
    expect([r.total, r.totalCenti, r.maxScore, r.grade, r.label, r.k]).toEqual([
      69.25,
      6925,
      105,
      'E',
      '不合格',
      0.5,
    ]);
    expect(r.indicators.map((x) => [x.key, x.type, x.category, x.maxPoints])).toEqual([
      ['calls', 'quantity', 'perf', 40],
      ['tickets', 'quantity', 'perf', 30],
      ['dq', 'deduction', 'quality', 30],
      ['b', 'bonus', 'extra', 5],
      ['v', 'veto', 'extra', 0],
    ]);
  });
});
