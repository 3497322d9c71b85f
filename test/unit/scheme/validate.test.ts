import { describe, expect, it } from 'vitest';
import {
  type SchemeContent,
  type SchemeError,
  schemeErrorCodes,
  schemeErrorMessage,
  validateScheme,
} from '../../../worker/domain/scheme';
import { seedBands } from '../../../worker/domain/scheme/templates/shared';
import { bonus, checklist, deduction, quantity, rating, ratio, veto } from './fixtures';

/** A valid scheme touching every type; each test breaks one thing in a copy. */
function base(): SchemeContent {
  return {
    maxScore: 105,
    categories: [
      { key: 'perf', name: '业绩考核' },
      { key: 'quality', name: '质量考核' },
    ],
    indicators: [
      quantity({ key: 'calls', category: 'perf', points: 20, target: 1200 }),
      ratio({ key: 'util', category: 'perf', points: 10, floor: 0.6, target: 0.85 }),
      deduction({ key: 'dq', category: 'quality', points: 30, rules: { a: 0.5, b: 0.5 } }),
      rating({ key: 'boss', category: 'quality', points: 20, scale: 10 }),
      checklist({
        key: 'qa',
        category: 'quality',
        points: 20,
        items: { x: { weight: 1, critical: true }, y: { weight: 2 } },
      }),
      bonus({ key: 'praise', category: 'quality', points: 5, rules: { p: 1 } }),
      veto({ key: 'v', category: 'quality', rules: ['m'], grade: 'E' }),
    ],
    bands: seedBands(105),
  };
}

function errorsOf(mutate: (c: SchemeContent) => void): SchemeError[] {
  const c = structuredClone(base());
  mutate(c);
  const result = validateScheme(c);
  return result.ok ? [] : result.errors;
}

/** The indicator at index i with its params, typed loosely for breaking things on purpose. */
function params(c: SchemeContent, i: number): any {
  return c.indicators[i]!.params;
}

