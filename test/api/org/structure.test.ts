import { describe, expect, it } from 'vitest';
import type { Reply } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { count, expectError, rows } from '../support';
import { newEmployee, ok, orgOf, show } from './org-fixtures';

/** The audit entries one request wrote, in chain order. */
async function auditOf(tenantId: string, res: Reply) {
  const rid = res.headers.get('X-Request-Id');
  return rows<{
    action: string;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string | null;
  }>(
    'SELECT action, entity_type, entity_id, before, after FROM audit_log WHERE tenant_id = ? AND request_id = ? ORDER BY seq',
    tenantId,
    rid,
  );
}

describe('departments', () => {
  it('CRUD with a project site, names unique per tenant (409 naming name), each change audited', async () => {
    const t = await newTenant();
    const created = await t.owner.post('/departments', { name: ' 客服部 ', site: '绿苑花园' });
    expect(created.status, show(created)).toBe(201);
    expect(created.body).toMatchObject({ name: '客服部', site: '绿苑花园', supervisorUserIds: [] });
    expect(created.body.id).toMatch(/^dep_[0-9A-Za-z]{20}$/);
    const [entry] = await auditOf(t.tenantId, created);
    expect(entry).toMatchObject({
      action: 'department.create',
      entity_type: 'department',
      entity_id: created.body.id,
    });
    expect(JSON.parse(entry!.after!)).toEqual(created.body);

    const dup = await t.owner.post('/departments', { name: '客服部' }, { lang: 'en' });
    expectError(dup, 409, 'CONFLICT');
    expect(dup.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    expect(dup.body.error.message).toContain('客服部');

    // The same name in another company is fine.
    const other = await newTenant();
    await ok(other.owner.post('/departments', { name: '客服部' }), 201);

    const id = created.body.id;
    const patched = await t.owner.patch(`/departments/${id}`, { site: null, name: '客服中心' });
    expect(patched.status, show(patched)).toBe(200);
    expect(patched.body).toMatchObject({ name: '客服中心', site: null });
    const [upd] = await auditOf(t.tenantId, patched);
    expect(JSON.parse(upd!.before!)).toMatchObject({ name: '客服部', site: '绿苑花园' });
    expect(JSON.parse(upd!.after!)).toMatchObject({ name: '客服中心', site: null });

    await ok(t.owner.post('/departments', { name: '保安部' }), 201);
    const list = await ok(t.owner.get('/departments?limit=1'));
    expect(list.items.map((d: any) => d.name)).toEqual(['保安部']);
    const next = await ok(t.owner.get(`/departments?limit=1&cursor=${list.nextCursor}`));
    expect(next.items.map((d: any) => d.name)).toEqual(['客服中心']);
    expect(next.nextCursor).toBeNull();

    const del = await t.owner.delete(`/departments/${id}`);
    expect(del.status, show(del)).toBe(204);
    expect((await auditOf(t.tenantId, del)).map((e) => e.action)).toEqual(['department.delete']);
    expectError(await t.owner.get(`/departments/${id}`), 404, 'NOT_FOUND');
  });

  it('a department or position in use cannot be deleted (409), and nothing changes', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    await newEmployee(t.owner, {
      employeeNo: 'KF001',
      name: '李娜',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
    });
    const auditBefore = await count('audit_log', 'tenant_id = ?', t.tenantId);
    const dep = await t.owner.delete(`/departments/${o.kefu}`, { lang: 'en' });
    expectError(dep, 409, 'CONFLICT');
    expect(dep.body.error.message).toContain('1 employees');
    expectError(await t.owner.delete(`/positions/${o.zhuanyuan}`), 409, 'CONFLICT');
    expect(await count('departments', 'id = ?', o.kefu)).toBe(1);
    expect(await count('positions', 'id = ?', o.zhuanyuan)).toBe(1);
    expect(await count('audit_log', 'tenant_id = ?', t.tenantId)).toBe(auditBefore);
    // An unused one goes.
    expect((await t.owner.delete(`/positions/${o.qiantai}`)).status).toBe(204);
  });

  it('PUT supervisors: only users of this company with the supervisor role, each bad one named', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup1 = await t.userWith('supervisor');
    const sup2 = await t.userWith('supervisor');
    const admin = await t.userWith('admin');
    const foreign = await (await newTenant()).userWith('supervisor');

    const bad = await t.owner.put(`/departments/${o.kefu}/supervisors`, {
      userIds: [sup1.userId, admin.userId, foreign.userId, 'usr_nope'],
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual([
      'userIds[1]',
      'userIds[2]',
      'userIds[3]',
    ]);
    expect(await count('department_supervisors', 'tenant_id = ?', t.tenantId)).toBe(0);

    const set = await t.owner.put(`/departments/${o.kefu}/supervisors`, {
      userIds: [sup2.userId, sup1.userId],
    });
    expect(set.status, show(set)).toBe(200);
    expect(set.body.supervisorUserIds).toEqual([sup1.userId, sup2.userId].sort());
    const [entry] = await auditOf(t.tenantId, set);
    expect(entry).toMatchObject({ action: 'department.supervisors', entity_id: o.kefu });
    expect(JSON.parse(entry!.before!)).toEqual({ supervisorUserIds: [] });

    const replaced = await ok(t.owner.put(`/departments/${o.kefu}/supervisors`, { userIds: [sup2.userId] }));
    expect(replaced.supervisorUserIds).toEqual([sup2.userId]);
    expect((await ok(t.owner.get(`/departments/${o.kefu}`))).supervisorUserIds).toEqual([sup2.userId]);
    // Setting the same list again writes nothing.
    const auditBefore = await count('audit_log', 'tenant_id = ?', t.tenantId);
    await ok(t.owner.put(`/departments/${o.kefu}/supervisors`, { userIds: [sup2.userId] }));
    expect(await count('audit_log', 'tenant_id = ?', t.tenantId)).toBe(auditBefore);
  });
});

describe('positions', () => {
  it('pay is a non-negative integer of fen; anything else is a 400 naming the field', async () => {
    const t = await newTenant();
    const created = await t.owner.post('/positions', {
      name: '保安',
      baseSalaryFen: 300000,
      bonusBaseFen: 0,
    });
    expect(created.status, show(created)).toBe(201);
    expect(created.body).toMatchObject({ name: '保安', baseSalaryFen: 300000, bonusBaseFen: 0 });
    expect(created.body.id).toMatch(/^pos_/);
    const [entry] = await auditOf(t.tenantId, created);
    expect(entry).toMatchObject({ action: 'position.create', entity_id: created.body.id });

    const before = await count('positions', 'tenant_id = ?', t.tenantId);
    for (const [value, why] of [
      [-1, 'negative'],
      [3000.5, 'fractional'],
      ['300000', 'a string'],
      [null, 'null'],
      [1e12, 'absurdly large'],
    ] as const) {
      const r = await t.owner.post('/positions', {
        name: `岗位${why}`,
        baseSalaryFen: value,
        bonusBaseFen: 1,
      });
      expectError(r, 400, 'VALIDATION_FAILED', why);
      expect(
        r.body.error.details.map((d: any) => d.field),
        why,
      ).toEqual(['baseSalaryFen']);
      const p = await t.owner.patch(`/positions/${created.body.id}`, { bonusBaseFen: value });
      expectError(p, 400, 'VALIDATION_FAILED', `patch ${why}`);
      expect(
        p.body.error.details.map((d: any) => d.field),
        why,
      ).toEqual(['bonusBaseFen']);
    }
    expect(await count('positions', 'tenant_id = ?', t.tenantId)).toBe(before);

    const patched = await ok(t.owner.patch(`/positions/${created.body.id}`, { bonusBaseFen: 30000 }));
    expect(patched).toMatchObject({ baseSalaryFen: 300000, bonusBaseFen: 30000 });
    const [stored] = await rows<{ bonus_base_fen: number }>(
      'SELECT bonus_base_fen FROM positions WHERE id = ?',
      created.body.id,
    );
    expect(stored!.bonus_base_fen).toBe(30000);

    const dup = await t.owner.post('/positions', { name: '保安', baseSalaryFen: 1, bonusBaseFen: 1 });
    expectError(dup, 409, 'CONFLICT');
    expect(dup.body.error.details[0].field).toBe('name');
  });
});
