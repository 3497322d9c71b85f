import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, fill } from './browser';
import { enforceCsp, PageWatch, shoot } from './ui';
import { approveAndClose, exportPayroll, keyLifecycle, resolveFromOverview, verifyAudit } from './walk/close';
import { appealOnPhone, narrowInBoth } from './walk/employee';
import { assign, importEmployees, invite, openMonth, organise } from './walk/org';
import { choosePassword } from './walk/password';
import { openEvaluation, recordAndSubmit, requiredInputs } from './walk/record';
import { buildScheme, signUp } from './walk/setup';

const baseUrl = inject('baseUrl');
const chromium = browserForFile();

async function desk(): Promise<{ page: Page; watch: PageWatch }> {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await enforceCsp(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { page, watch: new PageWatch(page) };
}

async function signIn(page: Page, slug: string, login: { email: string; password: string }) {
  await page.goto(`${baseUrl}/#/login`);
  await fill(page, '企业标识', slug);
  await fill(page, '邮箱', login.email);
  await fill(page, '密码', login.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.locator('#company').count()).toBe(1);
}

describe('the whole month through the dashboard alone', () => {
  it('signs up, builds and publishes a scheme, imports staff, opens, records, appeals on a phone, resolves, approves, closes, exports, audits', async () => {
    const slug = `walk-${Date.now().toString(36)}`;
    const { page: hr, watch } = await desk();

    await signUp(hr, watch, baseUrl, slug);
    // The strict policy is in force on these pages: an inline script does not run (the app has none).
    const inline = await hr.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(s);
      return document.body.dataset.inline ?? 'refused';
    });
    expect(inline).toBe('refused');
    watch.expectConsole(/Content Security Policy/);
    const schemeId = await buildScheme(hr);
    const people = await invite(hr, slug);
    await shoot(hr, 'users');
    await organise(hr, people.employee.email);
    await importEmployees(hr, people.supervisor.email);
    await assign(hr, schemeId, baseUrl);
    await openMonth(hr, watch);

    // A leaver: 王强 leaves mid-month; HR gives the reason in the dialog that asks first.
    const leaver = hr.locator('#ranking tbody tr', { hasText: '王强' });
    await leaver.getByRole('button', { name: '移出' }).click();
    const dialog = hr.locator('dialog#confirm');
    expect(await dialog.locator('button.danger').isDisabled(), 'a reason is required').toBe(true);
    await dialog.locator('textarea').fill('11月15日离职');
    await dialog.locator('button.danger').click();
    await expect.poll(() => hr.locator('#ranking tbody tr').count()).toBe(2);
    // …and rejoins as a late joiner, then leaves again: both directions work in an open month.
    await hr.getByLabel('本月新入职员工').selectOption({ label: 'KF003 王强' });
    await hr.getByRole('button', { name: '加入本周期' }).click();
    await expect.poll(() => hr.locator('#ranking tbody tr').count()).toBe(3);
    await hr.locator('#ranking tbody tr', { hasText: '王强' }).getByRole('button', { name: '移出' }).click();
    await dialog.locator('textarea').fill('调岗至保洁部，不参加本月客服考核');
    await dialog.locator('button.danger').click();
    await expect.poll(() => hr.locator('#ranking tbody tr').count()).toBe(2);

    // The supervisor records and submits 张敏's month, and fills in 李娜's.
    // His first sign-in: the password HR gave him is replaced by his own before anything else.
    const { page: sup, watch: supWatch } = await desk();
    await signIn(sup, slug, people.supervisor);
    people.supervisor = await choosePassword(sup, people.supervisor, 'zhou-own-choice-1', {
      watch: supWatch,
      shot: { name: 'first-password' },
    });
    const total = await recordAndSubmit(sup, supWatch);
    await openEvaluation(sup, '李娜');
    await requiredInputs(sup, '1500');

    // 张敏 appeals on her phone.
    const emp = await appealOnPhone(chromium.browser, baseUrl, slug, people.employee);

    await resolveFromOverview(hr, total);
    await approveAndClose(hr, watch);

    // 张敏's locked month still fits her phone, in both languages.
    await emp.page.locator('header nav').getByRole('link', { name: '我的考核' }).click();
    await expect.poll(() => emp.page.locator('#months').textContent()).toContain('已锁定');
    await narrowInBoth(emp.page);
    await emp.page.locator('#months a').first().click();
    await expect.poll(() => emp.page.locator('#status').textContent()).toBe('已锁定');
    await narrowInBoth(emp.page);
    expect(await emp.page.locator('#actions').count(), 'nothing left to do').toBe(0);
    // Later, from her name in the bar: 我的账号, where she changes her password again.
    await emp.page.locator('#who').click();
    await expect.poll(() => emp.page.locator('h1').textContent()).toBe('我的账号');
    await fill(emp.page, '当前密码', 'zhang-own-choice-1');
    await fill(emp.page, '新密码', 'zhang-second-choice-2');
    await fill(emp.page, '再次输入新密码', 'zhang-second-choice-2');
    await emp.page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => emp.page.locator('#password-done').textContent()).toContain('密码已修改');
    await narrowInBoth(emp.page);
    await shoot(emp.page, 'account', [375]);
    emp.watch.assertClean();
    await emp.close();

    await exportPayroll(hr);
    await keyLifecycle(hr, baseUrl);
    await verifyAudit(hr);
    supWatch.assertClean();
    watch.assertClean();
  }, 600_000);
});
