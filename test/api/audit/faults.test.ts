import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { through } from '../../helpers/app';
import type { Caller, Reply } from '../../helpers/client';
import { faultyD1 } from '../../helpers/d1-faults';
import { ifMatch, type Month, ok, openMonth, read } from '../evaluations/fixtures';
import { COMPLETE, toApproved } from '../evaluations/workflow-support';
import { rows, show } from '../support';

/*
 * A write's batch fails at its k-th statement, for every k; or it commits and its answer is
 * lost. Either way the evaluations, their inputs, the period and the audit chain are in the
 * old state or the new one, never half of each, and the chain verifies. The faulty D1 is this
 * test's binding (test/helpers/app.ts): production has no switch for it.
 */

/** Everything a write to evaluations can touch, straight from D1. */
async function snapshot(tenantId: string) {
  return {
    periods: await rows('SELECT * FROM periods WHERE tenant_id = ? ORDER BY id', tenantId),
    evaluations: await rows('SELECT * FROM evaluations WHERE tenant_id = ? ORDER BY id', tenantId),
    inputs: await rows('SELECT * FROM evaluation_inputs WHERE tenant_id = ? ORDER BY id', tenantId),
    audit: await rows('SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq', tenantId),
  };
}

async function expectVerified(m: Month, entries: number) {
  const verify = await m.t.owner.get('/audit-log/verify');
  expect(verify.body, show(verify)).toMatchObject({ ok: true, checked: entries });
}

/**
 * Runs `write` (through the faulty binding) with statement 1, 2, … of its batch failing until
 * k passes the batch's size; each failure must leave `old` exactly. Answers the committed reply.
 */
async function failEveryStatement(
  m: Month,
  faults: ReturnType<typeof faultyD1>,
  write: () => Promise<Reply>,
) {
  const old = await snapshot(m.t.tenantId);
  for (let k = 1; ; k++) {
    faults.failStatement(k);
    const res = await write();
    if (!faults.last?.injected) {
      expect(k, 'the batch had statements to fail').toBeGreaterThan(1);
      expect(res.status, show(res)).toBeLessThan(300);
      return { res, old, statements: k - 1 };
    }
    expect(res.status, `statement ${k} of ${faults.last.size} failed: ${show(res)}`).toBe(500);
    expect(await snapshot(m.t.tenantId), `statement ${k} of ${faults.last.size} failed`).toEqual(old);
    await expectVerified(m, old.audit.length);
  }
}

/** The batch commits, then its answer is lost: the new state, whole, and the next write chains on. */
async function loseTheAnswer(m: Month, faults: ReturnType<typeof faultyD1>, write: () => Promise<Reply>) {
  const old = await snapshot(m.t.tenantId);
  faults.loseAnswer();
  const res = await write();
  expect(faults.last?.injected).toBe(true);
  expect(res.status, show(res)).toBe(500);
  const now = await snapshot(m.t.tenantId);
  expect(now.audit.length).toBeGreaterThan(old.audit.length);
  await expectVerified(m, now.audit.length);
  return { old, now };
}

/** One more audited write after the faults: it must chain on whatever the last one left. */
async function nextWriteChains(m: Month) {
  ok(await m.t.owner.post('/departments', { name: '后续部门', site: '二期' }), 201);
  await expectVerified(m, (await snapshot(m.t.tenantId)).audit.length);
}

/** A month of two evaluations, both approved: ready to close. */
async function approvedMonth() {
  const m = await openMonth(['KF002']);
  const ids = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items.map((e: any) => e.id);
  for (const id of ids) await toApproved(m, id);
  return m;
}

const withFaults = (who: Caller) => {
  const faults = faultyD1(env.DB);
  return { faults, as: through(who, { DB: faults.db }) };
};

