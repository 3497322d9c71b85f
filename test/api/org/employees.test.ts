import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { count, expectError, rows } from '../support';
import { importCsv, newEmployee, ok, orgOf, show, utf8 } from './org-fixtures';

const ids = (page: { items: { id: string }[] }) => page.items.map((e) => e.id);

describe('employees', () => {
  it('create, get, patch, list with filters and pages; 工号 unique per tenant (409 naming employeeNo)', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup = await t.userWith('supervisor');
    const created = await t.owner.post('/employees', {
      employeeNo: 'KF001',
      name: '李娜',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
      supervisorUserId: sup.userId,
    });
    expect(created.status, show(created)).toBe(201);
    expect(created.body).toMatchObject({
      employeeNo: 'KF001',
      name: '李娜',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
      supervisorUserId: sup.userId,
      userId: null,
      active: true,
    });
    expect(created.body.id).toMatch(/^emp_[0-9A-Za-z]{20}$/);
    const [entry] = await rows<{ action: string; after: string }>(
      'SELECT action, after FROM audit_log WHERE tenant_id = ? AND request_id = ?',
      t.tenantId,
      created.headers.get('X-Request-Id'),
    );
    expect(entry!.action).toBe('employee.create');
    expect(JSON.parse(entry!.after)).toEqual(created.body);

    const before = await count('employees', 'tenant_id = ?', t.tenantId);
    const auditBefore = await count('audit_log', 'tenant_id = ?', t.tenantId);
    const dup = await t.owner.post(
      '/employees',
      { employeeNo: 'KF001', name: '王芳', departmentId: o.baoan, positionId: o.baoanPos },
      { lang: 'en' },
    );
    expectError(dup, 409, 'CONFLICT');
    expect(dup.body.error.details).toEqual([
      { field: 'employeeNo', code: 'CONFLICT', message: expect.any(String) },
    ]);
    expect(dup.body.error.message).toContain('KF001');
    expect(await count('employees', 'tenant_id = ?', t.tenantId)).toBe(before);
    expect(await count('audit_log', 'tenant_id = ?', t.tenantId)).toBe(auditBefore);

    // Another company may use the same 工号.
    const other = await newTenant();
    const oo = await orgOf(other);
    await newEmployee(other.owner, {
      employeeNo: 'KF001',
      name: '赵敏',
      departmentId: oo.kefu,
      positionId: oo.zhuanyuan,
    });

    const b = await newEmployee(t.owner, {
      employeeNo: 'BA001',
      name: '王芳',
      departmentId: o.baoan,
      positionId: o.baoanPos,
    });
    const c = await newEmployee(t.owner, {
      employeeNo: 'KF002',
      name: '张伟',
      departmentId: o.kefu,
      positionId: o.qiantai,
    });

    // A PATCH that renumbers onto a taken 工号 is a 409 too.
    const clash = await t.owner.patch(`/employees/${c.id}`, { employeeNo: 'KF001' });
    expectError(clash, 409, 'CONFLICT');
    expect(clash.body.error.details[0].field).toBe('employeeNo');

    const patched = await ok(
      t.owner.patch(`/employees/${c.id}`, { name: '张伟伟', supervisorUserId: sup.userId }),
    );
    expect(patched).toMatchObject({ name: '张伟伟', supervisorUserId: sup.userId });
    expect(
      (await ok(t.owner.patch(`/employees/${c.id}`, { supervisorUserId: null }))).supervisorUserId,
    ).toBeNull();

    expect(ids(await ok(t.owner.get('/employees')))).toEqual([b.id, created.body.id, c.id]); // by 工号
    expect(ids(await ok(t.owner.get(`/employees?departmentId=${o.kefu}`)))).toEqual([created.body.id, c.id]);
    expect(ids(await ok(t.owner.get(`/employees?positionId=${o.baoanPos}`)))).toEqual([b.id]);
    expect(ids(await ok(t.owner.get(`/employees?q=${encodeURIComponent('伟伟')}`)))).toEqual([c.id]);
    expect(ids(await ok(t.owner.get('/employees?q=KF00')))).toEqual([created.body.id, c.id]);
    expect(ids(await ok(t.owner.get('/employees?q=%25')))).toEqual([]); // a literal %, not a wildcard
    const p1 = await ok(t.owner.get('/employees?limit=2'));
    expect(ids(p1)).toEqual([b.id, created.body.id]);
    const p2 = await ok(t.owner.get(`/employees?limit=2&cursor=${p1.nextCursor}`));
    expect(ids(p2)).toEqual([c.id]);
    expect(p2.nextCursor).toBeNull();

    // DELETE deactivates: the row stays for the evaluations that refer to it.
    const gone = await t.owner.delete(`/employees/${b.id}`);
    expect(gone.status, show(gone)).toBe(200);
    expect(gone.body.active).toBe(false);
    expect(await count('employees', 'id = ?', b.id)).toBe(1);
    const [deact] = await rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE tenant_id = ? AND request_id = ?',
      t.tenantId,
      gone.headers.get('X-Request-Id'),
    );
    expect(deact!.action).toBe('employee.deactivate');
    expect(ids(await ok(t.owner.get('/employees?active=false')))).toEqual([b.id]);
    expect(ids(await ok(t.owner.get('/employees?active=true')))).toEqual([created.body.id, c.id]);
  });

  it('references must be this tenant’s: department, position, a supervisor user, an employee login (each named)', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const other = await newTenant();
    const oo = await orgOf(other);
    const admin = await t.userWith('admin');
    const foreignSup = await other.userWith('supervisor');
    const before = await count('employees', 'tenant_id = ?', t.tenantId);
    const bad = await t.owner.post('/employees', {
      employeeNo: 'KF009',
      name: '李娜',
      departmentId: oo.kefu,
      positionId: oo.zhuanyuan,
      supervisorUserId: foreignSup.userId,
      userId: admin.userId,
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: any) => d.field)).toEqual([
      'departmentId',
      'positionId',
      'supervisorUserId',
      'userId',
    ]);
    const badNo = await t.owner.post('/employees', {
      employeeNo: '工号 1',
      name: '',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
    });
    expectError(badNo, 400, 'VALIDATION_FAILED');
    expect(badNo.body.error.details.map((d: any) => d.field)).toEqual(['employeeNo', 'name']);
    expect(await count('employees', 'tenant_id = ?', t.tenantId)).toBe(before);

    // A login links to one employee only.
    const login = await t.userWith('employee');
    await newEmployee(t.owner, {
      employeeNo: 'E1',
      name: '甲',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
      userId: login.userId,
    });
    const twice = await t.owner.post('/employees', {
      employeeNo: 'E2',
      name: '乙',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
      userId: login.userId,
    });
    expectError(twice, 409, 'CONFLICT');
    expect(twice.body.error.details[0].field).toBe('userId');
  });
});

