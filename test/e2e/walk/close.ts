import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill } from '../browser';
import { confirmDialog, expectClean, expectOneH1, type PageWatch, shoot } from '../ui';

const text = (page: Page, selector: string) => page.locator(selector).textContent();
const nav = (page: Page, name: string) =>
  page.locator('header nav').getByRole('link', { name, exact: true }).click();
const points = (s: string | null) => Number((s ?? '').split(' / ')[0]);

/** 概览 lists the open appeal with a link; HR voids the disputed event and the score rises 2 points. */
export async function resolveFromOverview(page: Page, totalBefore: string) {
  await nav(page, '概览');
  await expect.poll(() => text(page, '#open-appeals')).toContain('KF001 张敏');
  expect(await text(page, '#by-status')).toContain('申诉中 1');
  await shoot(page, 'overview-appeal');
  await page.locator('#open-appeals').getByRole('link', { name: 'KF001 张敏' }).click();
  await expect.poll(() => text(page, '#status')).toBe('申诉中');
  const resolve = page.locator('#resolve-form');
  expect(await resolve.textContent()).toContain('申诉理由：当天排班系统故障，并非不服从安排');
  await resolve.getByLabel('处理意见').fill('经核实为排班系统故障，撤销该扣分');
  await resolve.getByLabel(/不服从工作安排.*（员工有异议）/).check();
  await resolve.getByRole('button', { name: '处理申诉' }).click();
  await confirmDialog(page);
  await expect.poll(() => text(page, '#status')).toBe('已提交');
  expect(points(await text(page, '#total'))).toBe(points(totalBefore) + 2);
  const voided = page.locator('#inputs li.voided');
  expect(await voided.count()).toBe(1);
  expect(await voided.locator('.input-text').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
    'line-through',
  );
  expect(await text(page, '#appeals')).toContain('王丽 答复');
  expect(await text(page, '#appeals')).toContain('处理意见：经核实为排班系统故障，撤销该扣分');
  await shoot(page, 'evaluation');
}

const summary = (page: Page) => text(page, '#bulk-summary');

/**
 * Bulk approval: 张敏 is approved, 李娜's draft is refused with its reason; bulk submit and
 * approve take 李娜 through. Closing is refused in words while one is open, then locks both.
 */
export async function approveAndClose(page: Page, watch: PageWatch) {
  await nav(page, '考核');
  await expect.poll(() => page.locator('#ranking tbody tr').count()).toBe(2);
  await expectOneH1(page);
  // Only the rows the API offers approval on are sent: 李娜's draft is named, not tried.
  await page.getByLabel('全选').check();
  await expect.poll(() => text(page, '#bulk-approve')).toBe('批量审批（1）');
  expect(await text(page, '#bulk-submit')).toBe('批量提交（1）');
  await page.locator('#bulk-approve').click();
  expect(await text(page, 'dialog#confirm')).toContain('审批选中的 1 份考核？');
  expect(await text(page, 'dialog#confirm')).toContain('1 份草稿，跳过');
  await confirmDialog(page);
  await expect.poll(() => summary(page)).toContain('审批：成功 1 份，被拒绝 0 份，未处理 1 份');
  const skipped = await page.locator('#bulk-summary li').allTextContents();
  expect(skipped).toEqual(['KF002 李娜：草稿状态，你现在不能审批，未处理']);
  expectClean(skipped[0]!);
  await shoot(page, 'evaluations-bulk');

  watch.expectRefusal(/^409 POST \/api\/v1\/periods\/[^/]+\/close$/);
  await page.locator('#close-period').click();
  expect(await text(page, 'dialog#confirm')).toContain('还有 1 份考核未审批');
  await confirmDialog(page);
  await expect.poll(() => text(page, '#period-error')).toContain('还有未审批的考核，不能关闭周期');
  expectClean(await text(page, '#period-error'));

  await page.getByLabel('选择 李娜').check();
  await page.locator('#bulk-submit').click();
  expect(await text(page, 'dialog#confirm')).toContain('提交选中的 1 份考核？');
  await confirmDialog(page);
  await expect.poll(() => summary(page)).toContain('提交：成功 1 份，被拒绝 0 份');
  await page.getByLabel('选择 李娜').check();
  await page.locator('#bulk-approve').click();
  await confirmDialog(page);
  await expect.poll(() => summary(page)).toContain('审批：成功 1 份，被拒绝 0 份');

  await page.locator('#close-period').click();
  await confirmDialog(page);
  await expect.poll(() => text(page, '#period-notice')).toBe('周期已关闭，锁定 2 份考核');
  await expect
    .poll(async () => (await page.locator('#ranking tbody tr .badge').allTextContents()).join())
    .toBe('已锁定,已锁定');
  expect(await text(page, '#ranking thead')).toContain('部门');
  expect(await text(page, '#ranking tbody')).toContain('客服部');
  expect(await text(page, '#ranking tbody')).toMatch(/\d,\d{3}\.\d{2} 元/);
  await shoot(page, 'evaluations');
  await nav(page, '概览');
  await expect.poll(() => text(page, '#by-status')).toContain('已锁定 2');
  await expectOneH1(page);
  expect(await text(page, '#total-pay')).toMatch(/^\d{1,3}(,\d{3})*\.\d{2} 元$/);
  await expect.poll(() => page.locator('#histogram svg').count()).toBe(1);
  await shoot(page, 'overview');
}

