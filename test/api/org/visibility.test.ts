import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../db/schema';
import { supervisedDepartmentIds } from '../../../worker/access/policy';
import { dbFor } from '../../../worker/data/db';
import { ApiError } from '../../../worker/lib/errors';
import { assertEmployeeVisible, employeeForUser } from '../../../worker/services/org';
import type { Scope } from '../../../worker/services/scope';
import { newTenant } from '../../helpers/tenant';
import { newEmployee, ok, orgOf } from './org-fixtures';

/** The scope a request of this user would get (what the evaluations services receive). */
function scopeFor(tenantId: string, userId: string, role: Role): Scope {
  return {
    db: dbFor(env, tenantId),
    tenantId,
    principal: {
      kind: 'user',
      tenantId,
      userId,
      role,
      sessionId: 'ses_test',
      selves: [userId],
      mustChangePassword: false,
    },
    actor: { tenantId, actorType: 'user', actorId: userId, requestId: 'req_test' },
    lang: 'en',
  };
}

async function notFound(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe('NOT_FOUND');
}

describe('helpers for the evaluations work', () => {
  it('supervisedDepartmentIds, assertEmployeeVisible and employeeForUser follow the org rules', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup = await t.userWith('supervisor');
    const login = await t.userWith('employee');
    await ok(t.owner.put(`/departments/${o.kefu}/supervisors`, { userIds: [sup.userId] }));
    const mine = await newEmployee(t.owner, {
      employeeNo: 'KF001',
      name: '李娜',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
      userId: login.userId,
    });
    const theirs = await newEmployee(t.owner, {
      employeeNo: 'BA001',
      name: '王芳',
      departmentId: o.baoan,
      positionId: o.baoanPos,
    });

    const owner = scopeFor(t.tenantId, t.ownerId, 'owner');
    const supervisor = scopeFor(t.tenantId, sup.userId, 'supervisor');
    const employee = scopeFor(t.tenantId, login.userId, 'employee');
    expect(await supervisedDepartmentIds(owner)).toBe('all');
    expect(await supervisedDepartmentIds(scopeFor(t.tenantId, 'usr_x', 'auditor'))).toBe('all');
    expect(await supervisedDepartmentIds(supervisor)).toEqual([o.kefu]);
    expect(await supervisedDepartmentIds(employee)).toEqual([]);

    expect((await assertEmployeeVisible(owner, theirs.id)).employeeNo).toBe('BA001');
    expect((await assertEmployeeVisible(supervisor, mine.id)).employeeNo).toBe('KF001');
    await notFound(assertEmployeeVisible(supervisor, theirs.id));
    expect((await assertEmployeeVisible(employee, mine.id)).id).toBe(mine.id);
    await notFound(assertEmployeeVisible(employee, theirs.id));

    expect((await employeeForUser(owner, login.userId))?.id).toBe(mine.id);
    expect(await employeeForUser(owner, sup.userId)).toBeUndefined();

    // Another tenant's scope sees none of it.
    const other = await newTenant();
    const foreign = scopeFor(other.tenantId, other.ownerId, 'owner');
    await notFound(assertEmployeeVisible(foreign, mine.id));
    expect(await employeeForUser(foreign, login.userId)).toBeUndefined();
  });
});
