import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant, PASSWORD, signIn, uniqueSlug } from '../../helpers/tenant';
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

describe("a password built from the account's own details", () => {
  it('sign-up refuses "Greenview2026" for the company Greenview (slug greenview), in zh-CN and en', async () => {
    const slug = uniqueSlug('greenview');
    const body = (password: string, adminName = '王丽') => ({
      companyName: 'Greenview',
      slug,
      adminName,
      email: `hr@${slug}.example`,
      password,
    });
    const before = await count('tenants');
    for (const pw of ['Greenview2026', 'greenview-2026', `${slug}!`, 'WangLi2026']) {
      const res = await call(none, 'POST', '/signup', { body: body(pw, 'Wang Li'), lang: 'en' });
      expectError(res, 400, 'VALIDATION_FAILED', pw);
      expect(passwordIssue(res.body)?.message, `${pw}: ${show(res)}`).toMatch(
        /^password is built from the company name, slug, e-mail or the person’s name/,
      );
    }
    const zh = await call(none, 'POST', '/signup', { body: body('Greenview2026') });
    expect(passwordIssue(zh.body)?.message, show(zh)).toContain('密码由企业名称、企业标识、邮箱或姓名组成');
    expect(await count('tenants'), 'no company made').toBe(before);
    // The same password is fine for a company it says nothing about.
    const other = uniqueSlug('lvyuan');
    const elsewhere = await call(none, 'POST', '/signup', {
      body: {
        companyName: '绿苑物业',
        slug: other,
        adminName: '王丽',
        email: `hr@${other}.example`,
        password: 'Greenview2026',
      },
    });
    expect(elsewhere.status, show(elsewhere)).toBe(201);
  });

  it("a new user's password may not be built from their e-mail, their name, or the company's slug", async () => {
    const t = await newTenant();
    const user = (password: string) => ({
      email: `liuyang@${t.slug}.example`,
      name: 'Liu Yang',
      role: 'employee',
      password,
    });
    for (const pw of ['liuyang-2026', `${t.slug}!`]) {
      const res = await t.owner.post('/users', user(pw), { lang: 'en' });
      expectError(res, 400, 'VALIDATION_FAILED', pw);
      expect(passwordIssue(res.body), `${pw}: ${show(res)}`).toBeDefined();
    }
    expect((await t.owner.post('/users', user('plum-kettle-visa-31'))).status).toBe(201);
  });

  it('a password change is judged against the user it is for, and a refused one changes nothing', async () => {
    const t = await newTenant();
    const created = await t.owner.post('/users', {
      email: `zhaolei@${t.slug}.example`,
      name: 'Zhao Lei',
      role: 'employee',
      password: PASSWORD,
    });
    expect(created.status, show(created)).toBe(201);
    const changed = await t.owner.patch(`/users/${created.body.id}`, { password: 'ZhaoLei2026' });
    expectError(changed, 400, 'VALIDATION_FAILED');
    expect(passwordIssue(changed.body), show(changed)).toBeDefined();
    const renamed = await t.owner.patch(`/users/${created.body.id}`, {
      name: 'Sun Mei',
      password: 'SunMei2026',
    });
    expectError(renamed, 400, 'VALIDATION_FAILED', 'judged against the new name');
    expect(
      (await signIn(t.slug, `zhaolei@${t.slug}.example`)).creds.kind,
      'the old password still works',
    ).toBe('session');
  });
});
