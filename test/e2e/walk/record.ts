import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { confirmDialog, expectClean, expectOneH1, type PageWatch, shoot } from '../ui';

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/** Opens the evaluation of the person named in the ranking. */
export async function openEvaluation(page: Page, name: string) {
  await page.locator('header nav').getByRole('link', { name: '考核', exact: true }).click();
  await page.locator('#ranking').getByRole('link', { name, exact: true }).click();
  await expect.poll(() => text(page, '#employee')).toContain(name);
  await expectOneH1(page);
}

async function metric(page: Page, indicator: string, value: string) {
  const form = page.locator('#metric-form');
  const before = await text(page, '#inputs-card');
  await form.getByLabel('指标', { exact: true }).selectOption({ label: indicator });
  await form.getByLabel('数值', { exact: true }).fill(value);
  await form.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => text(page, '#inputs-card')).not.toBe(before);
}

async function rating(page: Page, indicator: string, value: string, scale: number) {
  const form = page.locator('#rating-form');
  const before = await text(page, '#inputs-card');
  await form.getByLabel('指标', { exact: true }).selectOption({ label: indicator });
  await form.getByLabel(`分值（满分 ${scale}）`, { exact: true }).fill(value);
  await form.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => text(page, '#inputs-card')).not.toBe(before);
}

/** Every required input of cs-monthly, as a supervisor types them. */
export async function requiredInputs(page: Page, calls: string) {
  await metric(page, '电话接听量', calls);
  await metric(page, '工单办结量', '150');
  await metric(page, '30分钟内回复率', '98');
  await metric(page, '通话利用率', '85%');
  await metric(page, '报表按时提交率', '100');
  await rating(page, '业务考核书面考试', '90', 100);
  await rating(page, '上级综合评分', '8', 10);
}

/**
 * The supervisor records 张敏's month: metrics, a violation with its recording, ratings and a
 * checked call; an out-of-range rating is refused at its field. Then submits (asked first).
 */
export async function recordAndSubmit(page: Page, watch: PageWatch) {
  await openEvaluation(page, '张敏');
  expect(await text(page, '#status')).toBe('草稿');
  await requiredInputs(page, '1200');

  watch.expectRefusal(/^400 POST \/api\/v1\/evaluations\/[^/]+\/inputs$/);
  const form = page.locator('#rating-form');
  await form.getByLabel('指标', { exact: true }).selectOption({ label: '上级综合评分' });
  await form.getByLabel('分值（满分 10）', { exact: true }).fill('11');
  await form.getByRole('button', { name: '保存' }).click();
  const fieldError = form.locator('.field-error');
  await expect.poll(() => fieldError.textContent()).toMatch(/^分值（满分 10）：/);
  expectClean(await fieldError.textContent());
  expectClean(await form.locator('[role=alert]').textContent());
  await form.getByLabel('分值（满分 10）', { exact: true }).fill('');

  const event = page.locator('#event-form');
  await event
    .getByLabel('指标', { exact: true })
    .selectOption({ label: '问题反馈及遵守规章制度及工作配合度' });
  await event.getByLabel('规则', { exact: true }).selectOption({ label: '不服从工作安排、不配合同事' });
  await event.getByLabel('录音编号', { exact: true }).fill('REC-2026-001');
  await event.getByLabel('备注', { exact: true }).fill('拒绝接听转接电话');
  await event.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => text(page, '#inputs')).toContain('录音 REC-2026-001 · 备注 拒绝接听转接电话');

  const check = page.locator('#check-form');
  await check.getByLabel('通话编号', { exact: true }).fill('CALL-0077');
  for (const item of ['使用标准问候语', '询问并使用客户姓氏', '不打断客户', '确认客户需求', '礼貌结束通话']) {
    await check.getByLabel(item, { exact: false }).first().check();
  }
  await check.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => text(page, '#inputs')).toContain('通话 CALL-0077');
  // Every item but 3声内接听 (weight 1 of 8): 15 × 7/8 = 13.125, rounded half-up.
  await expect.poll(() => text(page, '[data-indicator="call_monitoring"]')).toContain('13.13 / 15');
  const total = await text(page, '#total');
  await shoot(page, 'evaluation-record');

  await page.getByRole('button', { name: '提交', exact: true }).click();
  await confirmDialog(page);
  await expect.poll(() => text(page, '#status')).toBe('已提交');
  expect(await page.locator('#event-form').count()).toBe(0);
  return total!;
}
