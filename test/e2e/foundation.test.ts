import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fill, launchBrowser } from './browser';
import { ApiSession } from './month';
import { expectClean, expectOneH1, PageWatch, tabTo, unlabelled } from './ui';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signed out, by keyboard, in both languages', () => {
  it('logs no console error signed out, has a skip link and one h1, and signs in by keyboard alone', async () => {
    const slug = `e2e-kb-${Date.now().toString(36)}`;
    const login = { email: `hr@${slug}.example`, password: 'keyboard-pass-1' };
    await new ApiSession(baseUrl).must('POST', '/signup', {
      companyName: '键盘测试物业',
      slug,
      adminName: '李娜',
      ...login,
    });

    const page = await browser.newPage();
    const watch = new PageWatch(page);
    for (const route of ['#/', '#/login', '#/signup', '#/evaluations']) {
      await page.goto(`${baseUrl}/${route}`);
      await expect.poll(() => page.locator('h1').count()).toBe(1);
      expect(await unlabelled(page), route).toEqual([]);
    }
    expect(watch.refusals, 'signed out, the page does not even ask who is signed in').toEqual([]);

    await page.goto(`${baseUrl}/#/login`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('登录');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await tabTo(page, 'input[autocomplete="organization"]');
    await page.keyboard.type(slug);
    await page.keyboard.press('Tab');
    await page.keyboard.type(login.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(login.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#company').textContent()).toBe('键盘测试物业');
    await expectOneH1(page);
    watch.assertClean();
    await page.close();
  });

  it('a wrong password says so, in both languages, not that a session ended', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/#/login`);
    await fill(page, '企业标识', 'no-such-company');
    await fill(page, '邮箱', 'nobody@example.com');
    await fill(page, '密码', 'not-the-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.locator('[role="alert"]').first();
    await expect.poll(() => alert.textContent()).toContain('企业标识、邮箱或密码错误');
    expect(await page.textContent('body')).not.toContain('登录已失效');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.locator('[role="alert"]').first().textContent())
      .toContain('Wrong company slug, e-mail or password');
    await page.close();
  });

  it('names each wrong field by its label, in English too, without codes or regexes', async () => {
    const page = await browser.newPage();
    const watch = new PageWatch(page);
    await page.goto(`${baseUrl}/#/signup`);
    await fill(page, '企业名称', '半填的表单');
    await page.getByRole('button', { name: 'English' }).click();
    // What was typed survives the switch.
    expect(await page.getByLabel('Company name', { exact: true }).inputValue()).toBe('半填的表单');
    await fill(page, 'Company slug', 'NO SPACES');
    await fill(page, 'Admin name', 'Ann');
    await fill(page, 'E-mail', 'ann@example.com');
    await fill(page, 'Password', 'short');
    watch.expectRefusal(/^400 POST \/api\/v1\/signup$/);
    await page.getByRole('button', { name: 'Sign up a company' }).click();
    const errors = page.locator('.field-error');
    await expect.poll(() => errors.count()).toBe(2);
    const [slugError, passwordError] = await errors.allTextContents();
    expect(slugError).toMatch(/^Company slug: /);
    expect(passwordError).toBe('Password: must be at least 10 characters');
    for (const e of await errors.allTextContents()) expectClean(e, 'en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '注册企业' }).click();
    await expect.poll(() => errors.first().textContent()).toMatch(/^企业标识：/);
    for (const e of await errors.allTextContents()) expectClean(e);
    watch.expectRefusal(/^400 POST \/api\/v1\/signup$/);
    watch.assertClean();
    await page.close();
  });
});
