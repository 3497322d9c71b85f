import { describe, expect, it } from 'vitest';
import { newTenant, type TestTenant } from '../../helpers/tenant';
import { count, expectError, rows } from '../support';
import { fromHex, importCsv, newEmployee, ok, orgOf, show, utf8 } from './org-fixtures';

/**
 * A file as Excel in China saves "CSV (逗号分隔)": GBK, CRLF, a quoted name with a comma.
 * Made once with Python: `'工号,姓名,部门,岗位,在职\r\nKF101,张伟,客服部,客服专员,是\r\n'
 * 'KF102,"李娜, 小李",客服部,前台接待,否\r\nBA201,欧阳建国,保安部,保安,1\r\n'.encode('gbk').hex()`.
 */
const GBK_FILE = fromHex(
  'b9a4bac52cd0d5c3fb2cb2bfc3c52cb8dacebb2cd4dad6b00d0a4b463130312cd5c5ceb02cbfcdb7feb2bf2cbfcdb7fed7a8d4b1' +
    '2ccac70d0a4b463130322c22c0eec4c82c20d0a1c0ee222cbfcdb7feb2bf2cc7b0cca8bdd3b4fd2cb7f10d0a42413230312cc5b7' +
    'd1f4bda8b9fa2cb1a3b0b2b2bf2cb1a3b0b22c310d0a',
);
/** `'吉𠮷'.encode('gb18030').hex()`: 𠮷 (U+20BB7) exists only in GB18030, as four bytes. */
const GB18030_NAME = fromHex('bcaa9534b235');

const staff = (t: TestTenant) =>
  rows<{
    employee_no: string;
    name: string;
    department_id: string;
    position_id: string;
    active: number;
    supervisor_user_id: string | null;
  }>(
    'SELECT employee_no, name, department_id, position_id, active, supervisor_user_id FROM employees WHERE tenant_id = ? ORDER BY employee_no',
    t.tenantId,
  );
const counts = async (t: TestTenant) => ({
  employees: await count('employees', 'tenant_id = ?', t.tenantId),
  audit: await count('audit_log', 'tenant_id = ?', t.tenantId),
});
const auditOf = (t: TestTenant, requestId: string | null) =>
  rows<{ action: string; entity_id: string; before: string | null; after: string | null }>(
    'SELECT action, entity_id, before, after FROM audit_log WHERE tenant_id = ? AND request_id = ? ORDER BY seq',
    t.tenantId,
    requestId,
  );

