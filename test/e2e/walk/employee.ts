import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill } from '../browser';
import { cancelDialog, enforceCsp, expectNoSideScroll, expectOneH1, PageWatch, shoot } from '../ui';
import { choosePassword } from './password';

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/** Checks the page at 375 px in Chinese and in English (switching back to Chinese after). */
export async function narrowInBoth(page: Page) {
  await expectNoSideScroll(page);
  await page.locator('#lang').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expectNoSideScroll(page);
  await page.locator('#lang').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
}

/** A phone-width page of its own context (375 × 812, touch), watched for console errors. */
export async function phone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  await enforceCsp(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { page, watch: new PageWatch(page), close: () => context.close() };
}

/**
 * 张敏 on her phone: signs in, finds her month, reads the breakdown first, is asked before
 * confirming (and says no), then appeals the violation with a reason. Every page fits 375 px.
 */
export async function appealOnPhone(
  browser: Browser,
  base: string,
  slug: string,
  login: { email: string; password: string },
) {
  const { page, watch, close } = await phone(browser);
  await page.goto(`${base}/#/login`);
  await narrowInBoth(page);
  await fill(page, '企业标识', slug);
  await fill(page, '邮箱', login.email);
  await fill(page, '密码', login.password);
  await page.getByRole('button', { name: '登录' }).click();
  // Her first sign-in: her own password first, on the phone too.
  await expect.poll(() => text(page, 'h1')).toBe('设置你自己的密码');
  await narrowInBoth(page);
  await choosePassword(page, login, 'zhang-own-choice-1', {
    shot: { name: 'employee-first-password', widths: [375] },
  });
  await expect.poll(() => text(page, 'h1')).toBe('我的考核');
  await expect.poll(() => text(page, '#months')).toContain('2026-11');
  expect(await text(page, '#months')).toContain('等待你确认或申诉');
  await narrowInBoth(page);
  await shoot(page, 'employee-months', [375]);

  await page.locator('#months a').first().click();
  await expect.poll(() => text(page, '#status')).toBe('已提交');
  await expectOneH1(page);
  // The breakdown comes before the buttons.
  const order = await page.evaluate(() => {
    const b = document.getElementById('breakdown-card');
    const a = document.getElementById('actions');
    return b && a ? b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await narrowInBoth(page);

  // 确认 asks first; cancelled, nothing changes.
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await cancelDialog(page);
  expect(await text(page, '#status')).toBe('已提交');

  const appeal = page.locator('#appeal-form');
  await appeal.getByLabel('申诉理由').fill('当天排班系统故障，并非不服从安排');
  // Switching the language keeps what was typed.
  await page.locator('#lang').click();
  await expect.poll(() => appeal.getByLabel('Reason').inputValue()).toBe('当天排班系统故障，并非不服从安排');
  await expectNoSideScroll(page);
  await shoot(page, 'employee-evaluation-en', [375]);
  await page.locator('#lang').click();
  await appeal.getByLabel(/不服从工作安排/).check();
  await shoot(page, 'employee-evaluation', [375]);
  await appeal.getByRole('button', { name: '申诉' }).click();
  await expect.poll(() => text(page, '#status')).toBe('申诉中');
  expect(await text(page, '#appeals')).toContain('张敏 提出申诉');
  expect(await text(page, '#appeals')).toContain(
    '申诉的记录：问题反馈及遵守规章制度及工作配合度 · 不服从工作安排',
  );
  await narrowInBoth(page);
  await shoot(page, 'employee-appealed', [375]);

  await page.locator('header nav').getByRole('link', { name: '报表' }).click();
  await expect.poll(() => text(page, 'h1')).toBe('报表');
  await narrowInBoth(page);
  return { page, watch, close };
}