describe('validateScheme', () => {
  it('accepts the base scheme (bonus above 100 with maxScore 105 is fine)', () => {
    expect(validateScheme(base())).toEqual({ ok: true });
  });

  it('accepts points that sum to 100 only in exact decimals', () => {
    const c = base();
    // 20 + 10 + 4.02 + 0.16 + 65.82 is 99.99999999999999 when added as doubles.
    const points = [20, 10, 4.02, 0.16, 65.82];
    points.forEach((p, i) => {
      c.indicators[i]!.points = p;
    });
    expect(points.reduce((a, b) => a + b, 0)).not.toBe(100);
    expect(validateScheme(c)).toEqual({ ok: true });
  });

  it.each<[string, (c: SchemeContent) => void, SchemeError[]]>([
    [
      'points not summing to 100',
      (c) => {
        c.indicators[0]!.points = 19.99;
      },
      [{ field: 'indicators', code: 'points_sum', params: { sum: '99.99', expected: 100 } }],
    ],
    [
      'a non-positive points value',
      (c) => {
        c.indicators[1]!.points = 0;
        c.indicators[0]!.points = 30;
      },
      [{ field: 'indicators[1].points', code: 'points_positive', params: { value: 0 } }],
    ],
    [
      'a repeated category key',
      (c) => {
        c.categories.push({ key: 'perf', name: '重复' });
      },
      [{ field: 'categories[2].key', code: 'duplicate_key', params: { key: 'perf' } }],
    ],
    [
      'a repeated indicator key',
      (c) => {
        c.indicators[1]!.key = 'calls';
      },
      [{ field: 'indicators[1].key', code: 'duplicate_key', params: { key: 'calls' } }],
    ],
    [
      'an unknown category',
      (c) => {
        c.indicators[3]!.category = 'nope';
      },
      [{ field: 'indicators[3].category', code: 'unknown_category', params: { category: 'nope' } }],
    ],
    [
      'a zero target',
      (c) => {
        params(c, 0).target = 0;
      },
      [{ field: 'indicators[0].params.target', code: 'target_positive', params: { value: 0 } }],
    ],
    [
      'a capRatio below 1',
      (c) => {
        params(c, 0).capRatio = 0.9;
      },
      [{ field: 'indicators[0].params.capRatio', code: 'cap_ratio_min', params: { value: 0.9 } }],
    ],
    [
      'a ratio floor above 1',
      (c) => {
        params(c, 1).floor = 1.2;
      },
      [{ field: 'indicators[1].params.floor', code: 'ratio_range', params: { value: 1.2 } }],
    ],
    [
      'a negative ratio target',
      (c) => {
        params(c, 1).target = -0.1;
      },
      [{ field: 'indicators[1].params.target', code: 'ratio_range', params: { value: -0.1 } }],
    ],
    [
      'a ratio floor equal to the target',
      (c) => {
        params(c, 1).floor = 0.85;
      },
      [
        {
          field: 'indicators[1].params.floor',
          code: 'floor_below_target',
          params: { floor: 0.85, target: 0.85 },
        },
      ],
    ],
    [
      'an empty rule list',
      (c) => {
        params(c, 2).rules = [];
      },
      [{ field: 'indicators[2].params.rules', code: 'empty' }],
    ],
    [
      'a repeated rule key',
      (c) => {
        params(c, 2).rules[1].key = 'a';
      },
      [{ field: 'indicators[2].params.rules[1].key', code: 'duplicate_key', params: { key: 'a' } }],
    ],
    [
      'a zero deduction',
      (c) => {
        params(c, 2).rules[1].deduct = 0;
      },
      [{ field: 'indicators[2].params.rules[1].deduct', code: 'deduct_positive', params: { value: 0 } }],
    ],
    [
      'a zero scale',
      (c) => {
        params(c, 3).scale = 0;
      },
      [{ field: 'indicators[3].params.scale', code: 'scale_positive', params: { value: 0 } }],
    ],
    [
      'an empty item list',
      (c) => {
        params(c, 4).items = [];
      },
      [{ field: 'indicators[4].params.items', code: 'empty' }],
    ],
    [
      'a repeated item key',
      (c) => {
        params(c, 4).items[1].key = 'x';
      },
      [{ field: 'indicators[4].params.items[1].key', code: 'duplicate_key', params: { key: 'x' } }],
    ],
    [
      'a negative item weight',
      (c) => {
        params(c, 4).items[0].weight = -1;
      },
      [{ field: 'indicators[4].params.items[0].weight', code: 'weight_positive', params: { value: -1 } }],
    ],
    [
      'a zero bonus',
      (c) => {
        params(c, 5).rules[0].add = 0;
      },
      [{ field: 'indicators[5].params.rules[0].add', code: 'add_positive', params: { value: 0 } }],
    ],
    [
      'an empty veto rule list',
      (c) => {
        params(c, 6).rules = [];
      },
      [{ field: 'indicators[6].params.rules', code: 'empty' }],
    ],
    [
      'a veto grade that names no band',
      (c) => {
        params(c, 6).grade = 'F';
      },
      [{ field: 'indicators[6].params.grade', code: 'unknown_grade', params: { grade: 'F' } }],
    ],
    [
      'no categories',
      (c) => {
        c.categories = [];
        c.indicators = [];
      },
      [
        { field: 'categories', code: 'empty' },
        { field: 'indicators', code: 'empty' },
      ],
    ],
    [
      'no bands',
      (c) => {
        c.bands = [];
        params(c, 6).grade = undefined;
      },
      [{ field: 'bands', code: 'empty' }],
    ],
    [
      'a repeated grade',
      (c) => {
        c.bands[1]!.grade = 'A';
      },
      [{ field: 'bands[1].grade', code: 'duplicate_grade', params: { grade: 'A' } }],
    ],
    [
      'a negative K',
      (c) => {
        c.bands[4]!.k = -0.5;
      },
      [{ field: 'bands[4].k', code: 'k_min', params: { value: -0.5 } }],
    ],
    [
      'bands not starting at 0',
      (c) => {
        c.bands[4]!.min = 10;
      },
      [{ field: 'bands[4].min', code: 'bands_start', params: { min: 10 } }],
    ],
    [
      'a gap between bands',
      (c) => {
        c.bands[2]!.min = 86;
      },
      [{ field: 'bands[2].min', code: 'band_gap', params: { from: 85, to: 86 } }],
    ],
    [
      'overlapping bands',
      (c) => {
        c.bands[2]!.min = 80;
      },
      [{ field: 'bands[2].min', code: 'band_overlap', params: { from: 80, to: 85 } }],
    ],
    [
      'bands ending below maxScore',
      (c) => {
        c.bands[0]!.max = 100;
      },
      [{ field: 'bands[0].max', code: 'bands_end', params: { max: 100, maxScore: 105 } }],
    ],
    [
      'a band with min ≥ max',
      (c) => {
        c.bands.push({ grade: 'Z', label: '空', min: 105, max: 105, k: 0 });
      },
      [{ field: 'bands[5].max', code: 'band_empty', params: { min: 105, max: 105 } }],
    ],
  ])('reports %s at the field', (_, mutate, expected) => {
    expect(errorsOf(mutate)).toEqual(expected);
  });

  it('points at the band by its own index when bands are unsorted', () => {
    const errors = errorsOf((c) => {
      c.bands.reverse(); // E D C B A
      c.bands[0]!.max = 74; // E now ends at 74, D starts at 75
    });
    expect(errors).toEqual([{ field: 'bands[1].min', code: 'band_gap', params: { from: 74, to: 75 } }]);
  });

  it('collects several errors at once', () => {
    const errors = errorsOf((c) => {
      params(c, 0).target = -5;
      params(c, 3).scale = 0;
    });
    expect(errors.map((e) => e.field)).toEqual(['indicators[0].params.target', 'indicators[3].params.scale']);
  });
});

