import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill } from '../browser';
import { expectClean, expectOneH1, type PageWatch, shoot } from '../ui';

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/**
 * The first sign-in of someone HR invited: before anything else the app asks them to replace
 * the password HR gave them with their own. With `watch`, the two mistakes come first: a repeat
 * that differs (caught in the page, nothing sent) and the same password again (the API's 400,
 * shown at the field). Answers the new login.
 */
export async function choosePassword(
  page: Page,
  login: { email: string; password: string },
  next: string,
  { watch, shot }: { watch?: PageWatch; shot?: { name: string; widths?: number[] } } = {},
) {
  await expect.poll(() => text(page, 'h1')).toBe('设置你自己的密码');
  expect(await page.locator('header nav').count(), 'nowhere else to go yet').toBe(0);
  await expectOneH1(page);
  if (shot) await shoot(page, shot.name, shot.widths);
  const form = page.locator('#password-form');
  const error = (label: string) =>
    page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');
  if (watch) {
    await fill(page, '当前密码', login.password);
    await fill(page, '新密码', next);
    await fill(page, '再次输入新密码', `${next}x`);
    await form.getByRole('button', { name: '保存并继续' }).click();
    await expect
      .poll(() => error('再次输入新密码').textContent())
      .toBe('再次输入新密码：两次输入的新密码不一致');

    watch.expectRefusal(/^400 POST \/api\/v1\/auth\/password$/);
    await fill(page, '新密码', login.password);
    await fill(page, '再次输入新密码', login.password);
    await form.getByRole('button', { name: '保存并继续' }).click();
    await expect.poll(() => error('新密码').textContent()).toMatch(/^新密码：.*相同/);
    expectClean(await error('新密码').textContent());
    expect(await text(page, 'h1')).toBe('设置你自己的密码');
  }
  await fill(page, '当前密码', login.password);
  await fill(page, '新密码', next);
  await fill(page, '再次输入新密码', next);
  await form.getByRole('button', { name: '保存并继续' }).click();
  await expect.poll(() => page.locator('header nav').count()).toBe(1);
  return { email: login.email, password: next };
}