describe('a write whose batch fails part-way leaves the old state or the new, never half', () => {
  // Each injected fault is a 500 that the Worker logs; keep them off the test output.
  const logError = console.error;
  beforeAll(() => {
    console.error = () => {};
  });
  afterAll(() => {
    console.error = logError;
  });

  it('recording inputs (POST /evaluations/{id}/inputs)', async () => {
    const m = await openMonth();
    const { faults, as } = withFaults(m.t.owner);
    const { etag } = await read(m.t.owner, m.evaluationId);
    const record = () => as.post(`/evaluations/${m.evaluationId}/inputs`, COMPLETE, ifMatch(etag));
    const { res, old, statements } = await failEveryStatement(m, faults, record);
    expect(statements).toBeGreaterThan(2);
    const now = await snapshot(m.t.tenantId);
    expect(now.evaluations[0]).toMatchObject({ revision: (old.evaluations[0] as any).revision + 1 });
    expect(now.inputs).toHaveLength(old.inputs.length + 7);
    expect(now.audit).toHaveLength(old.audit.length + 1);
    expect(res.body.revision).toBe(now.evaluations[0]!.revision);

    const again = await read(m.t.owner, m.evaluationId);
    const lost = await loseTheAnswer(m, faults, () =>
      as.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { metrics: [{ indicator: 'calls_answered', value: 1200 }] },
        ifMatch(again.etag),
      ),
    );
    expect(lost.now.evaluations[0]).toMatchObject({
      revision: (lost.old.evaluations[0] as any).revision + 1,
    });
    await nextWriteChains(m);
  });

  it('ingest (POST /ingest)', async () => {
    const m = await openMonth(['KF002', 'KF003']);
    const key = await m.t.keyWith('metrics:write');
    const { faults, as } = withFaults(key);
    const body = {
      rows: ['KF001', 'KF002', 'KF003'].flatMap((no) => [
        { employeeNo: no, period: '2026-11', indicator: 'calls_answered', value: 1100 },
        { employeeNo: no, period: '2026-11', indicator: 'attendance', rule: 'late' },
      ]),
    };
    const { old, statements } = await failEveryStatement(m, faults, () => as.post('/ingest', body));
    expect(statements).toBeGreaterThan(3);
    const now = await snapshot(m.t.tenantId);
    expect(now.inputs).toHaveLength(old.inputs.length + 6);
    expect(now.audit).toHaveLength(old.audit.length + 3);
    for (const [i, e] of now.evaluations.entries())
      expect(e, 'every evaluation rescored once').toMatchObject({
        revision: (old.evaluations[i] as any).revision + 1,
      });

    const lost = await loseTheAnswer(m, faults, () => as.post('/ingest', body));
    expect(lost.now.inputs).toHaveLength(lost.old.inputs.length + 3); // 3 more late arrivals
    await nextWriteChains(m);
  });

  it('closing a period (POST /periods/{id}/close)', async () => {
    const m = await approvedMonth();
    const { faults, as } = withFaults(m.t.owner);
    const { old, statements } = await failEveryStatement(m, faults, () =>
      as.post(`/periods/${m.periodId}/close`, {}),
    );
    expect(statements).toBeGreaterThan(2);
    const now = await snapshot(m.t.tenantId);
    expect(now.periods.find((p: any) => p.id === m.periodId)).toMatchObject({ status: 'closed' });
    expect(now.evaluations.map((e: any) => e.status)).toEqual(['locked', 'locked']);
    expect(now.audit).toHaveLength(old.audit.length + 3);
    await nextWriteChains(m);
  });

  it('closing a period whose answer is lost: closed and locked, whole', async () => {
    const m = await approvedMonth();
    const { faults, as } = withFaults(m.t.owner);
    const lost = await loseTheAnswer(m, faults, () => as.post(`/periods/${m.periodId}/close`, {}));
    expect(lost.now.evaluations.map((e: any) => e.status)).toEqual(['locked', 'locked']);
    expect(lost.now.audit).toHaveLength(lost.old.audit.length + 3);
    await nextWriteChains(m);
  });
});
