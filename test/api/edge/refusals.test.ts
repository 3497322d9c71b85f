import { describe, expect, it } from 'vitest';
import { newTenant } from '../../helpers/tenant';
import { expectError, show } from '../support';

describe('a refusal names who would be allowed', () => {
  it('a person with the wrong role is told the roles that may, in zh-CN and en', async () => {
    const t = await newTenant();
    const employee = await t.userWith('employee');
    const en = await employee.post('/departments', { name: '客服部' }, { lang: 'en' });
    expectError(en, 403, 'FORBIDDEN');
    expect(en.body.error.message, show(en)).toBe(
      'Your role (employee) may not do this; allowed roles: owner, admin (HR)',
    );
    expect(en.body.error.details, show(en)).toEqual({
      allowed: { roles: ['owner', 'admin'], scopes: ['org:write'] },
    });
    const zh = await employee.post('/departments', { name: '客服部' });
    expect(zh.body.error.message, show(zh)).toBe(
      '您的角色（员工（employee））不能执行此操作；可以执行的角色：所有者（owner）、管理员（人事）（admin）',
    );
  });

  it('a key without the scope is told the scopes that would do', async () => {
    const t = await newTenant();
    const key = await t.keyWith('metrics:write');
    const res = await key.get('/audit-log', { lang: 'en' });
    expectError(res, 403, 'FORBIDDEN');
    expect(res.body.error.message, show(res)).toBe(
      'This API key lacks the scope for this; it needs one of: audit:read',
    );
    const zh = await key.get('/audit-log');
    expect(zh.body.error.message, show(zh)).toBe('此 API 密钥没有所需的范围；需要以下之一：audit:read');
  });

  it('a key on a route for people only is told that only a signed-in user may, and with which roles', async () => {
    const t = await newTenant();
    const key = await t.keyWith('org:write', 'org:read');
    const res = await key.post(
      '/users',
      { email: 'x@y.example', name: 'x', role: 'employee', password: 'plum-kettle-visa-31' },
      { lang: 'en' },
    );
    expectError(res, 403, 'FORBIDDEN');
    expect(res.body.error.message, show(res)).toMatch(
      /^An API key may not do this; only a signed-in user may, with one of the roles: owner/,
    );
    expect(res.body.error.details.allowed.scopes).toEqual([]);
  });
});
