import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { evaluations } from '../../../db/schema';
import type { Caller } from '../../helpers/client';
import { callWith, type D1Spy, fromStore, spyD1, writesEvaluations } from '../support/d1-spy';
import { ifMatch, ok, openMonth, read } from './fixtures';
import { COMPLETE } from './workflow-support';

/*
 * The write path as D1 sees it: what recording one input costs in statements, and that the
 * evaluation store (worker/services/evaluations/store.ts) is the only module that writes the
 * evaluations table, on every path that changes one.
 */

/** The audit chain's head: the tenant's writer (worker/audit/writer.ts) holds it, commit() reads none. */
const isHeadRead = (sql: string) => /^select .* from "audit_log" .*order by .*"seq" desc/i.test(sql);

describe('recording one input', () => {
  it('takes at most 6 D1 statements, reads included, and none of them reads the audit head', async () => {
    const m = await openMonth();
    const { etag } = await read(m.supervisor, m.evaluationId);
    const spy = spyD1();
    const res = await callWith(spy, m.supervisor.creds, 'POST', `/evaluations/${m.evaluationId}/inputs`, {
      body: { metrics: [{ indicator: 'calls_answered', value: 1080 }] },
      ...ifMatch(etag),
    });
    const body = ok(res);
    const listing = spy.statements.map((s, i) => `${i + 1}. ${s.slice(0, 140)}`).join('\n');
    // Session, the evaluation with its context and appeals, its inputs; then one batch: the
    // input, the evaluation (guarded by its revision), the audit entry.
    expect(spy.statements.length, listing).toBeLessThanOrEqual(6);
    expect(spy.statements.filter(isHeadRead), listing).toEqual([]);
    // The answer comes from the state the write held: it is what a GET reads afterwards.
    const after = await read(m.supervisor, m.evaluationId);
    expect(body).toEqual(after.body);
    expect(res.headers.get('ETag')).toBe(after.etag);
  });
});

/** A step of the month through the watched app, with the ETag read first. */
async function step(spy: D1Spy, who: Caller, id: string, name: string, body: unknown = {}) {
  const { etag } = await read(who, id);
  return ok(await callWith(spy, who.creds, 'POST', `/evaluations/${id}/${name}`, { body, ...ifMatch(etag) }));
}

describe('only the evaluation store writes the evaluations table', () => {
  it('the watch catches a write from anywhere else', async () => {
    const spy = spyD1();
    const stray = drizzle(spy.binding);
    await stray.update(evaluations).set({ grade: 'A' }).where(eq(evaluations.id, 'evl_nobody'));
    await spy.binding.prepare('DELETE FROM evaluations WHERE id = ?').bind('evl_nobody').run();
    expect(spy.strays).toHaveLength(2);
    expect(spy.statements.every(writesEvaluations)).toBe(true);
  });

  it('on every path that changes an evaluation: inputs, workflow, close, ingest, org changes, roster, open', async () => {
    const m = await openMonth(['KF002']);
    const { t } = m;
    const id = m.evaluationId;
    const spy = spyD1();
    const seen: Record<string, number> = {};
    /** Runs one path and notes how many of its statements wrote evaluations (all tagged). */
    const path = async (name: string, run: () => Promise<unknown>) => {
      spy.reset();
      await run();
      expect(spy.strays, `${name}: writes to evaluations outside the store`).toEqual([]);
      seen[name] = spy.statements.filter((s) => writesEvaluations(s) && fromStore(s)).length;
    };
    const key = await t.keyWith('metrics:write');
    const other = ok(await t.owner.post('/departments', { name: '工程部', site: '绿苑小区' }), 201);

    await path('record', () =>
      step(spy, m.supervisor, id, 'inputs', {
        ...COMPLETE,
        events: [{ indicator: 'attendance', rule: 'late' }],
      }),
    );
    await path('remove input', async () => {
      const { body, etag } = await read(t.owner, id);
      const late = body.inputs.find((i: { rule: string | null }) => i.rule === 'late').id;
      ok(await callWith(spy, t.owner.creds, 'DELETE', `/evaluations/${id}/inputs/${late}`, ifMatch(etag)));
    });
    await path('ingest', async () =>
      ok(
        await callWith(spy, key.creds, 'POST', '/ingest', {
          body: {
            rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 1100 }],
          },
        }),
      ),
    );
    await path('move', async () =>
      ok(
        await callWith(spy, t.owner.creds, 'PATCH', `/employees/${m.employeeId}`, {
          body: { departmentId: other.id },
        }),
      ),
    );
    await path('reprice', async () =>
      ok(
        await callWith(spy, t.owner.creds, 'PATCH', `/positions/${m.positionId}`, {
          body: { baseSalaryFen: 310_000 },
        }),
      ),
    );
    await path('submit', () => step(spy, t.owner, id, 'submit'));
    await path('appeal', () => step(spy, m.employee, id, 'appeal', { reason: '考试成绩录错了' }));
    await path('resolve', () => step(spy, t.owner, id, 'resolve', { answer: '核对无误' }));
    await path('approve', () => step(spy, t.owner, id, 'approve'));

    const list = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}`));
    const kf002 = list.items.find((e: { employeeNo: string }) => e.employeeNo === 'KF002').id;
    await path('leave', async () =>
      ok(
        await callWith(spy, t.owner.creds, 'DELETE', `/periods/${m.periodId}/evaluations/${kf002}`, {
          body: { reason: '11月15日离职' },
        }),
        204,
      ),
    );
    await path('join', async () =>
      ok(
        await callWith(spy, t.owner.creds, 'POST', `/periods/${m.periodId}/evaluations`, {
          body: { employeeId: list.items.find((e: { id: string }) => e.id === kf002).employeeId },
        }),
        201,
      ),
    );
    const readded = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}`)).items.find(
      (e: { employeeNo: string }) => e.employeeNo === 'KF002',
    ).id;
    await path('leave again', async () =>
      ok(
        await callWith(spy, t.owner.creds, 'DELETE', `/periods/${m.periodId}/evaluations/${readded}`, {
          body: { reason: '确认离职' },
        }),
        204,
      ),
    );
    await path('close', async () =>
      ok(await callWith(spy, t.owner.creds, 'POST', `/periods/${m.periodId}/close`, { body: {} })),
    );
    await path('reopen', () => step(spy, t.owner, id, 'reopen', { reason: '重新核算' }));
    await path('open', async () =>
      ok(await callWith(spy, t.owner.creds, 'POST', '/periods', { body: { key: '2026-12' } }), 201),
    );

    // Every path wrote the table, and only through the store.
    for (const [name, n] of Object.entries(seen)) expect(n, `${name} wrote evaluations`).toBeGreaterThan(0);
    expect(Object.keys(seen)).toHaveLength(15);
  });
});
