import { describe, expect, it } from 'vitest';
import { signIn } from '../../helpers/tenant';
import { expectError, rows } from '../support';
import { ok, openMonth, read } from './fixtures';
import { act, COMPLETE } from './workflow-support';

/** The `after` of the newest audit entry of an evaluation with this action. */
async function lastAudit(evaluationId: string, action: string): Promise<any> {
  const [row] = await rows<{ after: string }>(
    'SELECT after FROM audit_log WHERE entity_id = ? AND action = ? ORDER BY seq DESC LIMIT 1',
    evaluationId,
    action,
  );
  return JSON.parse(row!.after);
}

describe('nobody scores their own month', () => {
  it('an employee promoted to supervisor of their own department can read but not rate their evaluation', async () => {
    const m = await openMonth();
    ok(await m.t.owner.patch(`/users/${m.employee.userId}`, { role: 'supervisor' }));
    ok(await m.t.owner.put(`/departments/${m.departmentId}/supervisors`, { userIds: [m.employee.userId] }));
    const me = await signIn(m.t.slug, m.employee.email);
    const own = await read(me, m.evaluationId);
    const rated = await me.post(
      `/evaluations/${m.evaluationId}/inputs`,
      { ratings: [{ indicator: 'supervisor_rating', value: 10 }] },
      { headers: { 'If-Match': own.etag } },
    );
    expectError(rated, 403, 'FORBIDDEN', 'rating one’s own evaluation');
    expect((await read(m.t.owner, m.evaluationId)).body.inputs).toEqual([]);
  });

  it('an admin who is also evaluated cannot approve their own evaluation; another admin can', async () => {
    const m = await openMonth();
    ok(await act(m.supervisor, m.evaluationId, 'inputs', COMPLETE));
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    ok(await m.t.owner.patch(`/users/${m.employee.userId}`, { role: 'admin' }));
    const me = await signIn(m.t.slug, m.employee.email);
    expectError(await act(me, m.evaluationId, 'approve'), 403, 'FORBIDDEN', 'approving one’s own');
    // As the evaluated person they still confirm it themselves.
    ok(await act(me, m.evaluationId, 'confirm'));
    expect(ok(await act(m.t.owner, m.evaluationId, 'approve')).status).toBe('approved');
  });
});

describe('the rater on a rating is true', () => {
  it('a person rates as themselves: naming someone else is a 400 on ratings[0].raterId', async () => {
    const m = await openMonth();
    const { etag } = await read(m.supervisor, m.evaluationId);
    const forged = await m.supervisor.post(
      `/evaluations/${m.evaluationId}/inputs`,
      { ratings: [{ indicator: 'supervisor_rating', value: 10, raterId: m.t.ownerId }] },
      { headers: { 'If-Match': etag } },
    );
    expectError(forged, 400, 'VALIDATION_FAILED');
    expect(forged.body.error.details.map((d: { field: string }) => d.field)).toEqual(['ratings[0].raterId']);
    const own = ok(
      await act(m.supervisor, m.evaluationId, 'inputs', {
        ratings: [{ indicator: 'supervisor_rating', value: 9, raterId: m.supervisor.userId }],
      }),
    );
    expect(own.inputs.map((i: { recordedBy: string }) => i.recordedBy)).toEqual([m.supervisor.userId]);
  });

  it("a system may name the rater, who must be one of this company's users", async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('evaluations:read', 'evaluations:write');
    const other = await openMonth();
    const stranger = await act(key, m.evaluationId, 'inputs', {
      ratings: [{ indicator: 'supervisor_rating', value: 9, raterId: other.supervisor.userId }],
    });
    expectError(stranger, 400, 'VALIDATION_FAILED', 'another company’s user as rater');
    expect(stranger.body.error.details[0].field).toBe('ratings[0].raterId');
    const named = ok(
      await act(key, m.evaluationId, 'inputs', {
        ratings: [{ indicator: 'supervisor_rating', value: 9, raterId: m.supervisor.userId }],
      }),
    );
    expect(named.inputs[0].recordedBy).toBe(m.supervisor.userId);
  });
});

describe('a replaced figure is never lost', () => {
  it('re-recording a metric keeps the old value in the audit entry, by hand and by ingestion', async () => {
    const m = await openMonth();
    ok(
      await act(m.supervisor, m.evaluationId, 'inputs', {
        metrics: [{ indicator: 'calls_answered', value: 6123 }],
      }),
    );
    ok(
      await act(m.supervisor, m.evaluationId, 'inputs', {
        metrics: [{ indicator: 'calls_answered', value: 700 }],
      }),
    );
    const byHand = await lastAudit(m.evaluationId, 'evaluation.inputs.add');
    expect(byHand.replacedInputs.map((i: { value: number }) => i.value)).toEqual([6123]);
    expect(byHand.addedInputs.map((i: { value: number }) => i.value)).toEqual([700]);

    const key = await m.t.keyWith('metrics:write');
    const push = (value: number) =>
      key.post('/ingest', {
        rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value }],
      });
    ok(await push(812));
    const ingested = await lastAudit(m.evaluationId, 'evaluation.inputs.ingest');
    expect(ingested.replacedInputs.map((i: { value: number }) => i.value)).toEqual([700]);
    expect(ingested.addedInputs.map((i: { value: number; source: string }) => [i.value, i.source])).toEqual([
      [812, 'integrator'],
    ]);
  });
});

describe('an appeal that voids many events', () => {
  it('voids 100 disputed deductions at once (more than one statement can bind) and the score follows', async () => {
    const m = await openMonth();
    ok(await act(m.supervisor, m.evaluationId, 'inputs', COMPLETE));
    const events = Array.from({ length: 100 }, (_, i) => ({
      indicator: 'call_quality',
      rule: 'no_staff_no',
      evidence: { recordingId: `REC-${i}` },
    }));
    const docked = ok(await act(m.supervisor, m.evaluationId, 'inputs', { events }));
    const ids = docked.inputs
      .filter((i: { kind: string }) => i.kind === 'event')
      .map((i: { id: string }) => i.id);
    expect(ids).toHaveLength(100);
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    ok(await act(m.employee, m.evaluationId, 'appeal', { reason: '录音里报了工号', disputedInputIds: ids }));
    const resolved = ok(
      await act(m.t.owner, m.evaluationId, 'resolve', { answer: '复核录音，扣分不成立', voidInputIds: ids }),
    );
    expect(resolved.inputs.filter((i: { voided: boolean }) => i.voided)).toHaveLength(100);
    expect(resolved.total).toBeGreaterThan(docked.total);
  });
});
