import { describe, expect, it } from 'vitest';
import {
  checkInputs,
  type EvaluationInputsInput,
  schemeErrorMessage,
  scoreEvaluation,
} from '../../../worker/domain/scheme';
import { checklist, deduction, inputs, line, quantity, rating, ratio, schemeWith, veto } from './fixtures';

const scheme = schemeWith([
  quantity({ key: 'calls', points: 20, target: 200 }),
  ratio({ key: 'util', points: 10, floor: 0.6, target: 0.9 }),
  deduction({ key: 'dq', points: 30, rules: { a: 0.5 } }),
  rating({ key: 'boss', points: 20, scale: 10 }),
  checklist({ key: 'qa', points: 20, items: { x: { weight: 1 }, y: { weight: 1 } } }),
  veto({ key: 'v', rules: ['m'] }),
]);
const check = (partial: EvaluationInputsInput) => checkInputs(scheme, inputs(partial));

describe('checkInputs', () => {
  it('accepts inputs that fit', () => {
    expect(
      check({
        metrics: [
          { indicator: 'calls', value: 0 },
          { indicator: 'util', value: 1 },
        ],
        events: [
          { id: 'e1', indicator: 'dq', rule: 'a', count: 2, evidence: { recordingId: 'rec-1' } },
          { id: 'e2', indicator: 'v', rule: 'm', voided: true },
        ],
        ratings: [
          { indicator: 'boss', value: 0 },
          { indicator: 'boss', value: 10 },
        ],
        checks: [{ indicator: 'qa', passed: ['x', 'y'], callId: 'c1' }],
      }),
    ).toEqual([]);
  });

  it.each<[string, EvaluationInputsInput, { field: string; code: string; params?: object }]>([
    [
      'an unknown indicator',
      { metrics: [{ indicator: 'nope', value: 1 }] },
      { field: 'metrics[0].indicator', code: 'unknown_indicator', params: { indicator: 'nope' } },
    ],
    [
      'a metric for a rating',
      { metrics: [{ indicator: 'boss', value: 1 }] },
      {
        field: 'metrics[0].indicator',
        code: 'wrong_input_kind',
        params: { indicator: 'boss', type: 'rating', expected: 'ratings' },
      },
    ],
    [
      'an event for a quantity',
      { events: [{ indicator: 'calls', rule: 'a' }] },
      {
        field: 'events[0].indicator',
        code: 'wrong_input_kind',
        params: { indicator: 'calls', type: 'quantity', expected: 'metrics' },
      },
    ],
    [
      'a rating for a checklist',
      { ratings: [{ indicator: 'qa', value: 1 }] },
      {
        field: 'ratings[0].indicator',
        code: 'wrong_input_kind',
        params: { indicator: 'qa', type: 'checklist', expected: 'checks' },
      },
    ],
    [
      'a check for a deduction',
      { checks: [{ indicator: 'dq', passed: [] }] },
      {
        field: 'checks[0].indicator',
        code: 'wrong_input_kind',
        params: { indicator: 'dq', type: 'deduction', expected: 'events' },
      },
    ],
    [
      'an unknown rule',
      {
        events: [
          { indicator: 'dq', rule: 'a' },
          { indicator: 'dq', rule: 'a' },
          { indicator: 'dq', rule: 'zz' },
        ],
      },
      { field: 'events[2].rule', code: 'unknown_rule', params: { indicator: 'dq', rule: 'zz' } },
    ],
    [
      'an unknown item',
      { checks: [{ indicator: 'qa', passed: ['x', 'q'] }] },
      { field: 'checks[0].passed[1]', code: 'unknown_item', params: { indicator: 'qa', item: 'q' } },
    ],
    [
      'a rating above the scale',
      { ratings: [{ indicator: 'boss', value: 10.5 }] },
      { field: 'ratings[0].value', code: 'rating_range', params: { value: 10.5, scale: 10 } },
    ],
    [
      'a negative rating',
      { ratings: [{ indicator: 'boss', value: -1 }] },
      { field: 'ratings[0].value', code: 'rating_range', params: { value: -1, scale: 10 } },
    ],
    [
      'a ratio above 1',
      { metrics: [{ indicator: 'util', value: 1.01 }] },
      {
        field: 'metrics[0].value',
        code: 'ratio_value_range',
        params: { value: 1.01, name: 'util', percent: '101' },
      },
    ],
    [
      'a negative ratio',
      { metrics: [{ indicator: 'util', value: -0.01 }] },
      {
        field: 'metrics[0].value',
        code: 'ratio_value_range',
        params: { value: -0.01, name: 'util', percent: '-1' },
      },
    ],
    [
      'a negative quantity',
      { metrics: [{ indicator: 'calls', value: -3 }] },
      { field: 'metrics[0].value', code: 'negative_quantity', params: { value: -3 } },
    ],
    [
      'a second value for one indicator',
      {
        metrics: [
          { indicator: 'calls', value: 1 },
          { indicator: 'calls', value: 2 },
        ],
      },
      { field: 'metrics[1].indicator', code: 'duplicate_metric', params: { indicator: 'calls' } },
    ],
    [
      'a repeated event id',
      {
        events: [
          { id: 'e1', indicator: 'dq', rule: 'a' },
          { id: 'e1', indicator: 'dq', rule: 'a' },
        ],
      },
      { field: 'events[1].id', code: 'duplicate_event_id', params: { id: 'e1' } },
    ],
  ])('reports %s', (_, partial, expected) => {
    expect(check(partial)).toEqual([expected]);
  });

  it('scores without the entries it reports', () => {
    const bad = inputs({
      metrics: [
        { indicator: 'calls', value: 100 },
        { indicator: 'calls', value: 200 },
        { indicator: 'util', value: 2 },
      ],
      events: [
        { id: 'e1', indicator: 'dq', rule: 'a', count: 4 },
        { id: 'e1', indicator: 'dq', rule: 'a', count: 10 },
        { indicator: 'dq', rule: 'zz', count: 10 },
      ],
      ratings: [
        { indicator: 'boss', value: 50 },
        { indicator: 'boss', value: 5 },
      ],
      checks: [
        { indicator: 'qa', passed: ['x'] },
        { indicator: 'qa', passed: ['x', 'y', 'nope'] },
      ],
    });
    expect(checkInputs(scheme, bad).map((e) => e.field)).toEqual([
      'metrics[1].indicator',
      'metrics[2].value',
      'events[1].id',
      'events[2].rule',
      'ratings[0].value',
      'checks[1].passed[2]',
    ]);
    const r = scoreEvaluation(scheme, bad);
    expect(r.indicators.map((x) => [x.key, x.points])).toEqual([
      ['calls', 10],
      ['util', 0],
      ['dq', 28],
      ['boss', 10],
      ['qa', 10],
      ['v', 0],
    ]);
    expect(line(r, 'util').missing).toBe(true);
  });

  it('says a rate out of range in percent, naming the indicator by its label, in both languages', () => {
    const named = schemeWith([
      ratio({ key: 'util', name: '通话利用率', points: 100, floor: 0.6, target: 0.9 }),
    ]);
    const [e] = checkInputs(named, inputs({ metrics: [{ indicator: 'util', value: 96 }] }));
    expect(e?.params).toMatchObject({ name: '通话利用率', percent: '9600' });
    const zh = schemeErrorMessage(e!, 'zh-CN');
    expect(zh).toContain('「通话利用率」是比率，应在 0% 到 100% 之间');
    expect(zh).toContain('96 是 9600%');
    expect(zh).not.toContain('0 到 1');
    const en = schemeErrorMessage(e!, 'en');
    expect(en).toContain('通话利用率 is a rate between 0% and 100%, and 96 is 9600%');
    // Exact: 0.0007 is 0.07%, not 0.07000000000000001%.
    const [tiny] = checkInputs(named, inputs({ metrics: [{ indicator: 'util', value: -0.0007 }] }));
    expect(tiny?.params?.percent).toBe('-0.07');
  });
});
