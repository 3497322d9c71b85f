import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { commitProbe } from '../../../worker/audit/commit';
import { dbFor } from '../../../worker/data/db';
import { ApiError } from '../../../worker/lib/errors';
import { changeEvaluation } from '../../../worker/services/evaluations/store';
import type { Scope } from '../../../worker/services/scope';
import type { Reply } from '../../helpers/client';
import { rows } from '../support';
import { ifMatch, ok, openMonth, read } from './fixtures';
import { act, COMPLETE, refused, stored } from './workflow-support';

const inputsOf = async (id: string) =>
  rows<{ kind: string; indicator: string; value: number | null; rule: string | null }>(
    'SELECT kind, indicator, value, rule FROM evaluation_inputs WHERE evaluation_id = ? ORDER BY indicator',
    id,
  );

const auditActions = async (id: string) =>
  (
    await rows<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'evaluation' AND entity_id = ? ORDER BY seq",
      id,
    )
  ).map((r) => r.action);

describe('optimistic concurrency on evaluations (ETag / If-Match)', () => {
  it('two updates with the same ETag — exactly one wins, the other gets 412', async () => {
    const m = await openMonth();
    const { t, supervisor, evaluationId: id } = m;
    const { etag } = await read(supervisor, id);
    expect(etag).toBe(`"${id}.1"`);

    // The supervisor and HR each enter a different exam score from the same read.
    const bySupervisor = { ratings: [{ indicator: 'exam', value: 95 }] };
    const byHr = {
      ratings: [{ indicator: 'exam', value: 60 }],
      events: [{ indicator: 'attendance', rule: 'late', count: 1, evidence: { note: '11月3日迟到' } }],
    };
    const [a, b] = await Promise.all([
      supervisor.post(`/evaluations/${id}/inputs`, bySupervisor, { ...ifMatch(etag), lang: 'en' }),
      t.owner.post(`/evaluations/${id}/inputs`, byHr, { ...ifMatch(etag), lang: 'en' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses, `${JSON.stringify(a.body)} / ${JSON.stringify(b.body)}`).toEqual([200, 412]);
    const [winner, loser] = (a.status === 200 ? [a, b] : [b, a]) as [Reply, Reply];
    const won = winner === a ? 'supervisor' : 'hr';

    const e = refused(loser, 412, 'PRECONDITION_FAILED');
    expect(e.message).toBe(`Someone else changed this evaluation (now "${id}.2"); reload and retry`);
    expect(winner.body.revision).toBe(2);
    expect(winner.headers.get('ETag')).toBe(`"${id}.2"`);

    // Only the winner's inputs are stored, and the stored score is the winner's.
    const expected =
      won === 'supervisor'
        ? [{ kind: 'rating', indicator: 'exam', value: 95, rule: null }]
        : [
            { kind: 'event', indicator: 'attendance', value: null, rule: 'late' },
            { kind: 'rating', indicator: 'exam', value: 60, rule: null },
          ];
    expect(await inputsOf(id)).toEqual(expected);
    const now = await read(t.owner, id);
    expect(now.body).toMatchObject({ revision: 2, total: winner.body.total });
    expect(now.etag).toBe(`"${id}.2"`);
    expect(await auditActions(id)).toEqual(['evaluation.inputs.add']);
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('two writers on one ETag take turns: the second plans after the first committed and gets 412', async () => {
    // Over HTTP workerd tends to finish the first request before the second plans, so here the
    // first service call is held inside its plan while the second one starts.
    const m = await openMonth();
    const { t, evaluationId: id } = m;
    const scopeFor = (requestId: string): Scope => ({
      db: dbFor(env, t.tenantId),
      tenantId: t.tenantId,
      principal: {
        kind: 'user',
        tenantId: t.tenantId,
        userId: t.ownerId,
        role: 'owner',
        sessionId: 'test',
        selves: [t.ownerId],
        mustChangePassword: false,
      },
      actor: { tenantId: t.tenantId, actorType: 'user', actorId: t.ownerId, requestId },
      lang: 'en',
    });
    const runs: string[] = [];
    commitProbe.planRan = (actor) => runs.push(actor.requestId);
    let firstPlanned!: () => void;
    const planning = new Promise<void>((r) => {
      firstPlanned = r;
    });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const planned: number[] = [];
    const write = (value: number, requestId: string) => {
      const scope = scopeFor(requestId);
      const inputs = {
        metrics: [{ indicator: 'calls_answered', value }],
        events: [],
        ratings: [],
        checks: [],
      };
      const change = { kind: 'record', via: 'record', inputs, source: 'person' } as const;
      // The aggregate has accepted the change on the revision it read; hold the turn there.
      return changeEvaluation(scope, id, `"${id}.1"`, change, async (state) => {
        planned.push(state.row.revision);
        firstPlanned();
        await held;
      });
    };
    try {
      const first = write(1000, 'req_racer1');
      await planning;
      const second = write(2000, 'req_racer2');
      await new Promise((r) => setTimeout(r, 200));
      expect(runs, 'the second waits for its turn while the first plans').toEqual(['req_racer1']);
      release();
      const results = await Promise.allSettled([first, second]);
      expect(runs, 'each plan ran once').toEqual(['req_racer1', 'req_racer2']);
      expect(planned, 'only the first got as far as deciding').toEqual([1]);
      expect(results[0].status).toBe('fulfilled');
      const rejected = results[1] as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ApiError);
      expect((rejected.reason as ApiError).code).toBe('PRECONDITION_FAILED');
      const winner = (results[0] as PromiseFulfilledResult<{ row: { revision: number } }>).value;
      expect(winner.row.revision).toBe(2);
    } finally {
      commitProbe.planRan = undefined;
    }
    const stored = await inputsOf(id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.value).toBe(1000);
    expect(await auditActions(id)).toEqual(['evaluation.inputs.add']);
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('a step and an input race on one ETag: one wins, the other is 412, and the state is consistent', async () => {
    const m = await openMonth();
    const { t, supervisor, evaluationId: id } = m;
    ok(await act(t.owner, id, 'inputs', COMPLETE));
    const { etag } = await read(supervisor, id);
    const [submit, input] = await Promise.all([
      supervisor.post(`/evaluations/${id}/submit`, {}, ifMatch(etag)),
      t.owner.post(
        `/evaluations/${id}/inputs`,
        { ratings: [{ indicator: 'exam', value: 40 }] },
        ifMatch(etag),
      ),
    ]);
    expect([submit.status, input.status].sort()).toEqual([200, 412]);
    const after = await stored(id);
    const examRows = await rows<{ value: number }>(
      "SELECT value FROM evaluation_inputs WHERE evaluation_id = ? AND indicator = 'exam' ORDER BY value",
      id,
    );
    if (submit.status === 200) {
      expect(after.evaluation[0]).toMatchObject({ status: 'submitted', revision: 3 });
      expect(examRows).toEqual([{ value: 95 }]);
      expect(await auditActions(id)).toEqual(['evaluation.inputs.add', 'evaluation.submit']);
    } else {
      expect(after.evaluation[0]).toMatchObject({ status: 'draft', revision: 3 });
      // One rater counts once per indicator: the owner's new 40 replaces their 95.
      expect(examRows).toEqual([{ value: 40 }]);
      expect(await auditActions(id)).toEqual(['evaluation.inputs.add', 'evaluation.inputs.add']);
    }
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('ten writers with one ETag: exactly one 200, nine 412, one revision step', async () => {
    const m = await openMonth();
    const { t, evaluationId: id } = m;
    const { etag } = await read(t.owner, id);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.owner.post(
          `/evaluations/${id}/inputs`,
          { metrics: [{ indicator: 'calls_answered', value: 1000 + i }] },
          ifMatch(etag),
        ),
      ),
    );
    const byStatus = replies.map((r) => r.status).sort();
    expect(byStatus).toEqual([200, ...Array(9).fill(412)]);
    const winner = replies.find((r) => r.status === 200)!;
    expect(await inputsOf(id)).toEqual([
      { kind: 'metric', indicator: 'calls_answered', value: winner.body.inputs[0].value, rule: null },
    ]);
    expect((await stored(id)).evaluation[0]).toMatchObject({ revision: 2 });
    expect(await auditActions(id)).toEqual(['evaluation.inputs.add']);
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('no If-Match → 428 PRECONDITION_REQUIRED on every write, and nothing changes', async () => {
    const m = await openMonth();
    const { t, supervisor, employee, evaluationId: id } = m;
    ok(await act(t.owner, id, 'inputs', COMPLETE));
    const inputId = (await read(t.owner, id)).body.inputs[0].id;
    const before = await stored(id);
    const attempts: [string, () => Promise<Reply>][] = [
      [
        'inputs',
        () =>
          supervisor.post(
            `/evaluations/${id}/inputs`,
            { ratings: [{ indicator: 'exam', value: 1 }] },
            { lang: 'en' },
          ),
      ],
      ['remove input', () => t.owner.delete(`/evaluations/${id}/inputs/${inputId}`, { lang: 'en' })],
      ['submit', () => supervisor.post(`/evaluations/${id}/submit`, {}, { lang: 'en' })],
      ['confirm', () => employee.post(`/evaluations/${id}/confirm`, {}, { lang: 'en' })],
      ['appeal', () => employee.post(`/evaluations/${id}/appeal`, { reason: '不同意' }, { lang: 'en' })],
      ['resolve', () => t.owner.post(`/evaluations/${id}/resolve`, { answer: '答复' }, { lang: 'en' })],
      ['approve', () => t.owner.post(`/evaluations/${id}/approve`, {}, { lang: 'en' })],
      ['reopen', () => t.owner.post(`/evaluations/${id}/reopen`, { reason: '重新核算' }, { lang: 'en' })],
      [
        'empty If-Match',
        () => t.owner.post(`/evaluations/${id}/approve`, {}, { headers: { 'If-Match': '' }, lang: 'en' }),
      ],
    ];
    for (const [what, send] of attempts) {
      const e = refused(await send(), 428, 'PRECONDITION_REQUIRED');
      expect(e.message, what).toBe('Changing an evaluation needs an If-Match header (the ETag you read)');
    }
    // In Chinese too.
    const zh = refused(await supervisor.post(`/evaluations/${id}/submit`, {}), 428, 'PRECONDITION_REQUIRED');
    expect(zh.message).toBe('修改考核需要 If-Match 请求头（取自读取时的 ETag）');
    expect(await stored(id)).toEqual(before);
  });

  it('If-Match: * is no way around the check: 412, and nothing changes', async () => {
    const m = await openMonth();
    const { t, evaluationId: id } = m;
    const before = await stored(id);
    const blind = await t.owner.post(
      `/evaluations/${id}/inputs`,
      { ratings: [{ indicator: 'exam', value: 1 }] },
      { headers: { 'If-Match': '*' } },
    );
    refused(blind, 412, 'PRECONDITION_FAILED');
    expect(await stored(id)).toEqual(before);
  });

  it('GET answers an ETag header equal to body.etag, and every write changes it', async () => {
    const m = await openMonth();
    const { t, supervisor, employee, evaluationId: id } = m;
    const seen: string[] = [];
    const check = async (res: Reply) => {
      const body = ok(res);
      expect(res.headers.get('ETag'), 'the write answers the new ETag').toBe(body.etag);
      expect(body.etag).toBe(`"${id}.${body.revision}"`);
      const got = await read(t.owner, id);
      expect(got.etag, 'GET: header = body.etag').toBe(got.body.etag);
      expect(got.etag, 'GET agrees with the write').toBe(body.etag);
      const listed = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}`)).items[0];
      expect(listed.etag, 'the list shows the same ETag').toBe(got.etag);
      expect(seen, 'never seen before').not.toContain(got.etag);
      seen.push(got.etag);
    };
    const first = await read(employee, id);
    expect(first.etag).toBe(first.body.etag);
    seen.push(first.etag);

    await check(await act(supervisor, id, 'inputs', { ratings: [{ indicator: 'exam', value: 70 }] }));
    const mistaken = (await read(t.owner, id)).body.inputs[0].id;
    await check(
      await t.owner.delete(`/evaluations/${id}/inputs/${mistaken}`, ifMatch((await read(t.owner, id)).etag)),
    );
    await check(await act(supervisor, id, 'inputs', COMPLETE));
    await check(await act(supervisor, id, 'submit'));
    await check(await act(employee, id, 'appeal', { reason: '考试成绩录错了' }));
    await check(await act(t.owner, id, 'resolve', { answer: '核对无误' }));
    await check(await act(employee, id, 'confirm'));
    await check(await act(t.owner, id, 'approve'));
    ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    const locked = await read(t.owner, id);
    expect(locked.body.status).toBe('locked');
    expect(seen, 'closing the period (locking) changes it too').not.toContain(locked.etag);
    seen.push(locked.etag);
    await check(await act(t.owner, id, 'reopen', { reason: '重新核算' }));
    expect(seen).toHaveLength(11);
    expect(seen.map((s) => Number(/\.(\d+)"$/.exec(s)![1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    // Every old ETag is now stale (an empty body would be a 400 before any ETag is looked at).
    const exam = { ratings: [{ indicator: 'exam', value: 70 }] };
    for (const old of seen.slice(0, -1)) {
      refused(
        await t.owner.post(`/evaluations/${id}/inputs`, exam, ifMatch(old)),
        412,
        'PRECONDITION_FAILED',
      );
    }
    // Another evaluation's ETag is no good either, even with the same revision number.
    expect(seen.at(-1)).toBe(`"${id}.11"`);
    refused(
      await t.owner.post(`/evaluations/${id}/inputs`, exam, ifMatch('"evl_someotherevaluation00.11"')),
      412,
      'PRECONDITION_FAILED',
    );
  });

  it("a stale ETag after an integrator's ingest → 412", async () => {
    const m = await openMonth();
    const { t, supervisor, evaluationId: id } = m;
    const before = await read(supervisor, id);
    const key = await t.keyWith('metrics:write');
    const pushed = ok(
      await key.post('/ingest', {
        rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 900 }],
      }),
    );
    expect(pushed.evaluations).toEqual([expect.objectContaining({ evaluationId: id, etag: `"${id}.2"` })]);
    const after = await read(supervisor, id);
    expect(after.etag).toBe(`"${id}.2"`);
    expect(after.etag).toBe(pushed.evaluations[0].etag);

    const stale = await supervisor.post(
      `/evaluations/${id}/inputs`,
      { metrics: [{ indicator: 'calls_answered', value: 1080 }] },
      { ...ifMatch(before.etag), lang: 'en' },
    );
    expect(refused(stale, 412, 'PRECONDITION_FAILED').message).toBe(
      `Someone else changed this evaluation (now "${id}.2"); reload and retry`,
    );
    expect(await inputsOf(id)).toEqual([
      { kind: 'metric', indicator: 'calls_answered', value: 900, rule: null },
    ]);
    // With the fresh ETag the supervisor's correction replaces the integrator's value.
    const fixed = ok(
      await supervisor.post(
        `/evaluations/${id}/inputs`,
        { metrics: [{ indicator: 'calls_answered', value: 1080 }] },
        ifMatch(after.etag),
      ),
    );
    expect(fixed.etag).toBe(`"${id}.3"`);
    expect(await inputsOf(id)).toEqual([
      { kind: 'metric', indicator: 'calls_answered', value: 1080, rule: null },
    ]);
  });
});
