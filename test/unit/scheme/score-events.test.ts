import { describe, expect, it } from 'vitest';
import { scoreEvaluation } from '../../../worker/domain/scheme';
import { bonus, checklist, deduction, inputs, line, quantity, schemeWith, veto } from './fixtures';

describe('deduction: max(0, points − Σ count × deduct)', () => {
  const scheme = schemeWith([
    deduction({ key: 'quality', name: '话务质量', points: 10, rules: { a: 0.5, b: 2 } }),
  ]);
  const score = (events: { rule: string; count?: number; voided?: boolean }[]) =>
    scoreEvaluation(scheme, inputs({ events: events.map((e) => ({ indicator: 'quality', ...e })) }));

  it('gives full points with no events, which is not missing', () => {
    const r = line(score([]), 'quality');
    expect(r).toMatchObject({ points: 10, missing: false });
    expect(r.explanation['zh-CN']).toBe('话务质量 无扣分记录，得满分 10分 = 10.00');
  });

  it('subtracts count × deduct per rule', () => {
    const r = line(score([{ rule: 'a', count: 2 }, { rule: 'b' }, { rule: 'a' }]), 'quality');
    expect(r.points).toBe(6.5);
    expect(r.explanation['zh-CN']).toBe('话务质量 10分 − 规则a 3次 × 0.5 − 规则b 1次 × 2 = 6.50');
    expect(r.rule).toEqual({
      formula: 'deduction',
      lines: [
        { rule: 'a', name: '规则a', each: 0.5, count: 3 },
        { rule: 'b', name: '规则b', each: 2, count: 1 },
      ],
      deducted: 3.5,
      floored: false,
    });
  });

  it('stops at zero instead of going negative', () => {
    const r = line(score([{ rule: 'b', count: 6 }]), 'quality');
    expect(r.points).toBe(0);
    expect(r.rule).toMatchObject({ deducted: 12, floored: true });
    expect(r.explanation['zh-CN']).toBe('话务质量 10分 − 规则b 6次 × 2 = 0.00（扣完为止）');
  });

  it('ignores voided events', () => {
    const r = line(
      score([
        { rule: 'b', voided: true },
        { rule: 'a', voided: false },
      ]),
      'quality',
    );
    expect(r.points).toBe(9.5);
    expect(r.inputs).toEqual({ events: [{ indicator: 'quality', rule: 'a', count: 1, voided: false }] });
  });

  it('adds 0.1 and 0.2 exactly', () => {
    const s = schemeWith([deduction({ key: 'd', points: 0.3, rules: { x: 0.1, y: 0.2 } })]);
    const r = scoreEvaluation(
      s,
      inputs({
        events: [
          { indicator: 'd', rule: 'x' },
          { indicator: 'd', rule: 'y' },
        ],
      }),
    );
    expect(line(r, 'd').points).toBe(0);
    expect(line(r, 'd').rule).toMatchObject({ deducted: 0.3, floored: false });
  });
});

describe('checklist: mean of passed weight / total weight, 0 on a failed critical item', () => {
  const items = { a: { weight: 1 }, b: { weight: 2, critical: true }, c: { weight: 1 } };
  const make = (extra: { whenNone?: 'full' | 'zero'; required?: boolean } = {}) =>
    schemeWith([checklist({ key: 'qa', name: '抽查监听', points: 15, items, ...extra })]);
  const checks = (...passed: string[][]) =>
    passed.map((p, i) => ({ indicator: 'qa', passed: p, callId: `call-${i}` }));

  it('scores each check and averages them', () => {
    const r = line(scoreEvaluation(make(), inputs({ checks: checks(['a', 'b', 'c'], ['a', 'b']) })), 'qa');
    // (1 + 3/4) / 2 = 0.875 × 15 = 13.125 → 13.13
    expect(r.points).toBe(13.13);
    expect(r.explanation['zh-CN']).toBe('抽查监听 抽查 2 次，平均得分率 0.875 × 15分 = 13.13');
  });

  it('zeroes a check whose critical item failed, however much else passed', () => {
    const r = line(
      scoreEvaluation(make(), inputs({ checks: checks(['a', 'b', 'c'], ['a', 'b'], ['a', 'c']) })),
      'qa',
    );
    // (1 + 0.75 + 0) / 3 = 0.58333… × 15 = 8.75
    expect(r.points).toBe(8.75);
    expect(r.inputs).toEqual({
      checks: [
        { callId: 'call-0', passed: ['a', 'b', 'c'], failedCritical: [], score: 1 },
        { callId: 'call-1', passed: ['a', 'b'], failedCritical: [], score: 0.75 },
        { callId: 'call-2', passed: ['a', 'c'], failedCritical: ['b'], score: 0 },
      ],
    });
    expect(r.explanation['zh-CN']).toBe(
      '抽查监听 抽查 3 次（其中 1 次关键项未通过，记 0），平均得分率 约 0.5833 × 15分 = 8.75',
    );
  });

  it('counts an item listed twice once', () => {
    const r = line(scoreEvaluation(make(), inputs({ checks: checks(['a', 'a', 'b']) })), 'qa');
    expect(r.points).toBe(11.25);
  });

  it('applies whenNone when no call was checked', () => {
    const full = line(scoreEvaluation(make({ whenNone: 'full' }), inputs()), 'qa');
    const zero = line(scoreEvaluation(make({ whenNone: 'zero' }), inputs()), 'qa');
    expect([full.points, full.missing]).toEqual([15, false]);
    expect([zero.points, zero.missing]).toEqual([0, false]);
    expect(full.explanation['zh-CN']).toBe('抽查监听 本期无抽查记录，按规定记满分 = 15.00');
  });

  it('reports a required checklist without checks as missing, scoring 0', () => {
    const r = scoreEvaluation(make({ whenNone: 'full', required: true }), inputs());
    expect(line(r, 'qa')).toMatchObject({ points: 0, missing: true });
    expect(r.missingRequired).toEqual(['qa']);
  });
});