describe('who sees and touches which employees', () => {
  async function setup() {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup = await t.userWith('supervisor');
    const idle = await t.userWith('supervisor'); // supervises nothing
    const login = await t.userWith('employee');
    const stranger = await t.userWith('employee'); // no employee record
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
      supervisorUserId: sup.userId, // even as direct supervisor: the department decides
    });
    return { t, o, sup, idle, login, stranger, mine, theirs };
  }

  it('a supervisor cannot touch another department: reads are scoped (404), org writes are 403', async () => {
    const { t, o, sup, idle, mine, theirs } = await setup();
    expect(ids(await ok(sup.get('/employees')))).toEqual([mine.id]);
    expect(ids(await ok(sup.get(`/employees?departmentId=${o.baoan}`)))).toEqual([]);
    expect(ids(await ok(sup.get('/employees?q=BA001')))).toEqual([]);
    expect((await ok(sup.get(`/employees/${mine.id}`))).name).toBe('李娜');
    const other = await sup.get(`/employees/${theirs.id}`);
    expectError(other, 404, 'NOT_FOUND');
    expect(JSON.stringify(other.body)).not.toContain('王芳');
    // The structure itself is readable.
    expect((await ok(sup.get('/departments'))).items).toHaveLength(2);
    expect((await ok(sup.get('/positions'))).items).toHaveLength(3);
    expect((await ok(sup.get(`/departments/${o.baoan}`))).name).toBe('保安部');

    const state = async () => rows('SELECT * FROM employees WHERE tenant_id = ? ORDER BY id', t.tenantId);
    const before = await state();
    const auditBefore = await count('audit_log', 'tenant_id = ?', t.tenantId);
    for (const [what, res] of [
      ['patch other', sup.patch(`/employees/${theirs.id}`, { name: '改了' })],
      ['patch own', sup.patch(`/employees/${mine.id}`, { departmentId: o.baoan })],
      ['deactivate other', sup.delete(`/employees/${theirs.id}`)],
      [
        'create in other',
        sup.post('/employees', {
          employeeNo: 'X1',
          name: '某',
          departmentId: o.baoan,
          positionId: o.baoanPos,
        }),
      ],
      ['import', importCsv(sup, utf8('工号,姓名,部门,岗位\nBA001,改了,保安部,保安\n'))],
      ['grant self', sup.put(`/departments/${o.baoan}/supervisors`, { userIds: [sup.userId] })],
      ['rename dept', sup.patch(`/departments/${o.baoan}`, { name: '改了' })],
      ['pay', sup.patch(`/positions/${o.baoanPos}`, { baseSalaryFen: 1 })],
    ] as const) {
      expectError(await res, 403, 'FORBIDDEN', what);
    }
    expect(await state()).toEqual(before);
    expect(await count('audit_log', 'tenant_id = ?', t.tenantId)).toBe(auditBefore);

    // A supervisor of no department sees no employee.
    expect(ids(await ok(idle.get('/employees')))).toEqual([]);
    expectError(await idle.get(`/employees/${mine.id}`), 404, 'NOT_FOUND');

    // Moving the employee moves the visibility with it.
    await ok(t.owner.patch(`/employees/${theirs.id}`, { departmentId: o.kefu }));
    expect((await ok(sup.get(`/employees/${theirs.id}`))).name).toBe('王芳');
  });

  it('an employee sees only their own record; auditors read all and change nothing; keys by scope', async () => {
    const { t, o, login, stranger, mine, theirs } = await setup();
    expect((await ok(login.get('/me/employee'))).id).toBe(mine.id);
    expect((await ok(login.get(`/employees/${mine.id}`))).employeeNo).toBe('KF001');
    expectError(await login.get(`/employees/${theirs.id}`), 404, 'NOT_FOUND');
    expectError(await login.get('/employees'), 403, 'FORBIDDEN');
    expectError(await login.get('/departments'), 403, 'FORBIDDEN');
    expectError(await login.get('/positions'), 403, 'FORBIDDEN');
    expectError(await login.patch(`/employees/${mine.id}`, { name: '我自己' }), 403, 'FORBIDDEN');
    expectError(await stranger.get('/me/employee'), 404, 'NOT_FOUND');
    expectError(await t.owner.get('/me/employee'), 404, 'NOT_FOUND');

    const auditor = await t.userWith('auditor');
    expect(ids(await ok(auditor.get('/employees')))).toEqual([theirs.id, mine.id]);
    expect((await ok(auditor.get(`/employees/${theirs.id}`))).name).toBe('王芳');
    expectError(await auditor.patch(`/employees/${theirs.id}`, { name: '改了' }), 403, 'FORBIDDEN');
    expectError(await auditor.post('/departments', { name: '新部门' }), 403, 'FORBIDDEN');

    const reader = await t.keyWith('org:read');
    expect(ids(await ok(reader.get('/employees')))).toEqual([theirs.id, mine.id]);
    expectError(
      await reader.post('/positions', { name: '领班', baseSalaryFen: 1, bonusBaseFen: 1 }),
      403,
      'FORBIDDEN',
    );
    expectError(await reader.get('/me/employee'), 403, 'FORBIDDEN');
    const writer = await t.keyWith('org:write');
    const made = await newEmployee(writer, {
      employeeNo: 'KF003',
      name: '陈静',
      departmentId: o.kefu,
      positionId: o.qiantai,
    });
    const [entry] = await rows<{ actor_type: string; actor_id: string }>(
      "SELECT actor_type, actor_id FROM audit_log WHERE tenant_id = ? AND entity_id = ? AND action = 'employee.create'",
      t.tenantId,
      made.id,
    );
    expect(entry).toEqual({ actor_type: 'api_key', actor_id: writer.keyId });
    const noScope = await t.keyWith('evaluations:read');
    expectError(await noScope.get('/employees'), 403, 'FORBIDDEN');
  });
});

