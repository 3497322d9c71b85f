import { describe, expect, it } from 'vitest';
import { evaluationInputsSchema, schemeContentSchema } from '../../../worker/domain/scheme';

const minimal = {
  categories: [{ key: 'perf', name: '业绩考核' }],
  indicators: [
    {
      key: 'calls',
      name: '电话接听量',
      category: 'perf',
      type: 'quantity',
      points: 100,
      params: { target: 200 },
    },
  ],
  bands: [{ grade: 'A', label: '优秀', min: 0, max: 100, k: 1 }],
};

/** The paths of zod's issues, joined like `indicators.0.points`. */
function issuePaths(value: unknown): string[] {
  const r = schemeContentSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('schemeContentSchema', () => {
  it('fills defaults: maxScore 100, required false, capRatio 1, critical false, veto points 0', () => {
    const parsed = schemeContentSchema.parse({
      ...minimal,
      indicators: [
        ...minimal.indicators,
        {
          key: 'v',
          name: '否决',
          category: 'perf',
          type: 'veto',
          params: { rules: [{ key: 'x', name: 'X' }] },
        },
        {
          key: 'qa',
          name: '抽查',
          category: 'perf',
          type: 'checklist',
          points: 1,
          params: { items: [{ key: 'i', name: 'I', weight: 1 }], whenNone: 'full' },
        },
      ],
    });
    expect(parsed.maxScore).toBe(100);
    expect(parsed.indicators[0]).toEqual({
      ...minimal.indicators[0],
      required: false,
      params: { target: 200, capRatio: 1 },
    });
    expect(parsed.indicators[1]).toMatchObject({ points: 0, required: false });
    expect(parsed.indicators[2]!.params).toEqual({
      items: [{ key: 'i', name: 'I', weight: 1, critical: false }],
      whenNone: 'full',
    });
  });

  it('accepts empty lists so that a draft can be saved half-built', () => {
    expect(schemeContentSchema.safeParse({ categories: [], indicators: [], bands: [] }).success).toBe(true);
  });

  it.each<[string, (c: any) => void, string]>([
    [
      'a 1 MB name',
      (c) => {
        c.indicators[0].name = 'x'.repeat(1_000_000);
      },
      'indicators.0.name',
    ],
    [
      'a 101-char name',
      (c) => {
        c.categories[0].name = '名'.repeat(101);
      },
      'categories.0.name',
    ],
    [
      'a blank name',
      (c) => {
        c.categories[0].name = '   ';
      },
      'categories.0.name',
    ],
    [
      'an upper-case key',
      (c) => {
        c.indicators[0].key = 'Calls';
      },
      'indicators.0.key',
    ],
    [
      'a key starting with a digit',
      (c) => {
        c.categories[0].key = '1perf';
      },
      'categories.0.key',
    ],
    [
      'a 41-char key',
      (c) => {
        c.indicators[0].key = `a${'b'.repeat(40)}`;
      },
      'indicators.0.key',
    ],
    [
      'points with 3 decimals',
      (c) => {
        c.indicators[0].points = 33.333;
      },
      'indicators.0.points',
    ],
    [
      'K with 3 decimals',
      (c) => {
        c.bands[0].k = 1.125;
      },
      'bands.0.k',
    ],
    [
      'maxScore below 100',
      (c) => {
        c.maxScore = 99;
      },
      'maxScore',
    ],
    [
      'maxScore above 200',
      (c) => {
        c.maxScore = 201;
      },
      'maxScore',
    ],
    [
      'an unknown type',
      (c) => {
        c.indicators[0].type = 'magic';
      },
      'indicators.0.type',
    ],
    [
      'a field of another type',
      (c) => {
        c.indicators[0].params.scale = 10;
      },
      'indicators.0.params',
    ],
    [
      'an unknown top-level field',
      (c) => {
        c.extra = 1;
      },
      '',
    ],
    [
      'an infinite target',
      (c) => {
        c.indicators[0].params.target = Number.POSITIVE_INFINITY;
      },
      'indicators.0.params.target',
    ],
    [
      'a veto with points',
      (c) => {
        c.indicators[0] = {
          key: 'v',
          name: 'V',
          category: 'perf',
          type: 'veto',
          points: 5,
          params: { rules: [] },
        };
      },
      'indicators.0.points',
    ],
  ])('rejects %s', (_, mutate, path) => {
    const c = structuredClone(minimal);
    mutate(c);
    expect(issuePaths(c)).toEqual([path]);
  });

  it('accepts 2-decimal values that are inexact in binary (0.07, 33.33)', () => {
    const c = structuredClone(minimal) as any;
    c.indicators[0].points = 33.33;
    c.bands[0].k = 0.07;
    expect(issuePaths(c)).toEqual([]);
  });
});

describe('evaluationInputsSchema', () => {
  it('fills empty lists and count 1', () => {
    expect(evaluationInputsSchema.parse({ events: [{ indicator: 'dq', rule: 'a' }] })).toEqual({
      metrics: [],
      events: [{ indicator: 'dq', rule: 'a', count: 1 }],
      ratings: [],
      checks: [],
    });
  });

  it.each<[string, unknown, string]>([
    ['a zero count', { events: [{ indicator: 'dq', rule: 'a', count: 0 }] }, 'events.0.count'],
    ['a fractional count', { events: [{ indicator: 'dq', rule: 'a', count: 1.5 }] }, 'events.0.count'],
    [
      'a 1 MB note',
      { events: [{ indicator: 'dq', rule: 'a', evidence: { note: 'x'.repeat(1_000_000) } }] },
      'events.0.evidence.note',
    ],
    ['a NaN value', { metrics: [{ indicator: 'calls', value: Number.NaN }] }, 'metrics.0.value'],
    ['a bad item key', { checks: [{ indicator: 'qa', passed: ['Bad Key'] }] }, 'checks.0.passed.0'],
    ['an unknown field', { ratings: [{ indicator: 'boss', value: 1, weight: 2 }] }, 'ratings.0'],
  ])('rejects %s', (_, value, path) => {
    const r = evaluationInputsSchema.safeParse(value);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});
