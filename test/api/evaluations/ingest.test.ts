import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../worker/audit/chain';
import { sha256Hex } from '../../../worker/lib/crypto';
import type { Caller } from '../../helpers/client';
import { ifMatch, ok, openMonth, read } from './fixtures';

/*
 * POST /ingest: integrators push metric values and events by 工号 + period + indicator (+ rule),
 * up to 1,000 rows, all or nothing, retried safely with Idempotency-Key (Stripe's semantics).
 * The month is 客服专员月度 (cs-monthly): with no inputs an evaluation scores 40.00 (call_quality
 * 10 + call_monitoring 15 + attendance 5 + work_conduct 10: deductions with no events and a
 * checklist with no checks count in full).
 */

async function scalar(sql: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>();
  return row?.n ?? -1;
}
const inputCount = (tenantId: string) =>
  scalar('SELECT count(*) AS n FROM evaluation_inputs WHERE tenant_id = ?', tenantId);
const auditCount = (tenantId: string) =>
  scalar('SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?', tenantId);
const keyRows = (tenantId: string, key: string) =>
  scalar('SELECT count(*) AS n FROM idempotency_keys WHERE tenant_id = ? AND key = ?', tenantId, key);

const push = (who: Caller, rows: unknown[], key?: string) =>
  who.post('/ingest', { rows }, key ? { headers: { 'Idempotency-Key': key } } : undefined);

const metric = (employeeNo: string, indicator: string, value: number, period = '2026-11') => ({
  employeeNo,
  period,
  indicator,
  value,
});
const event = (employeeNo: string, indicator: string, rule: string, count?: number, period = '2026-11') => ({
  employeeNo,
  period,
  indicator,
  rule,
  ...(count !== undefined && { count }),
});

/** Everything required of cs-monthly at full marks except the exam and the supervisor's rating. */
const fullMetrics = (no: string) => [
  metric(no, 'calls_answered', 1200),
  metric(no, 'tickets_closed', 150),
  metric(no, 'reply_in_30min', 0.98),
  metric(no, 'utilization_rate', 0.85),
  metric(no, 'reports_on_time', 1),
];

describe('a replay with the same key changes nothing', () => {
  it('answers the first result again, says so, and writes nothing more', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const rows = [
      metric('KF001', 'calls_answered', 600),
      metric('KF001', 'tickets_closed', 150),
      event('KF001', 'call_quality', 'impolite', 2),
    ];
    const first = await push(key, rows, 'cc-2026-11-a');
    // 5.00 (600/1200 of 10) + 10 + (10 − 2 × 0.5) + 15 + 5 + 10 = 54.00 → E
    expect(ok(first)).toEqual({
      accepted: 3,
      evaluations: [
        {
          evaluationId: m.evaluationId,
          employeeId: m.employeeId,
          accepted: 3,
          total: 54,
          grade: 'E',
          etag: `"${m.evaluationId}.2"`,
        },
      ],
    });
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();

    const before = await read(m.t.owner, m.evaluationId);
    expect(before.body.revision).toBe(2);
    expect(before.body.inputs).toHaveLength(3);
    expect(before.body.inputs.every((i: any) => i.source === 'integrator')).toBe(true);
    const inputs = await inputCount(m.t.tenantId);
    const audit = await auditCount(m.t.tenantId);

    for (let i = 0; i < 2; i++) {
      const again = await push(key, rows, 'cc-2026-11-a');
      expect(ok(again)).toEqual(first.body);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    }
    const after = await read(m.t.owner, m.evaluationId);
    expect(after.body.revision).toBe(2);
    expect(after.etag).toBe(before.etag);
    expect(after.body.total).toBe(54);
    expect(after.body.inputs).toEqual(before.body.inputs);
    expect(await inputCount(m.t.tenantId)).toBe(inputs);
    expect(await auditCount(m.t.tenantId)).toBe(audit);

    // Without a key the same rows are simply applied again: the event accumulates.
    const unkeyed = ok(await push(key, rows));
    expect(unkeyed.evaluations[0]).toMatchObject({ total: 53, grade: 'E' });
  });
});