describe('tenant isolation', () => {
  it("another company's ids are 404 on every org route, and nothing of A changes or leaks", async () => {
    const a = await newTenant('A公司');
    const oa = await orgOf(a);
    const supA = await a.userWith('supervisor');
    await ok(a.owner.put(`/departments/${oa.kefu}/supervisors`, { userIds: [supA.userId] }));
    const empA = await newEmployee(a.owner, {
      employeeNo: 'A001',
      name: 'A公司的李娜',
      departmentId: oa.kefu,
      positionId: oa.zhuanyuan,
    });
    const b = await newTenant('B公司');
    const ob = await orgOf(b);
    const bKey = await b.keyWith('org:read', 'org:write');

    const snapshot = async () => ({
      departments: await rows('SELECT * FROM departments WHERE tenant_id = ? ORDER BY id', a.tenantId),
      positions: await rows('SELECT * FROM positions WHERE tenant_id = ? ORDER BY id', a.tenantId),
      employees: await rows('SELECT * FROM employees WHERE tenant_id = ? ORDER BY id', a.tenantId),
      supervisors: await rows(
        'SELECT * FROM department_supervisors WHERE tenant_id = ? ORDER BY user_id',
        a.tenantId,
      ),
      audit: await rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', a.tenantId),
    });
    const before = await snapshot();
    const calls: [string, string, unknown?][] = [
      ['GET', `/departments/${oa.kefu}`],
      ['PATCH', `/departments/${oa.kefu}`, { name: '被B改了' }],
      ['DELETE', `/departments/${oa.baoan}`],
      ['PUT', `/departments/${oa.kefu}/supervisors`, { userIds: [] }],
      ['GET', `/positions/${oa.zhuanyuan}`],
      ['PATCH', `/positions/${oa.zhuanyuan}`, { baseSalaryFen: 1 }],
      ['DELETE', `/positions/${oa.qiantai}`],
      ['GET', `/employees/${empA.id}`],
      ['PATCH', `/employees/${empA.id}`, { name: '被B改了' }],
      ['DELETE', `/employees/${empA.id}`],
    ];
    for (const who of [b.owner, bKey]) {
      for (const [method, path, body] of calls) {
        const res = await call(who.creds, method, path, body === undefined ? {} : { body });
        expectError(res, 404, 'NOT_FOUND', `${method} ${path}`);
        expect(JSON.stringify(res.body)).not.toContain('A公司的李娜');
      }
    }
    // A's ids inside B's bodies are not B's: refused, never linked.
    const cross = await b.owner.post('/employees', {
      employeeNo: 'B001',
      name: '某',
      departmentId: oa.kefu,
      positionId: ob.zhuanyuan,
      supervisorUserId: supA.userId,
    });
    expectError(cross, 400, 'VALIDATION_FAILED');
    expect(cross.body.error.details.map((d: any) => d.field)).toEqual(['departmentId', 'supervisorUserId']);
    expectError(
      await b.owner.put(`/departments/${ob.kefu}/supervisors`, { userIds: [supA.userId] }),
      400,
      'VALIDATION_FAILED',
    );
    // Lists and filters show nothing of A.
    for (const path of [
      '/departments',
      '/positions',
      '/employees',
      `/employees?departmentId=${oa.kefu}`,
      '/employees?q=A001',
    ]) {
      const text = JSON.stringify(await ok(b.owner.get(path)));
      for (const secret of [empA.id, oa.kefu, oa.zhuanyuan, 'A公司的李娜'])
        expect(text, path).not.toContain(secret);
    }
    // An import in B that names A's 工号 creates B's own employee; A's stays as it was.
    const imported = await importCsv(b.owner, utf8('工号,姓名,部门,岗位\nA001,B公司的人,客服部,客服专员\n'));
    expect(imported.status, show(imported)).toBe(200);
    expect(imported.body).toMatchObject({ creates: 1, updates: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
