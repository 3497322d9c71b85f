import { describe, expect, it } from 'vitest';
import { ifMatch, ok, openMonth, read } from './fixtures';

describe('one month, end to end', () => {
  it('inputs from a person and an integrator, appeal voiding a deduction, approval and close give the hand-calculated pay', async () => {
    const m = await openMonth();
    const { t, supervisor, employee, evaluationId: id } = m;

    // The supervisor records what call monitoring, the exam and their own rating found.
    let { etag } = await read(supervisor, id);
    const recorded = ok(
      await supervisor.post(
        `/evaluations/${id}/inputs`,
        {
          ratings: [
            { indicator: 'exam', value: 95 },
            { indicator: 'supervisor_rating', value: 10 },
          ],
          checks: [
            {
              indicator: 'call_monitoring',
              callId: 'REC-1101',
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
              callId: 'REC-1102',
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
              callId: 'REC-1103',
              passed: ['answer_in_3_rings', 'greeting', 'no_interrupt', 'confirm_need', 'polite_close'],
            },
          ],
          events: [
            { indicator: 'call_quality', rule: 'impolite', count: 1, evidence: { recordingId: 'REC-1107' } },
            {
              indicator: 'call_quality',
              rule: 'no_staff_no',
              count: 2,
              evidence: { recordingId: 'REC-1109', note: '两次未报工号' },
            },
            { indicator: 'attendance', rule: 'late', count: 1, evidence: { note: '11月5日迟到' } },
            { indicator: 'praise', rule: 'phone_praise', count: 2, evidence: { complaintNo: 'TEL-88' } },
          ],
        },
        ifMatch(etag),
      ),
    );
    expect(recorded.status).toBe('draft');

    // The call-centre system pushes its counts by 工号, with an idempotency key.
    const key = await t.keyWith('metrics:write');
    const rows = [
      { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 1080 },
      { employeeNo: 'KF001', period: '2026-11', indicator: 'tickets_closed', value: 150 },
      { employeeNo: 'KF001', period: '2026-11', indicator: 'reply_in_30min', value: 0.95 },
      { employeeNo: 'KF001', period: '2026-11', indicator: 'utilization_rate', value: 0.8 },
      { employeeNo: 'KF001', period: '2026-11', indicator: 'reports_on_time', value: 1 },
      { employeeNo: 'KF001', period: '2026-11', indicator: 'work_conduct', rule: 'qq_chat', count: 1 },
    ];
    const pushed = ok(
      await key.post('/ingest', { rows }, { headers: { 'Idempotency-Key': 'cc-2026-11-KF001' } }),
    );
    expect(pushed.accepted).toBe(6);
    // A retry replays the first answer and changes nothing.
    const replay = await key.post(
      '/ingest',
      { rows },
      { headers: { 'Idempotency-Key': 'cc-2026-11-KF001' } },
    );
    expect(ok(replay)).toEqual(pushed);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');

    ({ etag } = await read(supervisor, id));
    const before = ok(await supervisor.post(`/evaluations/${id}/submit`, {}, ifMatch(etag)));
    // By hand: 9.00 + 10.00 + (10 − 0.5 − 1.0) + 15 × (1 + 1 + 7/8)/3 = 14.375 → 14.38 + 5 × 0.15/0.18 = 4.1667 → 4.17
    //        + 9.50 + 10 × 0.20/0.25 = 8.00 + (5 − 0.5) + 5.00 + (10 − 0.5) + 10.00 + 2 × 1 = 94.55 → B, K 1.0
    expect(before).toMatchObject({ status: 'submitted', total: 94.55, grade: 'B', k: 1 });
    expect(before.pay).toEqual({
      baseSalaryFen: 300_000,
      bonusBaseFen: 100_000,
      bonusFen: 100_000,
      totalFen: 400_000,
    });
    const byKey = Object.fromEntries(before.breakdown.indicators.map((i: any) => [i.key, i.points]));
    expect(byKey).toMatchObject({
      call_quality: 8.5,
      call_monitoring: 14.38,
      reply_in_30min: 4.17,
      praise: 2,
    });

    // The employee sees the breakdown and appeals the 未报工号 deduction.
    const mine = await read(employee, id);
    const disputed = mine.body.inputs.find((i: any) => i.rule === 'no_staff_no');
    const appealed = ok(
      await employee.post(
        `/evaluations/${id}/appeal`,
        { reason: '11月9日的录音里报了工号', disputedInputIds: [disputed.id] },
        ifMatch(mine.etag),
      ),
    );
    expect(appealed.status).toBe('appealed');

    // HR checks the recording, answers, and voids the event: rescoring follows.
    const hr = await read(t.owner, id);
    const resolved = ok(
      await t.owner.post(
        `/evaluations/${id}/resolve`,
        { answer: '复听录音确认已报工号，撤销该扣分', voidInputIds: [disputed.id] },
        ifMatch(hr.etag),
      ),
    );
    expect(resolved).toMatchObject({ status: 'submitted', total: 95.55, grade: 'A', k: 1.1 });
    expect(resolved.pay.totalFen).toBe(410_000);
    expect(resolved.inputs.find((i: any) => i.id === disputed.id).voided).toBe(true);
    expect(resolved.appeals[0]).toMatchObject({
      status: 'resolved',
      answer: '复听录音确认已报工号，撤销该扣分',
    });

    const confirmed = ok(await employee.post(`/evaluations/${id}/confirm`, {}, ifMatch(resolved.etag)));
    const approved = ok(await t.owner.post(`/evaluations/${id}/approve`, {}, ifMatch(confirmed.etag)));
    expect(approved.status).toBe('approved');
    const closed = ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    expect(closed).toMatchObject({ period: { status: 'closed' }, lockedEvaluations: 1 });

    const final = await read(t.owner, id);
    expect(final.body).toMatchObject({ status: 'locked', total: 95.55, grade: 'A', k: 1.1 });
    // 工资总额 = 基本工资 3000.00 + 绩效奖金基数 1000.00 × 1.1 = 4100.00 元
    expect(final.body.pay).toEqual({
      baseSalaryFen: 300_000,
      bonusBaseFen: 100_000,
      bonusFen: 110_000,
      totalFen: 410_000,
    });

    // Every step left an audit entry, and the chain is intact.
    const log = ok(await t.owner.get(`/audit-log?entityType=evaluation&entityId=${id}&limit=50`));
    expect(log.items.map((e: any) => e.action).reverse()).toEqual([
      'evaluation.inputs.add',
      'evaluation.inputs.ingest',
      'evaluation.submit',
      'evaluation.appeal',
      'evaluation.resolve',
      'evaluation.confirm',
      'evaluation.approve',
      'evaluation.lock', // by closing the month
    ]);
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });
});