describe('Idempotency-Key: Stripe semantics', () => {
  it('the same key with another body is 422 naming Idempotency-Key, and writes nothing', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    ok(await push(key, [metric('KF001', 'calls_answered', 600)], 'k-1'));
    const inputs = await inputCount(m.t.tenantId);
    const audit = await auditCount(m.t.tenantId);

    const res = await push(key, [metric('KF001', 'calls_answered', 900)], 'k-1');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNPROCESSABLE');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['Idempotency-Key']);
    expect((await read(m.t.owner, m.evaluationId)).body.inputs[0].value).toBe(600);
    expect(await inputCount(m.t.tenantId)).toBe(inputs);
    expect(await auditCount(m.t.tenantId)).toBe(audit);
  });

  it('a key still in flight is 409; one abandoned long ago is taken over', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const rows = [metric('KF001', 'calls_answered', 600)];
    // What the first request stored when it claimed the key: the hash of the request it was.
    const hash = await sha256Hex(canonicalJson({ path: '/ingest', rows }));
    const claim = (k: string, at: string) =>
      env.DB.prepare(
        `INSERT INTO idempotency_keys (tenant_id, key, request_hash, state, created_at) VALUES (?, ?, ?, 'in_flight', ?)`,
      )
        .bind(m.t.tenantId, k, hash, at)
        .run();

    await claim('busy', new Date().toISOString());
    const res = await push(key, rows, 'busy');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['Idempotency-Key']);
    expect((await read(m.t.owner, m.evaluationId)).body.inputs).toEqual([]);
    // The first request's claim is still there, untouched.
    expect(
      await scalar(
        `SELECT count(*) AS n FROM idempotency_keys WHERE tenant_id = ? AND key = 'busy' AND state = 'in_flight'`,
        m.t.tenantId,
      ),
    ).toBe(1);

    // A Worker killed mid-request leaves its claim behind; after five minutes it is dead, and
    // of several retries arriving together exactly one takes it over.
    await claim('dead', new Date(Date.now() - 10 * 60 * 1000).toISOString());
    const retries = await Promise.all([
      push(key, rows, 'dead'),
      push(key, rows, 'dead'),
      push(key, rows, 'dead'),
    ]);
    // The one that did the work: a 200 that is not a replay (a replay may come first in the list).
    const workers = retries.filter(
      (r) => r.status === 200 && r.headers.get('Idempotent-Replayed') !== 'true',
    );
    expect(workers, 'exactly one retry did the work').toHaveLength(1);
    const retried = workers[0]!;
    expect(ok(retried).evaluations[0].total).toBe(45);
    for (const r of retries.filter((x) => x !== retried)) {
      // Either still in flight (409) or already done (replayed); never a second write.
      if (r.status === 200) expect(r.headers.get('Idempotent-Replayed')).toBe('true');
      else expect(r.status).toBe(409);
    }
    expect((await read(m.t.owner, m.evaluationId)).body).toMatchObject({
      revision: 2,
      inputs: [expect.anything()],
    });
    expect(
      await scalar(
        `SELECT count(*) AS n FROM idempotency_keys WHERE tenant_id = ? AND key = 'dead' AND state = 'done'`,
        m.t.tenantId,
      ),
    ).toBe(1);
    const replay = await push(key, rows, 'dead');
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(retried.body);
  });

  it('a failed call frees its key, so the corrected call with the same key succeeds', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const bad = await push(key, [metric('KF999', 'calls_answered', 600)], 'fix-me');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual(['rows[0].employeeNo']);
    expect(await keyRows(m.t.tenantId, 'fix-me')).toBe(0);

    const fixed = await push(key, [metric('KF001', 'calls_answered', 600)], 'fix-me');
    expect(ok(fixed).evaluations[0].total).toBe(45);
    expect(fixed.headers.get('Idempotent-Replayed')).toBeNull();
    // Now the key belongs to the corrected call: the bad one is another request (422).
    const late = await push(key, [metric('KF999', 'calls_answered', 600)], 'fix-me');
    expect(late.status).toBe(422);
  });

  it('keys are per tenant: another company may use the same key string', async () => {
    const a = await openMonth();
    const b = await openMonth();
    const keyA = await a.t.keyWith('metrics:write', 'evaluations:read');
    const keyB = await b.t.keyWith('metrics:write', 'evaluations:read');
    const resA = await push(keyA, [metric('KF001', 'calls_answered', 600)], 'shared-key');
    expect(ok(resA).evaluations[0].evaluationId).toBe(a.evaluationId);
    // Same key, other body, other tenant: neither a replay nor a mismatch.
    const resB = await push(keyB, [metric('KF001', 'calls_answered', 1200)], 'shared-key');
    expect(ok(resB).evaluations[0]).toMatchObject({ evaluationId: b.evaluationId, total: 50 });
    expect(resB.headers.get('Idempotent-Replayed')).toBeNull();
    // A's record stays A's: a retry in A still replays A's first answer.
    const resA2 = await push(keyA, [metric('KF001', 'calls_answered', 600)], 'shared-key');
    expect(resA2.headers.get('Idempotent-Replayed')).toBe('true');
    expect(resA2.body).toEqual(resA.body);
    expect((await read(a.t.owner, a.evaluationId)).body.total).toBe(45);
  });
});