describe('bonus: min(points, Σ count × add), total clamped to maxScore', () => {
  const weighted = quantity({ key: 'base', points: 100, target: 100 });
  const praise = bonus({ key: 'praise', name: '客户表扬', points: 5, rules: { letter: 2, call: 1 } });

  it('adds count × add', () => {
    const s = schemeWith([weighted, praise], { maxScore: 105 });
    const r = scoreEvaluation(
      s,
      inputs({
        metrics: [{ indicator: 'base', value: 90 }],
        events: [
          { indicator: 'praise', rule: 'letter' },
          { indicator: 'praise', rule: 'call', count: 2 },
        ],
      }),
    );
    expect(line(r, 'praise').points).toBe(4);
    expect(line(r, 'praise').explanation['zh-CN']).toBe(
      '客户表扬 规则letter 1次 × 2 + 规则call 2次 × 1 = 4.00',
    );
    expect(r.total).toBe(94);
    expect(r.grade).toBe('B');
  });

  it('caps the bonus at its points', () => {
    const s = schemeWith([weighted, praise], { maxScore: 105 });
    const r = scoreEvaluation(s, inputs({ events: [{ indicator: 'praise', rule: 'letter', count: 3 }] }));
    expect(line(r, 'praise').points).toBe(5);
    expect(line(r, 'praise').rule).toMatchObject({ added: 6, capped: true });
    expect(line(r, 'praise').explanation['zh-CN']).toBe(
      '客户表扬 规则letter 3次 × 2 = 6，超过上限 5分，记 5.00',
    );
  });

  it('clamps the total to maxScore, where the top band ends', () => {
    const s = schemeWith([weighted, praise], { maxScore: 103 });
    const r = scoreEvaluation(
      s,
      inputs({
        metrics: [{ indicator: 'base', value: 100 }],
        events: [{ indicator: 'praise', rule: 'letter', count: 2 }],
      }),
    );
    expect(r.indicators.map((x) => x.points)).toEqual([100, 4]);
    expect([r.total, r.totalCenti, r.grade, r.k]).toEqual([103, 10300, 'A', 1.1]);
  });
});

describe('veto: any counted event forces the grade and its K', () => {
  const full = quantity({ key: 'base', points: 100, target: 100 });
  const perfect = { indicator: 'base', value: 100 };

  it('forces the lowest band by default, whatever the score', () => {
    const s = schemeWith([full, veto({ key: 'complaint', name: '重大有效投诉', rules: ['major'] })]);
    const r = scoreEvaluation(
      s,
      inputs({ metrics: [perfect], events: [{ indicator: 'complaint', rule: 'major' }] }),
    );
    expect([r.total, r.grade, r.label, r.k]).toEqual([100, 'E', '不合格', 0.5]);
    expect(r.veto).toEqual({ indicator: 'complaint', rule: 'major', grade: 'E' });
    expect(line(r, 'complaint')).toMatchObject({ points: 0, maxPoints: 0, missing: false });
    expect(line(r, 'complaint').explanation['zh-CN']).toBe(
      '重大有效投诉：否决major 1次，一票否决，考核等级不高于 E',
    );
  });

  it('forces the grade named in its params', () => {
    const s = schemeWith([full, veto({ key: 'v', rules: ['x'], grade: 'D' })]);
    const r = scoreEvaluation(s, inputs({ metrics: [perfect], events: [{ indicator: 'v', rule: 'x' }] }));
    expect([r.grade, r.k]).toEqual(['D', 0.8]);
  });

  it('never raises a grade: a veto to D leaves a score already in E at E, with its K', () => {
    const s = schemeWith([full, veto({ key: 'v', rules: ['x'], grade: 'D' })]);
    const poor = { indicator: 'base', value: 60 };
    const r = scoreEvaluation(s, inputs({ metrics: [poor], events: [{ indicator: 'v', rule: 'x' }] }));
    expect([r.total, r.grade, r.k]).toEqual([60, 'E', 0.5]);
    expect(r.veto).toEqual({ indicator: 'v', rule: 'x', grade: 'D' });
  });

  it('has no effect without events or with voided ones only', () => {
    const s = schemeWith([full, veto({ key: 'v', rules: ['x'] })]);
    const none = scoreEvaluation(s, inputs({ metrics: [perfect] }));
    const voided = scoreEvaluation(
      s,
      inputs({ metrics: [perfect], events: [{ indicator: 'v', rule: 'x', voided: true }] }),
    );
    for (const r of [none, voided]) {
      expect([r.grade, r.k, r.veto]).toEqual(['A', 1.1, null]);
      expect(line(r, 'v').explanation['zh-CN']).toBe('v：无否决事件');
    }
  });

  it('takes the worse grade when two vetoes fire', () => {
    const s = schemeWith([
      full,
      veto({ key: 'v1', rules: ['x'], grade: 'C' }),
      veto({ key: 'v2', rules: ['y'], grade: 'D' }),
    ]);
    const r = scoreEvaluation(
      s,
      inputs({
        metrics: [perfect],
        events: [
          { indicator: 'v1', rule: 'x' },
          { indicator: 'v2', rule: 'y' },
        ],
      }),
    );
    expect(r.veto).toEqual({ indicator: 'v2', rule: 'y', grade: 'D' });
    expect(r.grade).toBe('D');
  });
});
