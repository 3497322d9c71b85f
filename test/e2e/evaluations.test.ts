import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fill, launchBrowser } from './browser';
import { fillMonth, newPage, rankingRows, seedCompany, signIn } from './month';
import { confirmDialog, expectClean, PageWatch, tabTo } from './ui';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).textContent();

async function openEvaluation(page: Page, name: string) {
  await page.goto(`${baseUrl}/#/evaluations`);
  await page.reload();
  await page.locator('#ranking').getByRole('link', { name, exact: true }).click();
  await expect.poll(() => text(page, '#employee')).toContain(name);
}

describe('an evaluation in the dashboard', () => {
  it('ranks with department and 元, filters, and records a rating by keyboard alone', async () => {
    const m = await seedCompany(baseUrl, `e2e-r-${Date.now().toString(36)}`);
    await m.hr.must('POST', '/periods', { key: '2026-11' });
    await fillMonth(baseUrl, m);
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, m.slug, m.hrLogin);
    await page.goto(`${baseUrl}/#/evaluations`);
    await expect
      .poll(() => rankingRows(page))
      .toEqual([
        '|1|KF002|李娜|客服部|95|B|1|1,000.00 元|4,000.00 元|草稿|移出',
        '|2|KF001|张敏|客服部|89|C|0.9|900.00 元|3,900.00 元|草稿|移出',
        '|3|KF003|王强|客服部|75.5|D|0.8|640.00 元|3,440.00 元|草稿|移出',
      ]);
    await page.locator('#grade-filter').selectOption('C');
    expect(await rankingRows(page)).toHaveLength(1);
    await page.locator('#grade-filter').selectOption('');
    await fill(page, '搜索工号或姓名', 'KF003');
    expect((await rankingRows(page))[0]).toContain('王强');
    await page.locator('#status-filter').selectOption('submitted');
    expect(await text(page, '#ranking')).toBe('没有符合条件的考核');

    // 张敏's supervisor rating, typed and saved with the keyboard only.
    await openEvaluation(page, '张敏');
    expect(await text(page, '#total')).toBe('89 / 105');
    await tabTo(page, '#rating-form select');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#rating-form select option:checked').textContent()).toBe('上级综合评分');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '#total')).toBe('97 / 105');
    watch.assertClean();
    await page.close();
  });

  it("shows the API's 412 in words when someone else changed it first, reloads, and works in English", async () => {
    const m = await seedCompany(baseUrl, `e2e-s-${Date.now().toString(36)}`);
    await m.hr.must('POST', '/periods', { key: '2026-11' });
    await fillMonth(baseUrl, m);
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, m.slug, m.hrLogin);
    await openEvaluation(page, '李娜');
    expect(await text(page, '#total')).toBe('95 / 105');

    // A colleague re-records the exam through the API while the page still holds the old ETag.
    const id = page.url().split('/').pop()!;
    const current = await m.hr.must('GET', `/evaluations/${id}`);
    await m.hr.must(
      'POST',
      `/evaluations/${id}/inputs`,
      { ratings: [{ indicator: 'exam', value: 85 }] },
      { headers: { 'If-Match': current.etag } },
    );
    watch.expectRefusal(/^412 POST \/api\/v1\/evaluations\/[^/]+\/submit$/);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await confirmDialog(page);
    await expect.poll(() => text(page, '#action-error')).toContain('这份考核已被他人修改，请刷新后重试');
    expectClean((await text(page, '#action-error'))!.replace('刷新', '').trim());
    expect(await text(page, '#status')).toBe('草稿');
    await page.locator('#action-error').getByRole('button', { name: '刷新' }).click();
    // One rater, one rating: HR's 85 replaced HR's 80 → 8.5 points instead of 8.
    await expect.poll(() => text(page, '#total')).toBe('95.5 / 105');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await confirmDialog(page);
    await expect.poll(() => text(page, '#status')).toBe('已提交');

    // In English: texts, states and the breakdown's explanations switch; the data stays.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => text(page, '#status')).toBe('Submitted');
    expect(await text(page, '[data-indicator="tickets_closed"]')).toContain(
      '120 / target 150 = 0.8 × 10 points = 8.00',
    );
    expect(await text(page, '#pay-total')).toBe('¥4,100.00');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await confirmDialog(page);
    await expect.poll(() => text(page, '#status')).toBe('Approved');
    await fill(page, 'Reason for reopening', 'Exam re-marked');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(() => text(page, '#status')).toBe('Draft');
    expect(await page.locator('#event-form').count()).toBe(1);
    watch.assertClean();
    await page.close();
  });
});