describe('1,000 rows in one call work', () => {
  it('metrics replace the previous value of their indicator, events accumulate, every evaluation is rescored', async () => {
    const extra = Array.from({ length: 39 }, (_, i) => `KF${String(i + 2).padStart(3, '0')}`);
    const m = await openMonth(extra);
    const staff = ['KF001', ...extra]; // 40 people
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');

    // Last week's push: calls_answered 0 and one late arrival for everyone.
    ok(
      await push(
        key,
        staff.flatMap((no) => [metric(no, 'calls_answered', 0), event(no, 'attendance', 'late')]),
      ),
    );

    // Per person: 5 metrics (calls answered 1200 − 12 × i) and 20 events; 40 × 25 = 1,000
    // rows, interleaved across people so that no one's rows arrive together.
    const perPerson = staff.map((no, i) => [
      metric(no, 'calls_answered', 1200 - 12 * i),
      ...fullMetrics(no).slice(1),
      ...Array.from({ length: 4 }, () => event(no, 'call_quality', 'impolite')),
      ...Array.from({ length: 4 }, () => event(no, 'call_quality', 'shirking')),
      ...Array.from({ length: 4 }, () => event(no, 'attendance', 'late')),
      ...Array.from({ length: 4 }, () => event(no, 'work_conduct', 'qq_chat')),
      ...Array.from({ length: 4 }, () => event(no, 'praise', 'phone_praise')),
    ]);
    const rows = Array.from({ length: 25 }, (_, j) => perPerson.map((p) => p[j]!)).flat();
    expect(rows).toHaveLength(1000);

    const inputsBefore = await inputCount(m.t.tenantId);
    expect(inputsBefore).toBe(80);
    const res = ok(await push(key, rows, 'big-batch'));
    expect(res.accepted).toBe(1000);
    expect(res.evaluations).toHaveLength(40);

    // By hand, person i: calls (10 − 0.1 i) + tickets 10 + call_quality (10 − 8 × 0.5) 6
    // + monitoring 15 + reply 5 + utilization 10 + attendance (5 − 5 × 0.5) 2.5 + reports 5
    // + work_conduct (10 − 4 × 0.5) 8 + praise 4 × 1 = 75.5 − 0.1 i; exam and rating missing.
    const list = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}&sort=employeeNo&limit=100`));
    expect(list.items).toHaveLength(40);
    for (const [i, e] of list.items.entries()) {
      const total = Math.round((75.5 - 0.1 * i) * 100) / 100;
      expect(e.employeeNo).toBe(staff[i]);
      expect(e.total, e.employeeNo).toBe(total);
      // 75 < D ≤ 85 (75.5, 75.4 …); 0 ≤ E ≤ 75 from i = 5 on
      expect(e.grade, e.employeeNo).toBe(total > 75 ? 'D' : 'E');
      expect(e.revision).toBe(3);
      expect(e.missingRequired).toEqual(['exam', 'supervisor_rating']);
      const answered = res.evaluations.find((r: any) => r.evaluationId === e.id);
      expect(answered).toEqual({
        evaluationId: e.id,
        employeeId: e.employeeId,
        accepted: 25,
        total,
        grade: e.grade,
        etag: e.etag,
      });
    }

    // Each person keeps one calls_answered (replaced) and 21 events: 40 × (5 + 21).
    expect(await inputCount(m.t.tenantId)).toBe(40 * 26);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM evaluation_inputs WHERE tenant_id = ? AND indicator = 'calls_answered'`,
        m.t.tenantId,
      ),
    ).toBe(40);
    expect(
      await scalar(
        `SELECT count(*) AS n FROM evaluation_inputs WHERE tenant_id = ? AND indicator = 'calls_answered' AND value = 0`,
        m.t.tenantId,
      ),
    ).toBe(0);
    const mine = (await read(m.t.owner, m.evaluationId)).body;
    const late = mine.inputs.filter((x: any) => x.rule === 'late');
    expect(late).toHaveLength(5);
    expect(mine.breakdown.indicators.find((x: any) => x.key === 'attendance').points).toBe(2.5);
    // One audit entry per touched evaluation, and the chain still verifies.
    expect(
      await scalar(
        `SELECT count(*) AS n FROM audit_log WHERE tenant_id = ? AND action = 'evaluation.inputs.ingest'`,
        m.t.tenantId,
      ),
    ).toBe(80);
    expect(ok(await m.t.owner.get('/audit-log/verify')).ok).toBe(true);

    // A replay of the big batch is answered from the record, without rescoring anything.
    const replay = await push(key, rows, 'big-batch');
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(res);
    expect(await inputCount(m.t.tenantId)).toBe(40 * 26);
  });

  it('one row for each of 1,000 people: 1,000 evaluations rescored in one atomic write', async () => {
    const m = await openMonth();
    const { t } = m;
    const nos = Array.from({ length: 1000 }, (_, i) => `XL${String(i).padStart(4, '0')}`);
    const csv = ['工号,姓名,部门,岗位', ...nos.map((no) => `${no},员工${no},客服部,客服专员`)].join('\n');
    const imported = ok(
      await t.owner.post('/employees/import', undefined, {
        raw: csv,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    expect(imported.creates).toBe(1000);
    const opened = ok(await t.owner.post('/periods', { key: '2026-12' }), 201);
    expect(opened.evaluations).toBe(1001);

    // Person i answered i calls: 10 × i / 1200 = 5i/6 hundredths, rounded half-up, on top of 40.00.
    const rows = nos.map((no, i) => metric(no, 'calls_answered', i, '2026-12'));
    const key = await t.keyWith('evaluations:write');
    const res = ok(await push(key, rows));
    expect(res.accepted).toBe(1000);
    expect(res.evaluations).toHaveLength(1000);
    const expected = (i: number) => (4000 + Math.floor((10 * i + 6) / 12)) / 100;
    expect(res.evaluations.map((e: any) => e.total)).toEqual(nos.map((_, i) => expected(i)));
    expect(expected(3)).toBe(40.03); // 0.025 → 0.03, half-up
    expect(
      await scalar(
        `SELECT count(*) AS n FROM evaluations WHERE tenant_id = ? AND period_id = ? AND revision = 2`,
        t.tenantId,
        opened.period.id,
      ),
    ).toBe(1000);
    expect(await inputCount(t.tenantId)).toBe(1000);
    const page = ok(await t.owner.get(`/evaluations?periodId=${opened.period.id}&sort=rank&limit=3`));
    expect(page.items.map((e: any) => [e.employeeNo, e.total, e.rank])).toEqual([
      ['XL0999', 48.33, 1],
      ['XL0998', 48.32, 2],
      ['XL0997', 48.31, 3],
    ]);
  });

  it('1,001 rows are refused, naming rows', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const rows = Array.from({ length: 1001 }, () => event('KF001', 'attendance', 'late'));
    const res = await push(key, rows);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['rows']);
    expect(await inputCount(m.t.tenantId)).toBe(0);
  });
});