/** 报表: the payroll sheet of the closed month, generated and downloaded as .xlsx. */
export async function exportPayroll(page: Page) {
  await nav(page, '报表');
  await expectOneH1(page);
  await page.locator('#report-kind').selectOption('payroll');
  await page.locator('#report-format').selectOption('xlsx');
  await expect
    .poll(() => page.locator('#report-period option:checked').textContent())
    .toBe('2026-11（已关闭）');
  await page.getByRole('button', { name: '生成', exact: true }).click();
  const ready = page.locator('#report-list li[data-status="ready"]').first();
  await expect
    .poll(() => ready.count(), { timeout: 30_000, message: 'the report is ready' })
    .toBe(1)
    .catch(async (e) => {
      throw new Error(`${e.message}\n${await page.locator('main').textContent()}`);
    });
  expect(await ready.locator('.file-name').textContent()).toMatch(/^工资表.*\.xlsx$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    ready.getByRole('link', { name: '下载' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^工资表.*\.xlsx$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await shoot(page, 'reports');
}

/** 密钥: a key with a scope named in Chinese and an expiry, shown once, copied, then revoked. */
export async function keyLifecycle(page: Page, base: string) {
  await nav(page, '密钥');
  await expectOneH1(page);
  await fill(page, '名称', '呼叫中心');
  await page.getByLabel(/推送业务数据/).check();
  await fill(page, '过期日期', `${new Date().getFullYear() + 1}-12-31`);
  await page.getByRole('button', { name: '创建' }).click();
  const secret = (await page.locator('#secret').textContent()) ?? '';
  expect(secret).toMatch(/^pek_[0-9A-Za-z]{32,}$/);
  await page.locator('#copy-secret').click();
  await expect.poll(() => text(page, '#copy-secret')).toBe('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const row = page.locator('#key-table tbody tr', { hasText: '呼叫中心' });
  expect(await row.textContent()).toContain('推送业务数据');
  await shoot(page, 'keys');
  const me = () =>
    fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } }).then((r) => r.status);
  expect(await me()).toBe(200);
  await row.getByRole('button', { name: '吊销' }).click();
  await confirmDialog(page);
  await expect.poll(() => row.textContent()).toContain('已吊销');
  expect(await me()).toBe(401);
}

/** 审计日志: names, actions in words, Beijing time; the chain and the digests check out. */
export async function verifyAudit(page: Page) {
  await nav(page, '审计日志');
  await expectOneH1(page);
  await page.locator('#make-digest').click();
  await expect.poll(() => page.getByText(/已签发摘要/).count()).toBe(1);
  await page.locator('#verify').click();
  await expect.poll(() => text(page, '#verdict')).toContain('✓ 审计日志完整');
  expect(await text(page, '#chain-verdict')).toMatch(/^哈希链完整，共 \d+ 条$/);
  expect(await text(page, '#digest-verdict')).toMatch(/^摘要一致，共核对 \d+ 份$/);
  const table = (await text(page, '#audit-table')) ?? '';
  for (const words of ['王丽', '周主管', '关闭考核周期', '吊销密钥', '处理申诉', '员工申诉', '发布方案版本'])
    expect(table).toContain(words);
  expect(table).not.toMatch(/usr_|key_|api_key\.|evaluation\./);
  expect((await page.locator('#audit-table tbody tr td:nth-child(2)').first().textContent()) ?? '').toMatch(
    /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/,
  );
  await page.getByLabel('操作者').selectOption({ label: '张敏' });
  await expect
    .poll(async () =>
      (await page.locator('#audit-table tbody td:nth-child(3)').allTextContents()).every((a) => a === '张敏'),
    )
    .toBe(true);
  await shoot(page, 'audit');
}
