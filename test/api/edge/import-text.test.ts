import { describe, expect, it } from 'vitest';
import { newTenant } from '../../helpers/tenant';
import { importCsv, ok, orgOf, utf8 } from '../org/org-fixtures';
import { count, expectError, show } from '../support';

/** The employee CSV follows the one-line text rules of the API, cell by cell (worker/lib/text.ts). */
describe('the employee import refuses cells that are not one line of text', () => {
  it('a zero-width character, a bidi override, a control or a quoted line break is named by line and column', async () => {
    const t = await newTenant();
    await orgOf(t);
    const before = await count('employees', 'tenant_id = ?', t.tenantId);
    const file = utf8(
      [
        '工号,姓名,部门,岗位',
        'KF001,李娜,客服部,客服专员',
        'KF002,张\u200b伟,客服部,客服专员',
        'KF003,王芳,客服部\u202e,客服专员',
        'KF\u0000004,赵磊,保安部,保安',
        'KF005,"刘\n洋",保安部,保安',
      ].join('\r\n'),
      true,
    );
    const dry = await importCsv(t.owner, file, { dryRun: true, lang: 'en' });
    expect(dry.status, show(dry)).toBe(200);
    expect(dry.body.errors, show(dry)).toMatchObject([
      {
        line: 3,
        field: 'name',
        code: 'zero_width',
        message: 'line 3, 姓名: must not hold invisible zero-width characters; character 2 is U+200B',
      },
      expect.objectContaining({ line: 4, field: 'department', code: 'bidi_control' }),
      expect.objectContaining({ line: 5, field: 'employeeNo', code: 'control_character' }),
      expect.objectContaining({ line: 6, field: 'name', code: 'line_break' }),
    ]);
    const zh = await importCsv(t.owner, file);
    expectError(zh, 400, 'VALIDATION_FAILED');
    expect(zh.body.error.details[0].message, show(zh)).toBe(
      '第 3 行「姓名」：不能包含不可见的零宽字符，第 2 个字符是 U+200B',
    );
    expect(await count('employees', 'tenant_id = ?', t.tenantId), 'nothing imported').toBe(before);
    // The same file without them imports.
    const clean = utf8('工号,姓名,部门,岗位\r\nKF002,张伟,客服部,客服专员\r\n', true);
    expect((await ok(importCsv(t.owner, clean))).creates).toBe(1);
  });
});