describe('a batch with one bad row writes nothing and names the row', () => {
  it('row 537 of 1,000 with an unknown rule: 400 naming rows[537].rule, nothing written', async () => {
    const extra = Array.from({ length: 9 }, (_, i) => `KF${String(i + 2).padStart(3, '0')}`);
    const m = await openMonth(extra);
    const staff = ['KF001', ...extra];
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const rows: any[] = Array.from({ length: 1000 }, (_, i) => event(staff[i % 10]!, 'attendance', 'late'));
    rows[537] = event(staff[7]!, 'call_quality', 'napping');
    const inputs = await inputCount(m.t.tenantId);
    const audit = await auditCount(m.t.tenantId);

    const res = await push(key, rows, 'batch-537');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { field: 'rows[537].rule', code: 'unknown_rule', message: expect.stringContaining('napping') },
    ]);
    expect(await inputCount(m.t.tenantId)).toBe(inputs);
    expect(await auditCount(m.t.tenantId)).toBe(audit);
    expect(await keyRows(m.t.tenantId, 'batch-537')).toBe(0);
    const list = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}&limit=100`));
    expect(list.items.map((e: any) => e.revision)).toEqual(Array(10).fill(1));

    rows[537] = event(staff[7]!, 'call_quality', 'impolite');
    const fixed = ok(await push(key, rows, 'batch-537'));
    expect(fixed.accepted).toBe(1000);
    // 100 late arrivals each: attendance cannot go below 0, call_quality loses 0.5 for KF008.
    expect(fixed.evaluations.map((e: any) => e.total)).toEqual([35, 35, 35, 35, 35, 35, 35, 34.5, 35, 35]);
  });

  it('names every bad row by field: 工号, period, indicator, kind, value, a submitted evaluation', async () => {
    const m = await openMonth(['KF002']);
    const { t } = m;
    // KF001 gets every required input and is submitted: its inputs are closed. The key may
    // read employees, so it is told which 工号 does not exist.
    const key = await t.keyWith('metrics:write', 'org:read');
    ok(await push(key, fullMetrics('KF001')));
    const { etag } = await read(t.owner, m.evaluationId);
    const rated = ok(
      await t.owner.post(
        `/evaluations/${m.evaluationId}/inputs`,
        {
          ratings: [
            { indicator: 'exam', value: 90 },
            { indicator: 'supervisor_rating', value: 9 },
          ],
        },
        ifMatch(etag),
      ),
    );
    ok(await t.owner.post(`/evaluations/${m.evaluationId}/submit`, {}, ifMatch(rated.etag)));
    // KF003 joins after the month was opened: no evaluation in 2026-11.
    ok(
      await t.owner.post('/employees', {
        employeeNo: 'KF003',
        name: '新人',
        departmentId: m.departmentId,
        positionId: m.positionId,
      }),
      201,
    );
    const inputs = await inputCount(t.tenantId);
    const audit = await auditCount(t.tenantId);

    const res = await push(key, [
      metric('KF002', 'calls_answered', 800), // fine on its own
      metric('KF404', 'calls_answered', 800),
      metric('KF002', 'calls_answered', 800, '2026-10'),
      metric('KF002', 'calls_per_hour', 12),
      metric('KF002', 'call_quality', 1),
      metric('KF002', 'reply_in_30min', 1.5),
      event('KF001', 'attendance', 'late'),
      event('KF003', 'attendance', 'late'),
      event('KF002', 'praise', 'cake'),
      metric('KF002', 'tickets_closed', -1),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    // Every bad row, in row order, each with the field at fault; the good row is not named.
    expect(res.body.error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['rows[1].employeeNo', 'unknown_employee'],
      ['rows[2].period', 'unknown_period'],
      ['rows[3].indicator', 'unknown_indicator'],
      ['rows[4].indicator', 'wrong_input_kind'],
      ['rows[5].value', 'ratio_value_range'],
      ['rows[6]', 'inputs_locked'],
      ['rows[7].employeeNo', 'no_evaluation'],
      ['rows[8].rule', 'unknown_rule'],
      ['rows[9].value', 'negative_quantity'],
    ]);
    // Each message names the row as a person counts (from 1).
    for (const d of res.body.error.details) {
      expect(d.message).toContain(`第${Number(/\d+/.exec(d.field)![0]) + 1}行`);
    }
    expect(res.body.error.details.find((d: any) => d.field === 'rows[1].employeeNo').message).toBe(
      '第2行的工号无效：没有工号为 KF404 的员工',
    );
    expect(await inputCount(t.tenantId)).toBe(inputs);
    expect(await auditCount(t.tenantId)).toBe(audit);

    // Messages follow the caller's language and then name the field by its path.
    const en = await key.post(
      '/ingest',
      { rows: [metric('KF404', 'calls_answered', 1), event('KF002', 'praise', 'cake')] },
      { lang: 'en' },
    );
    expect(en.body.error.details.map((d: any) => d.message)).toEqual([
      'rows[0].employeeNo: no employee has 工号 KF404',
      'rows[1].rule: the indicator praise has no rule cake',
    ]);
  });

  it('a row needs exactly one of value and rule, and the same metric twice in one batch is named', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write', 'evaluations:read');
    const both = { ...metric('KF001', 'calls_answered', 1), rule: 'late' };
    const neither = { employeeNo: 'KF001', period: '2026-11', indicator: 'attendance' };
    const res = await push(key, [metric('KF001', 'tickets_closed', 1), both, neither]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['rows[1]', 'rows[2]']);
    const badPeriod = await push(key, [metric('KF001', 'calls_answered', 1, '2026-13')]);
    expect(badPeriod.body.error.details.map((d: any) => d.field)).toEqual(['rows[0].period']);

    const twice = await push(key, [
      metric('KF001', 'calls_answered', 100),
      event('KF001', 'attendance', 'late'),
      metric('KF001', 'calls_answered', 200),
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['rows[2].indicator', 'duplicate_metric'],
    ]);
    expect(await inputCount(m.t.tenantId)).toBe(0);
  });
});

describe('who may ingest', () => {
  it('metrics:write and evaluations:write keys, owners and admins; not reports:read keys or other people', async () => {
    const m = await openMonth();
    const { t } = m;
    const rows = (n: number) => [event('KF001', 'attendance', 'late', n)];

    for (const scope of ['reports:read', 'evaluations:read', 'org:write', 'schemes:write'] as const) {
      const res = await push(await t.keyWith(scope), rows(1));
      expect(res.status, scope).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    for (const role of ['supervisor', 'employee', 'auditor'] as const) {
      const res = await push(await t.userWith(role), rows(1));
      expect(res.status, role).toBe(403);
    }
    expect(m.supervisor).toBeDefined();
    expect((await push(m.supervisor, rows(1))).status).toBe(403);
    expect(await inputCount(t.tenantId)).toBe(0);

    // Each allowed caller adds one more late arrival: 5 − 0.5 × (1 + 2 + 3 + 4) = 0 → total 35.
    const viaMetrics = ok(await push(await t.keyWith('metrics:write', 'evaluations:read'), rows(1)));
    expect(viaMetrics.evaluations[0].total).toBe(39.5);
    const viaEvaluations = ok(await push(await t.keyWith('evaluations:write'), rows(2)));
    expect(viaEvaluations.evaluations[0].total).toBe(38.5);
    const viaOwner = ok(await push(t.owner, rows(3)));
    expect(viaOwner.evaluations[0].total).toBe(37);
    const admin = await t.userWith('admin');
    const viaAdmin = ok(await push(admin, rows(4), 'admin-key'));
    expect(viaAdmin.evaluations[0].total).toBe(35);

    const inputs = (await read(t.owner, m.evaluationId)).body.inputs;
    inputs.sort((a: any, b: any) => a.count - b.count);
    expect(inputs.map((i: any) => [i.count, i.source])).toEqual([
      [1, 'integrator'],
      [2, 'integrator'],
      [3, 'import'],
      [4, 'import'],
    ]);
    const log = ok(await t.owner.get(`/audit-log?entityType=evaluation&entityId=${m.evaluationId}`));
    expect(log.items.map((e: any) => e.action)).toEqual(Array(4).fill('evaluation.inputs.ingest'));
    expect(log.items[0].actor).toMatchObject({ type: 'user', id: admin.userId });
  });
});
