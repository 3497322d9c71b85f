import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { rows } from '../support';
import { ok, openMonth, read } from './fixtures';
import { act, refused } from './workflow-support';

/*
 * Two holes issue 14 found at the edge of the month: a deactivated employee still received
 * deductions, and one renamed 工号 failed the monitoring system's next all-or-nothing batch for
 * everybody. A leaver takes no new inputs; a 工号 keeps its history.
 */

describe('a deactivated employee receives no new inputs', () => {
  it('recording and ingesting are refused naming the employee; the evaluation offers no record', async () => {
    const m = await openMonth();
    ok(await m.t.owner.delete(`/employees/${m.employeeId}`));
    const recorded = await act(m.t.owner, m.evaluationId, 'inputs', {
      events: [{ indicator: 'work_conduct', rule: 'qq_chat', count: 1 }],
    });
    expect(refused(recorded, 409, 'CONFLICT').message).toMatch(/KF001 已停用/);
    const ingested = await m.t.owner.post(
      '/ingest',
      { rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'work_conduct', rule: 'qq_chat' }] },
      { lang: 'en' },
    );
    const e = refused(ingested, 400, 'VALIDATION_FAILED');
    expect(e.details).toEqual([
      expect.objectContaining({ field: 'rows[0].employeeNo', code: 'employee_inactive' }),
    ]);
    const seen = (await read(m.t.owner, m.evaluationId)).body;
    expect(seen.inputs).toEqual([]);
    expect(seen.allowedActions).not.toContain('record');
    expect(seen.allowedActions).toContain('leave');
  });
});

describe('a 工号 keeps its history', () => {
  it('a batch naming the old 工号 still lands on the person, and the colleague’s rows with it', async () => {
    const m = await openMonth(['KF002']);
    const [kf2] = await rows<{ id: string }>(
      "SELECT id FROM employees WHERE tenant_id = ? AND employee_no = 'KF002'",
      m.t.tenantId,
    );
    ok(await m.t.owner.patch(`/employees/${kf2?.id}`, { employeeNo: 'KF202' }));
    const key = await m.t.keyWith('metrics:write');
    const res = await key.post('/ingest', {
      rows: [
        { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 900 },
        { employeeNo: 'KF002', period: '2026-11', indicator: 'calls_answered', value: 800 },
      ],
    });
    const body = ok(res);
    expect(body.evaluations.map((e: { employeeId: string }) => e.employeeId).sort()).toEqual(
      [m.employeeId, kf2?.id].sort(),
    );
    // Nobody else may be given the old number, by form or by file.
    const taken = await m.t.owner.post('/employees', {
      employeeNo: 'KF002',
      name: '新人',
      departmentId: m.departmentId,
      positionId: m.positionId,
    });
    expect(refused(taken, 409, 'CONFLICT').message).toMatch(/工号 KF002 曾属于另一位员工/);
    const csv = '工号,姓名,部门,岗位\nKF002,新人,客服部,客服专员\n';
    const imported = await call(m.t.owner.creds, 'POST', '/employees/import', {
      raw: csv,
      headers: { 'Content-Type': 'text/csv' },
    });
    const rejected = refused(imported, 400, 'VALIDATION_FAILED');
    expect(rejected.details).toEqual([expect.objectContaining({ line: 2, code: 'employee_no_retired' })]);
    // The person may take their old number back.
    ok(await m.t.owner.patch(`/employees/${kf2?.id}`, { employeeNo: 'KF002' }));
  });
});
