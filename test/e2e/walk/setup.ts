import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill } from '../browser';
import { confirmDialog, expectClean, expectOneH1, type PageWatch, shoot } from '../ui';

export const PASSWORD = 'walk-month-pass-1';

const text = (page: Page, selector: string) => page.locator(selector).textContent();
const nav = (page: Page, name: string) =>
  page.locator('header nav').getByRole('link', { name, exact: true }).click();

/** Sign up through the form: a bad slug and a short password first, each named at its field. */
export async function signUp(page: Page, watch: PageWatch, base: string, slug: string) {
  await page.goto(`${base}/#/login`);
  await expect.poll(() => text(page, 'h1')).toBe('登录');
  await shoot(page, 'login');
  await page.getByRole('link', { name: '还没有账号？注册企业' }).click();
  await fill(page, '企业名称', '绿苑物业服务有限公司');
  await fill(page, '企业标识', 'Lv Yuan!');
  await fill(page, '管理员姓名', '王丽');
  await fill(page, '邮箱', `hr@${slug}.example`);
  await fill(page, '密码', 'short');
  watch.expectRefusal(/^400 POST \/api\/v1\/signup$/);
  await page.getByRole('button', { name: '注册企业' }).click();
  const slugError = page.locator('.field.invalid', { has: page.getByLabel('企业标识', { exact: true }) });
  await expect.poll(() => slugError.locator('.field-error').textContent()).toContain('企业标识：');
  const errors = await page.locator('.field-error').allTextContents();
  expect(errors.some((e) => e.startsWith('密码：'))).toBe(true);
  for (const e of [...errors, await text(page, '[role=alert]')]) expectClean(e);
  await shoot(page, 'signup-errors');
  await fill(page, '企业标识', slug);
  await fill(page, '密码', PASSWORD);
  await page.getByRole('button', { name: '注册企业' }).click();
  await expect.poll(() => text(page, '#company')).toBe('绿苑物业服务有限公司');
  await expectOneH1(page);
}

/** 考核方案 from the template: one indicator and one band edited, the preview follows; published. */
export async function buildScheme(page: Page) {
  await nav(page, '考核方案');
  await page.locator('#template').selectOption('cs-monthly');
  await page.getByRole('button', { name: '从模板创建' }).click();
  await expect.poll(() => text(page, '#scheme-name')).toBe('客服专员月度绩效考核（百分制）');
  await expectOneH1(page);
  const total = page.locator('#preview-total');
  await expect.poll(() => total.textContent()).toMatch(/^[\d.]+ \/ 105$/);
  const before = Number((await total.textContent())!.split(' ')[0]);
  expect(await text(page, '#points-check')).toBe('✓ 指标分值合计 100');

  // One indicator: 电话接听量's target 1200 → 1500; the sample 1200 calls now earn 8 of 10 points.
  const calls = page.locator('fieldset.indicator-form[data-indicator="calls_answered"]');
  await calls.getByLabel('目标值', { exact: true }).fill('1500');
  await expect.poll(() => total.textContent()).toBe(`${before - 2} / 105`);
  // Points that do not total 100 are flagged as one types, and again when put right.
  await calls.getByLabel('分值', { exact: true }).fill('12');
  await expect
    .poll(() => text(page, '#points-check'))
    .toBe('✗ 指标分值合计 102，应为 100（加分与一票否决不计）');
  await calls.getByLabel('分值', { exact: true }).fill('10');
  await expect.poll(() => text(page, '#points-check')).toBe('✓ 指标分值合计 100');

  // One band: B starts at 91; until C ends there too, 90–91 is a gap, named in words.
  await page.locator('fieldset.band[data-band="B"]').getByLabel('下限', { exact: true }).fill('91');
  await expect.poll(() => text(page, '#bands-check')).toBe('✗ 等级区间未完整覆盖，见下方问题');
  const problems = await page.locator('#problems li').allTextContents();
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) expectClean(p);
  await page.locator('fieldset.band[data-band="C"]').getByLabel('上限', { exact: true }).fill('91');
  await expect.poll(() => text(page, '#bands-check')).toBe('✓ 等级区间无缝覆盖 0 到 105');
  await expect.poll(() => text(page, '#save-state')).toBe('草稿已自动保存');
  await shoot(page, 'scheme-editor');

  await page.locator('#publish').click();
  await confirmDialog(page);
  await expect.poll(() => text(page, '#version-state')).toBe('版本 1 已发布');
  const rows = await page.locator('#indicators tbody tr').allInnerTexts();
  expect(rows.map((r) => r.replace(/\t/g, '|'))).toContain(
    '电话接听量|数量目标（必填）|10|目标 1500，封顶 1 倍',
  );
  expect((await page.locator('#bands tbody tr').allInnerTexts()).map((r) => r.replace(/\t/g, '|'))).toEqual([
    'A|优秀|95 – 105|1.1',
    'B|良好|91 – 95|1',
    'C|合格|85 – 91|0.9',
    'D|待改进|75 – 85|0.8',
    'E|不合格|0 – 75|0.5',
  ]);
  await shoot(page, 'scheme');
  return page.url().split('/schemes/')[1]!.split('/')[0]!;
}
