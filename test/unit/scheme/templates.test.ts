import { describe, expect, it } from 'vitest';
import {
  checkInputs,
  type EvaluationInputsInput,
  findTemplate,
  type SchemeTemplate,
  schemeContentSchema,
  scoreEvaluation,
  templates,
  validateScheme,
} from '../../../worker/domain/scheme';
import { inputs } from './fixtures';

function template(id: string): SchemeTemplate {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** Scores a sample after checking that every input fits (a typo in a sample would hide as a 0). */
function score(t: SchemeTemplate, partial: EvaluationInputsInput) {
  const data = inputs(partial);
  expect(checkInputs(t.content, data)).toEqual([]);
  return scoreEvaluation(t.content, data);
}

const points = (r: ReturnType<typeof score>) =>
  Object.fromEntries(r.indicators.map((x) => [x.key, x.points]));

describe('built-in templates', () => {
  it('lists the three templates, each found by id', () => {
    expect(templates.map((t) => t.id)).toEqual(['cs-monthly', 'express-operator', 'site-property']);
    for (const t of templates) expect(findTemplate(t.id)).toBe(t);
    expect(findTemplate('nope')).toBeNull();
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    '%s passes validateScheme and the schema unchanged',
    (_, t) => {
      expect(validateScheme(t.content)).toEqual({ ok: true });
      expect(schemeContentSchema.parse(t.content)).toEqual(t.content);
      expect(t.name).toMatch(/[\u4e00-\u9fff]/);
      expect(t.description.length).toBeGreaterThan(20);
    },
  );
});

describe('cs-monthly 客服专员月度绩效考核（百分制）', () => {
  const t = template('cs-monthly');

  it('keeps the seed weights per category and bands', () => {
    const r = scoreEvaluation(t.content, inputs());
    expect(r.categories.map((c) => [c.name, c.maxPoints])).toEqual([
      ['业绩考核', 20],
      ['质量考核', 30],
      ['业务考核', 10],
      ['通话利用率', 10],
      ['出勤情况', 5],
      ['报表提交及时性', 5],
      ['问题反馈及遵守规章制度及工作配合度', 10],
      ['上级综合评分', 10],
      ['加分与一票否决', 5],
    ]);
    expect(t.content.bands.map((b) => [b.grade, b.label, b.min, b.max, b.k])).toEqual([
      ['A', '优秀', 95, 105, 1.1],
      ['B', '良好', 90, 95, 1],
      ['C', '合格', 85, 90, 0.9],
      ['D', '待改进', 75, 85, 0.8],
      ['E', '不合格', 0, 75, 0.5],
    ]);
    expect(r.missingRequired).toEqual([
      'calls_answered',
      'tickets_closed',
      'reply_in_30min',
      'exam',
      'utilization_rate',
      'reports_on_time',
      'supervisor_rating',
    ]);
  });

  const typical: EvaluationInputsInput = {
    metrics: [
      { indicator: 'calls_answered', value: 1100 },
      { indicator: 'tickets_closed', value: 160 },
      { indicator: 'reply_in_30min', value: 0.95 },
      { indicator: 'utilization_rate', value: 0.8 },
      { indicator: 'reports_on_time', value: 1 },
    ],
    events: [
      { indicator: 'call_quality', rule: 'impolite', evidence: { recordingId: 'rec-0412' } },
      { indicator: 'call_quality', rule: 'no_staff_no', count: 2 },
      { indicator: 'attendance', rule: 'late' },
      { indicator: 'praise', rule: 'written_praise', evidence: { note: '业主送锦旗' } },
    ],
    ratings: [
      { indicator: 'exam', value: 88 },
      { indicator: 'supervisor_rating', value: 9, raterId: 'usr_lead1' },
      { indicator: 'supervisor_rating', value: 8, raterId: 'usr_lead2' },
    ],
    checks: [
      {
        indicator: 'call_monitoring',
        callId: 'call-1',
        passed: [
          'answer_in_3_rings',
          'greeting',
          'use_surname',
          'no_interrupt',
          'confirm_need',
          'polite_close',
        ],
      },
      {
        indicator: 'call_monitoring',
        callId: 'call-2',
        passed: ['answer_in_3_rings', 'greeting', 'no_interrupt', 'confirm_need', 'polite_close'],
      },
      {
        indicator: 'call_monitoring',
        callId: 'call-3',
        passed: ['answer_in_3_rings', 'use_surname', 'no_interrupt', 'confirm_need', 'polite_close'],
      },
    ],
  };

  it('scores a typical month to 88.02, grade C, K 0.9', () => {
    const r = score(t, typical);
    expect(points(r)).toEqual({
      calls_answered: 9.17, // 1100 / 1200 × 10 = 9.1666…
      tickets_closed: 10, // 160 / 150, capped at 1
      call_quality: 8.5, // 10 − 3 × 0.5
      call_monitoring: 9.38, // (1 + 7/8 + 0 [greeting is critical]) / 3 = 0.625 × 15 = 9.375 → half-up
      reply_in_30min: 4.17, // (0.95 − 0.8) / (0.98 − 0.8) × 5 = 4.1666…
      exam: 8.8,
      utilization_rate: 8, // (0.8 − 0.6) / 0.25 × 10
      attendance: 4.5,
      reports_on_time: 5,
      work_conduct: 10,
      supervisor_rating: 8.5,
      praise: 2,
      major_complaint: 0,
    });
    expect([r.total, r.grade, r.label, r.k, r.veto, r.missingRequired]).toEqual([
      88.02,
      'C',
      '合格',
      0.9,
      null,
      [],
    ]);
    expect(r.indicators.find((x) => x.key === 'calls_answered')!.explanation['zh-CN']).toBe(
      '电话接听量 1100 / 目标 1200 ≈ 0.9167 × 10分 = 9.17',
    );
  });

  const excellent: EvaluationInputsInput = {
    metrics: [
      { indicator: 'calls_answered', value: 1300 },
      { indicator: 'tickets_closed', value: 150 },
      { indicator: 'reply_in_30min', value: 0.99 },
      { indicator: 'utilization_rate', value: 0.9 },
      { indicator: 'reports_on_time', value: 1 },
    ],
    events: [
      { indicator: 'praise', rule: 'written_praise', count: 2 },
      { indicator: 'praise', rule: 'phone_praise', count: 2 },
    ],
    ratings: [
      { indicator: 'exam', value: 96 },
      { indicator: 'supervisor_rating', value: 10 },
    ],
  };

  it('lets praise lift an excellent month above 100: 104.60, grade A, K 1.1', () => {
    const r = score(t, excellent);
    expect(points(r).praise).toBe(5); // 2 × 2 + 2 × 1 = 6, capped at 5
    expect(points(r).call_monitoring).toBe(15); // no checks: whenNone full
    expect([r.total, r.grade, r.k]).toEqual([104.6, 'A', 1.1]);
  });

  it('drops the same month to E, K 0.5 on a major valid complaint', () => {
    const r = score(t, {
      ...excellent,
      events: [
        ...(excellent.events ?? []),
        {
          indicator: 'major_complaint',
          rule: 'valid_major_complaint',
          evidence: { complaintNo: 'TS-2024-0017' },
        },
      ],
    });
    expect([r.total, r.grade, r.label, r.k]).toEqual([104.6, 'E', '不合格', 0.5]);
    expect(r.veto).toEqual({ indicator: 'major_complaint', rule: 'valid_major_complaint', grade: 'E' });
  });
});

describe('express-operator 话务员考核', () => {
  const t = template('express-operator');

  it('has 工作效率 at 20 points, the supervisor’s view of 积极性/行动力/有效性 inside it, and the seed deductions at 0.5 each', () => {
    const r = scoreEvaluation(t.content, inputs());
    expect(r.categories.find((c) => c.key === 'efficiency')).toMatchObject({
      name: '工作效率',
      maxPoints: 20,
    });
    expect(t.content.indicators.filter((x) => x.category === 'efficiency').map((x) => x.key)).toEqual([
      'calls_answered',
      'outbound_issues',
      'inbound_issues',
      'supervisor_rating',
    ]);
    const quality = t.content.indicators.find((x) => x.key === 'call_quality');
    expect(quality?.type === 'deduction' && quality.params.rules.map((x) => [x.name, x.deduct])).toEqual([
      ['态度不温和/唉声叹气', 0.5],
      ['推诿客户', 0.5],
      ['与客户闲聊或未按静音键请教', 0.5],
      ['未在30分钟内回复导致客户再次来电', 0.5],
      ['未报工号', 0.5],
    ]);
  });

  it('scores a sample month to 86.63, grade C, K 0.9', () => {
    const all = [
      'answer_in_3_rings',
      'greeting',
      'use_surname',
      'no_interrupt',
      'confirm_need',
      'polite_close',
    ];
    const r = score(t, {
      metrics: [
        { indicator: 'calls_answered', value: 1500 },
        { indicator: 'outbound_issues', value: 180 },
        { indicator: 'inbound_issues', value: 150 },
      ],
      events: [
        { indicator: 'call_quality', rule: 'shirking', count: 2 },
        { indicator: 'call_quality', rule: 'late_reply' },
        { indicator: 'work_status', rule: 'qq_chat', count: 3 },
        { indicator: 'valid_complaints', rule: 'valid_complaint', evidence: { complaintNo: 'C-88' } },
        {
          indicator: 'valid_complaints',
          rule: 'valid_complaint',
          voided: true,
          evidence: { note: '核实后不成立' },
        },
      ],
      ratings: [{ indicator: 'supervisor_rating', value: 8 }],
      checks: [
        { indicator: 'call_monitoring', passed: all },
        { indicator: 'call_monitoring', passed: ['greeting', 'use_surname', 'no_interrupt', 'confirm_need'] },
      ],
    });
    expect(points(r)).toEqual({
      calls_answered: 8,
      outbound_issues: 2.7, // 180 / 200 × 3
      inbound_issues: 2.25,
      call_quality: 23.5, // 25 − 3 × 0.5
      work_status: 13.5,
      call_monitoring: 21.88, // (1 + 6/8) / 2 × 25 = 21.875, half-up
      valid_complaints: 10, // the voided complaint does not count
      supervisor_rating: 4.8, // 8 / 10 × 6
    });
    expect([r.total, r.grade, r.label, r.k]).toEqual([86.63, 'C', '合格', 0.9]);
  });
});

describe('site-property 案场物业岗位考核', () => {
  const t = template('site-property');
  const month: EvaluationInputsInput = {
    metrics: [{ indicator: 'attendance_rate', value: 25 / 26 }],
    events: [
      { indicator: 'inspection', rule: 'grooming' },
      { indicator: 'inspection', rule: 'handover_incomplete', count: 2 },
    ],
    ratings: [{ indicator: 'manager_rating', value: 9 }],
  };

  it('scores a guard with one missed day to 86.31, grade C, K 0.9', () => {
    const r = score(t, month);
    // 25/26 = 0.96153…: (0.96153… − 0.9) / 0.1 × 20 = 12.307… → 12.31
    expect(points(r)).toEqual({
      attendance_rate: 12.31,
      inspection: 38,
      manager_rating: 36,
      serious_failure: 0,
    });
    expect([r.total, r.grade, r.k]).toEqual([86.31, 'C', 0.9]);
  });

  it('sends a serious failure to the lowest band by default', () => {
    const r = score(t, {
      ...month,
      events: [...(month.events ?? []), { indicator: 'serious_failure', rule: 'safety_incident' }],
    });
    expect([r.total, r.grade, r.k, r.veto]).toEqual([
      86.31,
      'E',
      0.5,
      { indicator: 'serious_failure', rule: 'safety_incident', grade: 'E' },
    ]);
  });
});