describe('schemeErrorMessage', () => {
  it('names the field in natural Chinese and in English', () => {
    const e: SchemeError = { field: 'indicators[3].params.target', code: 'target_positive' };
    expect(schemeErrorMessage(e, 'zh-CN')).toBe('第4个指标的目标值（indicators[3].params.target）必须大于 0');
    expect(schemeErrorMessage(e, 'en')).toBe('indicators[3].params.target must be greater than 0');
  });

  it('fills params and translates types and input kinds', () => {
    const sum: SchemeError = {
      field: 'indicators',
      code: 'points_sum',
      params: { sum: '99.5', expected: 100 },
    };
    expect(schemeErrorMessage(sum, 'zh-CN')).toBe(
      '指标（indicators）：除加分项和一票否决项外，各指标分值之和应为 100，当前为 99.5',
    );
    const kind: SchemeError = {
      field: 'ratings[0].indicator',
      code: 'wrong_input_kind',
      params: { indicator: 'calls', type: 'quantity', expected: 'metrics' },
    };
    expect(schemeErrorMessage(kind, 'zh-CN')).toBe(
      '第1个评分的指标（ratings[0].indicator）无效：指标 calls 是数量目标类指标，应录入指标数值',
    );
    expect(schemeErrorMessage(kind, 'en')).toBe(
      'ratings[0].indicator: calls is a quantity indicator and takes metric values',
    );
    const rule: SchemeError = { field: 'indicators[2].params.rules[1].deduct', code: 'deduct_positive' };
    expect(schemeErrorMessage(rule, 'zh-CN')).toBe(
      '第3个指标的第2个规则的每次扣分（indicators[2].params.rules[1].deduct）必须大于 0',
    );
  });

  it.each(schemeErrorCodes)('has a message for %s in both languages with no placeholder left', (code) => {
    const params = {
      key: 'k',
      category: 'c',
      sum: 1,
      expected: 'metrics',
      floor: 0.1,
      target: 0.2,
      grade: 'A',
      min: 0,
      max: 1,
      from: 1,
      to: 2,
      maxScore: 100,
      indicator: 'i',
      type: 'ratio',
      rule: 'r',
      item: 'x',
      value: 3,
      scale: 10,
      id: 'e1',
      name: '回复率',
      percent: 300,
    };
    const zh = schemeErrorMessage({ field: 'bands[0].min', code, params }, 'zh-CN');
    const en = schemeErrorMessage({ field: 'bands[0].min', code, params }, 'en');
    expect(zh).toContain('第1个等级的下限（bands[0].min）');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain('bands[0].min');
    expect(`${zh} ${en}`).not.toMatch(/\{\w+\}/);
  });
});
