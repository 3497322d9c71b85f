import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fill, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signUp(page: Page, slug: string) {
  await page.goto(`${baseUrl}/#/signup`);
  await fill(page, '企业名称', '浏览器测试物业');
  await fill(page, '企业标识', slug);
  await fill(page, '管理员姓名', '李娜');
  await fill(page, '邮箱', `hr@${slug}.example`);
  await fill(page, '密码', 'browser-pass-123');
  await page.getByRole('button', { name: '注册企业' }).click();
  await expect.poll(() => page.locator('#company').textContent()).toBe('浏览器测试物业');
}

describe('dashboard in Chromium', () => {
  it('signs up, creates an API key shown once, verifies the audit chain, signs out and in again', async () => {
    const page = await browser.newPage();
    const slug = `e2e-${Date.now().toString(36)}`;
    await signUp(page, slug);
    expect(await page.locator('#welcome').textContent()).toContain('李娜');
    expect(await page.locator('#role').textContent(), 'the role is named in Chinese, not by its code').toBe(
      '所有者',
    );

    await page.getByRole('link', { name: 'API 密钥' }).click();
    await fill(page, '名称', '呼叫中心');
    await page.getByLabel('metrics:write').check();
    await page.getByRole('button', { name: '创建' }).click();
    const secret = await page.locator('#secret').textContent();
    expect(secret).toMatch(/^pek_[0-9A-Za-z]{32,}$/);
    await expect.poll(() => page.locator('table').textContent()).toContain('呼叫中心');

    // The key works against the API, from outside the browser.
    const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);

    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await expect.poll(() => page.locator('#verdict').textContent()).toMatch(/哈希链完整，共 \d+ 条/);
    expect(await page.locator('table').textContent()).toContain('api_key.create');

    await page.locator('#logout').click();
    await expect.poll(() => page.getByRole('button', { name: '登录' }).count()).toBe(1);
    await fill(page, '企业标识', slug);
    await fill(page, '邮箱', `hr@${slug}.example`);
    await fill(page, '密码', 'wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('企业标识、邮箱或密码错误');
    await fill(page, '密码', 'browser-pass-123');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('#company').textContent()).toBe('浏览器测试物业');
    await page.close();
  });

  it('shows server validation errors per field, and switches to English', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/#/signup`);
    await page.getByRole('button', { name: 'English' }).click();
    await fill(page, 'Company name', 'X');
    await fill(page, 'Company slug', 'NO SPACES');
    await fill(page, 'Admin name', 'Ann');
    await fill(page, 'E-mail', 'ann@example.com');
    await fill(page, 'Password', 'short');
    await page.getByRole('button', { name: 'Sign up a company' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('slug');
    expect(await alert.textContent()).toContain('password must be at least 10 characters');
    await page.close();
  });
});
