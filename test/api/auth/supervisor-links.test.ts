import { describe, expect, it } from 'vitest';
import type { Caller, Reply } from '../../helpers/client';
import { newTenant, PASSWORD, signIn, type TestTenant } from '../../helpers/tenant';
import { newEmployee, ok, orgOf, show } from '../org/org-fixtures';
import { rows } from '../support';

const linksOf = (t: TestTenant, userId: string) =>
  rows<{ department_id: string }>(
    'SELECT department_id FROM department_supervisors WHERE tenant_id = ? AND user_id = ? ORDER BY department_id',
    t.tenantId,
    userId,
  );

const userEntry = async (t: TestTenant, requestId: string | null) => {
  const [entry] = await rows<{ action: string; after: string | null }>(
    "SELECT action, after FROM audit_log WHERE tenant_id = ? AND request_id = ? AND entity_type = 'user'",
    t.tenantId,
    requestId,
  );
  return { action: entry?.action, after: entry?.after ? JSON.parse(entry.after) : null };
};

/** 客服部 and 保安部 with one employee each, and a supervisor of both. */
async function supervisedOrg() {
  const t = await newTenant();
  const o = await orgOf(t);
  const sup = await t.userWith('supervisor');
  for (const dep of [o.kefu, o.baoan]) {
    await ok(t.owner.put(`/departments/${dep}/supervisors`, { userIds: [sup.userId] }));
  }
  await newEmployee(t.owner, {
    employeeNo: 'KF001',
    name: '李娜',
    departmentId: o.kefu,
    positionId: o.zhuanyuan,
  });
  await newEmployee(t.owner, {
    employeeNo: 'BA001',
    name: '王芳',
    departmentId: o.baoan,
    positionId: o.baoanPos,
  });
  return { t, o, sup };
}

/** The 工号 of the employees a supervisor sees. */
const seen = async (who: Caller): Promise<string[]> =>
  (await ok(who.get('/employees'))).items.map((e: { employeeNo: string }) => e.employeeNo);

/** A call that must answer 200, kept whole for its X-Request-Id. */
async function replied(res: Promise<Reply>): Promise<Reply> {
  const r = await res;
  expect(r.status, show(r)).toBe(200);
  return r;
}

describe('supervisor links follow the supervisor role', () => {
  it('a demoted supervisor promoted back sees no department until assigned again', async () => {
    const { t, o, sup } = await supervisedOrg();
    expect(await seen(sup)).toEqual(['BA001', 'KF001']);
    await ok(t.owner.patch(`/users/${sup.userId}`, { name: '赵主管' }));
    expect(await linksOf(t, sup.userId), 'a change that keeps the role keeps the links').toHaveLength(2);

    const demoted = await replied(t.owner.patch(`/users/${sup.userId}`, { role: 'employee' }));
    expect(await linksOf(t, sup.userId)).toEqual([]);
    expect(await userEntry(t, demoted.headers.get('X-Request-Id'))).toMatchObject({
      action: 'user.update',
      after: { role: 'employee', droppedDepartmentIds: [o.kefu, o.baoan].sort() },
    });

    const promoted = await replied(t.owner.patch(`/users/${sup.userId}`, { role: 'supervisor' }));
    expect((await userEntry(t, promoted.headers.get('X-Request-Id'))).after).not.toHaveProperty(
      'droppedDepartmentIds',
    );
    const again = await signIn(t.slug, sup.email, PASSWORD);
    expect(await seen(again)).toEqual([]);
    expect((await ok(t.owner.get(`/departments/${o.kefu}`))).supervisorUserIds).toEqual([]);

    await ok(t.owner.put(`/departments/${o.kefu}/supervisors`, { userIds: [sup.userId] }));
    expect(await seen(again)).toEqual(['KF001']);
  });

  it('deleting a supervisor removes their links, and only theirs, in the audited batch', async () => {
    const { t, o, sup } = await supervisedOrg();
    const other = await t.userWith('supervisor');
    await ok(t.owner.put(`/departments/${o.kefu}/supervisors`, { userIds: [sup.userId, other.userId] }));

    const deleted = await t.owner.delete(`/users/${sup.userId}`);
    expect(deleted.status, show(deleted)).toBe(204);
    expect(await linksOf(t, sup.userId)).toEqual([]);
    expect(await linksOf(t, other.userId)).toEqual([{ department_id: o.kefu }]);
    expect(await userEntry(t, deleted.headers.get('X-Request-Id'))).toEqual({
      action: 'user.delete',
      after: { droppedDepartmentIds: [o.kefu, o.baoan].sort() },
    });
  });
});
