import { describe, expect, it } from 'vitest';
import { commitProbe } from '../../../worker/audit/commit';
import { writerOf } from '../../helpers/writer';
import { rows, show } from '../support';
import { ok, openMonth } from './fixtures';

/*
 * Sixteen integrators push into one company at once. The tenant writer gives each ingest its
 * turn: every push succeeds (no 5xx, no 409), each plan runs exactly once, every row is stored
 * once, and the audit chain is one unbroken line.
 */

const STAFF = Array.from({ length: 8 }, (_, i) => `KF${String(i + 1).padStart(3, '0')}`);
const PUSHES = 16;

describe('16 concurrent ingests into one tenant', () => {
  it('all succeed, each row counted once, each plan run once, and the chain verifies', async () => {
    const m = await openMonth(STAFF.slice(1));
    const keys = await Promise.all(Array.from({ length: 4 }, () => m.t.keyWith('metrics:write')));
    // Push i: one late arrival for every agent (events add up, so a row stored twice shows),
    // and agent i's calls answered (metrics replace, so the last push of each agent wins).
    const body = (i: number) => ({
      rows: [
        ...STAFF.map((no) => ({ employeeNo: no, period: '2026-11', indicator: 'attendance', rule: 'late' })),
        {
          employeeNo: STAFF[i % STAFF.length],
          period: '2026-11',
          indicator: 'calls_answered',
          value: 900 + i,
        },
      ],
    });

    const planRuns = new Map<string, number>();
    commitProbe.planRan = (actor) => planRuns.set(actor.requestId, (planRuns.get(actor.requestId) ?? 0) + 1);
    let replies: Awaited<ReturnType<(typeof keys)[number]['post']>>[];
    try {
      replies = await Promise.all(
        Array.from({ length: PUSHES }, (_, i) =>
          keys[i % keys.length]!.post('/ingest', body(i), { headers: { 'Idempotency-Key': `race-${i}` } }),
        ),
      );
    } finally {
      commitProbe.planRan = undefined;
    }
    for (const [i, r] of replies.entries()) expect(r.status, `push ${i}: ${show(r)}`).toBe(200);
    for (const r of replies) ok(r);

    const requestIds = replies.map((r) => r.headers.get('X-Request-Id')!);
    expect(new Set(requestIds).size).toBe(PUSHES);
    for (const id of requestIds) expect(planRuns.get(id), `plan runs of ${id}`).toBe(1);

    // Each agent: 16 late arrivals, one per push.
    const late = await rows<{ employee_no: string; n: number }>(
      `SELECT e.employee_no, count(*) AS n FROM evaluation_inputs i
         JOIN evaluations v ON v.id = i.evaluation_id
         JOIN employees e ON e.id = v.employee_id
       WHERE i.tenant_id = ? AND i.kind = 'event' AND i.rule = 'late'
       GROUP BY e.employee_no ORDER BY e.employee_no`,
      m.t.tenantId,
    );
    expect(late).toEqual(STAFF.map((no) => ({ employee_no: no, n: PUSHES })));
    const calls = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM evaluation_inputs WHERE tenant_id = ? AND indicator = 'calls_answered'",
      m.t.tenantId,
    );
    expect(calls[0]!.n, 'one calls_answered per agent: metrics replace').toBe(STAFF.length);

    // One ingest entry per evaluation a push touched: 16 pushes × 8 agents.
    const entries = await rows<{ request_id: string; n: number }>(
      "SELECT request_id, count(*) AS n FROM audit_log WHERE tenant_id = ? AND action LIKE '%ingest%' GROUP BY request_id",
      m.t.tenantId,
    );
    expect(entries.map((e) => e.request_id).sort()).toEqual([...requestIds].sort());
    const chain = await rows<{ seq: number }>(
      'SELECT seq FROM audit_log WHERE tenant_id = ? ORDER BY seq',
      m.t.tenantId,
    );
    expect(chain.map((r) => r.seq)).toEqual(chain.map((_, i) => i + 1));
    const verify = ok(await m.t.owner.get('/audit-log/verify'));
    expect(verify).toMatchObject({ ok: true, checked: chain.length });

    const stats = await writerOf(m.t.tenantId).stats();
    expect(stats).toMatchObject({ expired: 0, lateReleases: 0, held: false, waiting: 0 });
    expect(stats.mostWaiting, 'the pushes really queued for their turns').toBeGreaterThan(2);
  });
});