describe('CSV import of employees', () => {
  it('UTF-8 with BOM imports (dry run first writes nothing); supervisor by e-mail; each row audited in the batch', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup = await t.userWith('supervisor');
    const csv =
      'employeeNo,Name,Department,Position,supervisorEmail,active\r\n' +
      `KF001,李娜,客服部,客服专员,${sup.email.toUpperCase()},true\r\n` +
      'KF002,"张 ""小张"" 伟",客服部,前台接待,,\r\n' +
      ',,,,,\r\n' + // Excel's empty trailing rows are not rows
      '\r\n';
    const file = utf8(csv, true);
    const before = await counts(t);

    const dry = await importCsv(t.owner, file, { dryRun: true });
    expect(dry.status, show(dry)).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 2, creates: 2, updates: 0, unchanged: 0, errors: [] });
    expect(await counts(t)).toEqual(before);

    const real = await importCsv(t.owner, file, { dryRun: false });
    expect(real.status, show(real)).toBe(200);
    expect(real.body).toEqual({ dryRun: false, rows: 2, creates: 2, updates: 0, unchanged: 0, errors: [] });
    expect(await staff(t)).toEqual([
      {
        employee_no: 'KF001',
        name: '李娜',
        department_id: o.kefu,
        position_id: o.zhuanyuan,
        active: 1,
        supervisor_user_id: sup.userId,
      },
      {
        employee_no: 'KF002',
        name: '张 "小张" 伟',
        department_id: o.kefu,
        position_id: o.qiantai,
        active: 1,
        supervisor_user_id: null,
      },
    ]);
    const audit = await auditOf(t, real.headers.get('X-Request-Id'));
    expect(audit.map((e) => e.action)).toEqual(['employee.create', 'employee.create', 'employee.import']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      employeeNo: 'KF001',
      name: '李娜',
      source: 'import',
    });
    expect(JSON.parse(audit[2]!.after!)).toEqual({ rows: 2, creates: 2, updates: 0, unchanged: 0 });
    expect((await counts(t)).audit).toBe(before.audit + 3);
    // The audit chain still verifies with the import in it.
    expect((await ok(t.owner.get('/audit-log/verify'))).ok).toBe(true);
  });

  it('GBK (what Excel in China writes) imports, and the names come out right in Chinese', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const res = await importCsv(t.owner, GBK_FILE);
    expect(res.status, show(res)).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 3, creates: 3, errors: [] });
    expect(await staff(t)).toEqual([
      {
        employee_no: 'BA201',
        name: '欧阳建国',
        department_id: o.baoan,
        position_id: o.baoanPos,
        active: 1,
        supervisor_user_id: null,
      },
      {
        employee_no: 'KF101',
        name: '张伟',
        department_id: o.kefu,
        position_id: o.zhuanyuan,
        active: 1,
        supervisor_user_id: null,
      },
      {
        employee_no: 'KF102',
        name: '李娜, 小李',
        department_id: o.kefu,
        position_id: o.qiantai,
        active: 0,
        supervisor_user_id: null,
      },
    ]);
    const listed = await ok(t.owner.get('/employees?q=KF102'));
    expect(listed.items[0].name).toBe('李娜, 小李');

    // GB18030-only characters decode too, here with the charset named in the Content-Type.
    const gbHeader = fromHex('b9a4bac52cd0d5c3fb2cb2bfc3c52cb8dacebb0a4b463130332c'); // 工号,姓名,部门,岗位\nKF103,
    const gbTail = fromHex('2cbfcdb7feb2bf2cbfcdb7fed7a8d4b10a'); // ,客服部,客服专员\n
    const file = new Uint8Array([...gbHeader, ...GB18030_NAME, ...gbTail]);
    const named = await importCsv(t.owner, file, { contentType: 'text/csv; charset=GB18030' });
    expect(named.status, show(named)).toBe(200);
    expect((await ok(t.owner.get('/employees?q=KF103'))).items[0].name).toBe('吉𠮷');
  });

  it('a file with bad rows imports nothing: the dry run names every bad row by line and field, the real run is a 400', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const admin = await t.userWith('admin');
    await newEmployee(t.owner, {
      employeeNo: 'KF001',
      name: '李娜',
      departmentId: o.kefu,
      positionId: o.zhuanyuan,
    });
    const csv = [
      '工号,姓名,部门,岗位,上级,在职', // 1
      'KF001,李娜娜,客服部,客服专员,,是', // 2: fine (an update)
      'KF002,王芳,保洁部,客服专员,,是', // 3: unknown department
      'KF003,,客服部,客服专员,,是', // 4: empty name
      'KF004,"赵', // 5: a quoted name over two lines (a name is one line) …
      '敏",客服部,客服专员,,也许', // 6: … and a bad active flag (both reported on line 5, where the row starts)
      'KF002,陈静,客服部,前台接待,,否', // 7: duplicate 工号 (line 3)
      `KF005,刘洋,客服部,领班,${admin.email},1`, // 8: unknown position, and the 上级 is not a supervisor
      '工号 6,孙丽,客服部,客服专员,,0', // 9: bad 工号
      'KF007,周杰,客服部,客服专员,,1,多余', // 10: a cell beyond the header
      'KF008,吴磊,保安部,保安,,否', // 11: fine (a create)
    ].join('\n');
    const before = await counts(t);
    const stateBefore = await staff(t);

    const dry = await importCsv(t.owner, utf8(csv), { dryRun: true, lang: 'en' });
    expect(dry.status, show(dry)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 9, creates: 1, updates: 1 }); // lines 5–6 are one row
    const found = dry.body.errors.map((e: any) => `${e.line}:${e.field}:${e.code}`);
    expect(found).toEqual([
      '3:department:unknownDepartment',
      '4:name:required',
      '5:name:line_break',
      '5:active:badActive',
      '7:employeeNo:duplicate',
      '8:position:unknownPosition',
      '8:supervisorEmail:unknownSupervisor',
      '9:employeeNo:employeeNo',
      '10:(row):extraCells',
    ]);
    const dupMsg = dry.body.errors.find((e: any) => e.code === 'duplicate').message;
    // The column as the file names it.
    expect(dupMsg).toBe('line 7, 工号: KF002 appears twice in the file: lines 3 and 7');
    expect(await counts(t)).toEqual(before);

    const zh = await importCsv(t.owner, utf8(csv), { dryRun: true });
    expect(zh.body.errors[0].message).toBe('第 3 行「部门」：没有名为「保洁部」的部门');

    const real = await importCsv(t.owner, utf8(csv), { lang: 'en' });
    expectError(real, 400, 'VALIDATION_FAILED');
    expect(real.body.error.message).toBe('The file has 9 problem(s); nothing was imported');
    expect(real.body.error.details).toEqual(dry.body.errors);
    expect(await counts(t)).toEqual(before);
    expect(await staff(t)).toEqual(stateBefore);
  });

  it('re-importing upserts by 工号: changes are updates (audited with before/after), the same row is unchanged', async () => {
    const t = await newTenant();
    const o = await orgOf(t);
    const sup = await t.userWith('supervisor');
    await ok(
      importCsv(
        t.owner,
        utf8(
          `工号,姓名,部门,岗位,上级\nKF001,李娜,客服部,客服专员,${sup.email}\nKF002,张伟,客服部,客服专员,\n`,
        ),
      ),
    );
    const login = await t.userWith('employee');
    const kf1 = (await ok(t.owner.get('/employees?q=KF001'))).items[0];
    await ok(t.owner.patch(`/employees/${kf1.id}`, { userId: login.userId }));

    // No 上级 column and no 在职 column: those stay as they are.
    const res = await importCsv(
      t.owner,
      utf8('姓名,工号,部门,岗位\n李娜,KF001,保安部,保安\n张伟,KF002,客服部,客服专员\n'),
    );
    expect(res.status, show(res)).toBe(200);
    expect(res.body).toEqual({ dryRun: false, rows: 2, creates: 0, updates: 1, unchanged: 1, errors: [] });
    const after = await ok(t.owner.get(`/employees/${kf1.id}`));
    expect(after).toMatchObject({
      id: kf1.id,
      departmentId: o.baoan,
      positionId: o.baoanPos,
      supervisorUserId: sup.userId,
      userId: login.userId,
      active: true,
      createdAt: kf1.createdAt,
    });
    const audit = await auditOf(t, res.headers.get('X-Request-Id'));
    expect(audit.map((e) => e.action)).toEqual(['employee.update', 'employee.import']);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ departmentId: o.kefu });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ departmentId: o.baoan });

    // Deactivating through the file.
    await ok(importCsv(t.owner, utf8('工号,姓名,部门,岗位,在职\nKF002,张伟,客服部,客服专员,否\n')));
    expect((await ok(t.owner.get('/employees?active=false'))).items.map((e: any) => e.employeeNo)).toEqual([
      'KF002',
    ]);
    // Nothing changed at all: nothing is written, not even the summary entry.
    const before = await counts(t);
    const same = await ok(importCsv(t.owner, utf8('工号,姓名,部门,岗位\nKF002,张伟,客服部,客服专员\n')));
    expect(same).toMatchObject({ updates: 0, unchanged: 1 });
    expect(await counts(t)).toEqual(before);
  });

  it('header, encoding, syntax and size problems are clear, and write nothing', async () => {
    const t = await newTenant();
    await orgOf(t);
    const before = await counts(t);

    const header = await importCsv(t.owner, utf8('工号,姓名,岗位,备注\nKF1,李娜,客服专员,x\n'), {
      dryRun: true,
      lang: 'en',
    });
    expect(header.status, show(header)).toBe(200);
    expect(header.body.errors.map((e: any) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '1:备注:unknownColumn',
      '1:department:missingColumn',
    ]);
    expectError(
      await importCsv(t.owner, utf8('工号,姓名,岗位\nKF1,李娜,客服专员\n')),
      400,
      'VALIDATION_FAILED',
    );

    const unclosed = await importCsv(
      t.owner,
      utf8('工号,姓名,部门,岗位\nKF1,"李娜,客服部,客服专员\nKF2,张伟,客服部,客服专员\n'),
      {
        dryRun: true,
      },
    );
    expect(unclosed.body.errors).toEqual([
      expect.objectContaining({ line: 2, field: '(csv)', code: 'unclosed_quote' }),
    ]);

    const notText = await importCsv(t.owner, new Uint8Array([0x41, 0x2c, 0xff, 0xfe, 0xff, 0x0a]), {
      lang: 'en',
    });
    expectError(notText, 400, 'VALIDATION_FAILED');
    expect(notText.body.error.message).toContain('neither UTF-8 nor GBK');

    expectError(await importCsv(t.owner, utf8('工号,姓名,部门,岗位\n')), 400, 'VALIDATION_FAILED');
    expectError(await importCsv(t.owner, utf8('')), 400, 'VALIDATION_FAILED');

    for (const ct of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
      const r = await importCsv(t.owner, utf8('工号,姓名,部门,岗位\nKF1,李娜,客服部,客服专员\n'), {
        contentType: ct,
        lang: 'en',
      });
      expectError(r, 415, 'UNSUPPORTED_MEDIA_TYPE', ct);
      expect(r.body.error.message).toBe('The request body must be a CSV file (Content-Type: text/csv)');
    }

    const big = [
      '工号,姓名,部门,岗位',
      ...Array.from({ length: 5001 }, (_, i) => `KF${i},员工${i},客服部,客服专员`),
    ];
    const tooMany = await importCsv(t.owner, utf8(big.join('\n')), { dryRun: true, lang: 'en' });
    expectError(tooMany, 400, 'VALIDATION_FAILED');
    expect(tooMany.body.error.message).toContain('5001');
    expect(await counts(t)).toEqual(before);
  });

  it('5,000 rows go in as one atomic batch with their audit entries', async () => {
    const t = await newTenant();
    await orgOf(t);
    const lines = ['工号,姓名,部门,岗位,在职'];
    for (let i = 0; i < 5000; i++)
      lines.push(
        `E${String(i).padStart(5, '0')},员工${i},${i % 2 ? '客服部' : '保安部'},${i % 2 ? '客服专员' : '保安'},是`,
      );
    const file = utf8(lines.join('\r\n'), true);
    const before = await counts(t);
    const res = await importCsv(t.owner, file);
    expect(res.status, show(res)).toBe(200);
    expect(res.body).toMatchObject({ rows: 5000, creates: 5000, errors: [] });
    expect(await counts(t)).toEqual({ employees: before.employees + 5000, audit: before.audit + 5001 });
    expect((await ok(t.owner.get('/audit-log/verify'))).ok).toBe(true);
  });
});
