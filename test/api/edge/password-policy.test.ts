import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant, uniqueSlug } from '../../helpers/tenant';
import { count, expectError, show } from '../support';

const none = { kind: 'none' } as const;
const weak = ['aaaaaaaaaa', '1234567890', '          ', 'password123', 'qwertyuiop', '1qaz2wsx3edc'];

const passwordIssue = (body: any) =>
  (body?.error?.details ?? []).find((d: { field: string }) => d.field === 'password');

describe('password policy', () => {
  it.each(weak)('sign-up refuses %j, naming the password field, and creates no company', async (pw) => {
    const before = await count('tenants');
    const slug = uniqueSlug('pw');
    const res = await call(none, 'POST', '/signup', {
      body: { companyName: '弱口令物业', slug, adminName: '王丽', email: `a@${slug}.example`, password: pw },
      lang: 'en',
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(passwordIssue(res.body), show(res)).toBeDefined();
    expect(await count('tenants')).toBe(before);
  });

  it('says why, in zh-CN and en: whitespace, one repeated character, too common', async () => {
    const slug = uniqueSlug('pw');
    const body = (password: string) => ({
      companyName: '物业',
      slug,
      adminName: '王丽',
      email: `a@${slug}.example`,
      password,
    });
    const blank = await call(none, 'POST', '/signup', { body: body('            ') });
    expect(passwordIssue(blank.body)?.message, show(blank)).toContain('不能全是空白字符');
    const repeated = await call(none, 'POST', '/signup', { body: body('aaaaaaaaaaaa'), lang: 'en' });
    expect(passwordIssue(repeated.body)?.message, show(repeated)).toBe(
      'password must not be a single character repeated',
    );
    const common = await call(none, 'POST', '/signup', { body: body('iloveyou12'), lang: 'en' });
    expect(passwordIssue(common.body)?.message, show(common)).toMatch(/too common or too easy to guess/);
  });

  it('the same policy for a new user and for a password change, and the old password still works', async () => {
    const t = await newTenant();
    const created = await t.owner.post('/users', {
      email: `weak@${t.slug}.example`,
      name: '弱',
      role: 'employee',
      password: '1234567890',
    });
    expectError(created, 400, 'VALIDATION_FAILED');
    expect(passwordIssue(created.body), show(created)).toBeDefined();

    const user = await t.userWith('employee');
    const changed = await t.owner.patch(`/users/${user.userId}`, { password: 'abcdefghij' });
    expectError(changed, 400, 'VALIDATION_FAILED');
    expect(passwordIssue(changed.body), show(changed)).toBeDefined();
    expect((await user.get('/me')).status, 'a refused change does not end the session').toBe(200);

    const strong = await t.owner.patch(`/users/${user.userId}`, { password: 'plum-kettle-visa-31' });
    expect(strong.status, show(strong)).toBe(200);
  });
});
