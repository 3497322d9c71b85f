import { expect } from 'vitest';
import type { Caller } from '../../helpers/client';
import { type Month, ok, openMonth } from '../evaluations/fixtures';
import { act, COMPLETE } from '../evaluations/workflow-support';

export { ok };

/**
 * A month worth exporting: 客服部 (KF001 with a login, KF002…KF006) and 工程部 (GC001…GC003,
 * hired late into the month), totals spread by the call counts an integrator pushed, KF001's
 * evaluation submitted and appealed. `hr` is the owner; `key` an integrator.
 */
export interface SeededMonth extends Month {
  otherDepartmentId: string;
  integrator: Caller;
}

export async function seedMonth(): Promise<SeededMonth> {
  const m = await openMonth(['KF002', 'KF003', 'KF004', 'KF005', 'KF006']);
  const hr = m.t.owner;
  const other = ok(await hr.post('/departments', { name: '工程部' }), 201);
  for (const no of ['GC001', 'GC002', 'GC003']) {
    const emp = ok(
      await hr.post('/employees', {
        employeeNo: no,
        name: `工程${no}`,
        departmentId: other.id,
        positionId: m.positionId,
      }),
      201,
    );
    ok(await hr.post(`/periods/${m.periodId}/evaluations`, { employeeId: emp.id }), 201);
  }
  const integrator = await m.t.keyWith('metrics:write');
  const nos = ['KF002', 'KF003', 'KF004', 'KF005', 'KF006', 'GC001', 'GC002', 'GC003'];
  const rows = nos.flatMap((employeeNo, i) => [
    { employeeNo, period: '2026-11', indicator: 'calls_answered', value: 500 + i * 97 },
    { employeeNo, period: '2026-11', indicator: 'tickets_closed', value: 60 + i * 13 },
    { employeeNo, period: '2026-11', indicator: 'reply_in_30min', value: 0.5 + i * 0.06 },
  ]);
  ok(await integrator.post('/ingest', { rows }));
  ok(await act(m.supervisor, m.evaluationId, 'inputs', COMPLETE));
  ok(await act(m.supervisor, m.evaluationId, 'submit'));
  ok(await act(m.employee, m.evaluationId, 'appeal', { reason: '通话量统计漏了夜班' }));
  const list = ok(await hr.get(`/evaluations?periodId=${m.periodId}&limit=200`));
  expect(list.items).toHaveLength(9);
  return { ...m, otherDepartmentId: other.id, integrator };
}
