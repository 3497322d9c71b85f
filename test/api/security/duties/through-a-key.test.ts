import { describe, expect, it } from 'vitest';
import { ok } from '../../evaluations/fixtures';
import { act, COMPLETE } from '../../evaluations/workflow-support';
import { rows } from '../../support';
import { etagOf, everything, hrMonth, keyOf, refusedBy } from './support';

/*
 * Issue 14's first route around the rule: an HR person's own key. A key acts for its creator,
 * so every attack that their session meets with 403 "own evaluation" meets it through the key
 * too, and writes nothing. Against the old main each of these went through.
 */

const KEY_SCOPES = ['evaluations:write', 'metrics:write', 'org:write'] as const;

describe('a key acts for its creator: HR cannot reach their own month through their key', () => {
  it('ratings naming the owner as rater, praise events, ingest rows and submit are refused', async () => {
    const m = await hrMonth();
    const key = await keyOf(m.hr, ...KEY_SCOPES);
    const before = await everything(m);
    const attempts = [
      key.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { ratings: [{ indicator: 'supervisor_rating', value: 10, raterId: m.t.ownerId }] },
        { headers: await etagOf(m) },
      ),
      key.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { events: [{ indicator: 'praise', rule: 'written_praise', count: 5 }] },
        { headers: await etagOf(m) },
      ),
      key.post('/ingest', {
        rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 5000 }],
      }),
      key.post(`/evaluations/${m.evaluationId}/submit`, {}, { headers: await etagOf(m) }),
    ];
    for (const res of await Promise.all(attempts)) refusedBy(res, 'own_evaluation');
    expect(await everything(m)).toEqual(before);
  });

  it('deleting their own deduction through the key is refused', async () => {
    const m = await hrMonth();
    const recorded = ok(
      await act(m.t.owner, m.evaluationId, 'inputs', {
        events: [{ indicator: 'work_conduct', rule: 'qq_chat', count: 2 }],
      }),
    );
    const deduction = recorded.inputs.find((i: { indicator: string }) => i.indicator === 'work_conduct');
    const key = await keyOf(m.hr, ...KEY_SCOPES);
    const before = await everything(m);
    refusedBy(
      await key.delete(`/evaluations/${m.evaluationId}/inputs/${deduction.id}`, { headers: await etagOf(m) }),
      'own_evaluation',
    );
    expect(await everything(m)).toEqual(before);
  });

  it('their employee record (position, department, 工号, login link) and their position’s pay are refused', async () => {
    const m = await hrMonth();
    const key = await keyOf(m.hr, ...KEY_SCOPES);
    const rich = ok(
      await m.t.owner.post('/positions', {
        name: '总监',
        baseSalaryFen: 15_000_000,
        bonusBaseFen: 3_900_000,
      }),
      201,
    );
    const otherDept = ok(await m.t.owner.post('/departments', { name: '行政部' }), 201);
    const before = await everything(m);
    const own = `/employees/${m.employeeId}`;
    for (const patch of [{ positionId: rich.id }, { departmentId: otherDept.id }, { employeeNo: 'KF999' }])
      refusedBy(await key.patch(own, patch), 'own_employee_record');
    refusedBy(await key.patch(own, { userId: null }), 'own_employee_record');
    refusedBy(await key.patch(`/positions/${m.positionId}`, { baseSalaryFen: 18_900_000 }), 'own_pay');
    expect(await everything(m)).toEqual(before);
    // The pay on their evaluation is what it was: 3,000 + 1,000 × K.
    const [e] = await rows<{ base_salary_fen: number }>(
      'SELECT base_salary_fen FROM evaluations WHERE id = ?',
      m.evaluationId,
    );
    expect(e?.base_salary_fen).toBe(300_000);
  });

  it('with the unlink refused, their own session still cannot submit or approve their month', async () => {
    const m = await hrMonth();
    const key = await keyOf(m.hr, ...KEY_SCOPES);
    refusedBy(await key.patch(`/employees/${m.employeeId}`, { userId: null }), 'own_employee_record');
    ok(await act(m.t.owner, m.evaluationId, 'inputs', COMPLETE));
    refusedBy(await act(m.hr, m.evaluationId, 'submit'), 'own_evaluation');
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    refusedBy(await act(m.hr, m.evaluationId, 'approve'), 'own_evaluation');
    // The owner, who is someone else, approves it.
    expect(ok(await act(m.t.owner, m.evaluationId, 'approve')).status).toBe('approved');
  });

  it('a rating naming a rater through a key is recorded as imported by the key and its creator', async () => {
    const m = await hrMonth(['KF002']);
    const key = await keyOf(m.hr, 'evaluations:write', 'evaluations:read');
    const list = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`));
    const other = list.items.find((e: { employeeNo: string }) => e.employeeNo === 'KF002');
    const res = await key.post(
      `/evaluations/${other.id}/inputs`,
      { ratings: [{ indicator: 'supervisor_rating', value: 9, raterId: m.supervisor.userId }] },
      { headers: { 'If-Match': other.etag } },
    );
    const body = ok(res);
    const rating = body.inputs.find((i: { kind: string }) => i.kind === 'rating');
    expect(rating).toMatchObject({
      recordedBy: m.supervisor.userId,
      enteredBy: m.hr.userId,
      keyId: key.keyId,
      source: 'integrator',
    });
    const [entry] = await rows<{ after: string; actor_id: string }>(
      "SELECT after, actor_id FROM audit_log WHERE tenant_id = ? AND entity_id = ? AND action = 'evaluation.inputs.add'",
      m.t.tenantId,
      other.id,
    );
    expect(entry?.actor_id).toBe(key.keyId);
    expect(JSON.parse(entry?.after ?? '{}').importedBy).toEqual({ keyId: key.keyId, userId: m.hr.userId });
  });

  it('a key stops with its creator and works again once the owner hands it over to another admin', async () => {
    const m = await hrMonth();
    const key = await keyOf(m.hr, 'org:read');
    ok(await key.get('/departments'));
    ok(await m.t.owner.patch(`/users/${m.hr.userId}`, { role: 'employee' }));
    const stopped = await key.get('/departments', { lang: 'en' });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(403);
    expect(stopped.body.error.details).toEqual({ rule: 'key_creator' });
    expect(stopped.body.error.message).toMatch(/owner can hand it over/);
    // The owner sees which key waits to be handed over, and may do it.
    expect(ok(await m.t.owner.get(`/api-keys/${key.keyId}`))).toMatchObject({
      suspended: true,
      allowedActions: ['revoke', 'handOver'],
    });
    const admin = await m.t.userWith('admin');
    // Only the owner hands keys over, and only to an active owner or admin.
    expect((await admin.post(`/api-keys/${key.keyId}/hand-over`, { userId: admin.userId })).status).toBe(403);
    expect(
      (await m.t.owner.post(`/api-keys/${key.keyId}/hand-over`, { userId: m.supervisor.userId })).status,
    ).toBe(409);
    const handed = ok(await m.t.owner.post(`/api-keys/${key.keyId}/hand-over`, { userId: admin.userId }));
    expect(handed).toMatchObject({ createdBy: admin.userId, suspended: false });
    ok(await key.get('/departments'));
  });
});
