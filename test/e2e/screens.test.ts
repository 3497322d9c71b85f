import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './browser';
import { fillMonth, type Login, type Month, seedCompany, signIn } from './month';
import { confirmDialog, PageWatch } from './ui';

/*
 * Screens that stay true: a bulk step goes only to the rows the API offers it on, says what it
 * skips and asks first, and its results end with the data they described; a list reloads when
 * the person comes back or clicks the page they are on; an evaluation open in two tabs shows
 * the other tab's change before anything is typed over it.
 */

const baseUrl = inject('baseUrl');
const chromium = browserForFile();
const text = (page: Page, selector: string) => page.locator(selector).textContent();

async function month(prefix: string): Promise<Month> {
  const m = await seedCompany(baseUrl, `${prefix}-${Date.now().toString(36)}`);
  await m.hr.must('POST', '/periods', { key: '2026-11' });
  await fillMonth(baseUrl, m);
  return m;
}

async function signedIn(m: Month, login: Login) {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const watch = new PageWatch(page);
  await signIn(page, baseUrl, m.slug, login);
  return { page, watch, context };
}

/** The person comes back to the tab: what the browser fires then. */
const comeBack = (page: Page) =>
  page.evaluate(() => {
    window.dispatchEvent(new Event('focus'));
  });

async function evaluationOf(m: Month, employeeNo: string): Promise<{ id: string; etag: string }> {
  const list = await m.hr.must('GET', '/evaluations?limit=50');
  return list.items.find((x: { employeeNo: string }) => x.employeeNo === employeeNo);
}

/** Submits an evaluation through the API, as a colleague at another desk would. */
async function submitByApi(m: Month, employeeNo: string) {
  const e = await evaluationOf(m, employeeNo);
  await m.hr.must('POST', `/evaluations/${e.id}/submit`, {}, { headers: { 'If-Match': e.etag } });
}

const statuses = async (page: Page) =>
  (await page.locator('#ranking tbody tr .badge').allTextContents()).join(',');

describe('screens that stay true', () => {
  it('bulk: select-all acts on the rows that qualify only, says what it skips, asks, and its results end with new data', async () => {
    const m = await month('e2e-bk');
    // 张敏's rating (the one fillMonth leaves to her supervisor), so every draft may be submitted.
    const e = await evaluationOf(m, 'KF001');
    await m.hr.must(
      'POST',
      `/evaluations/${e.id}/inputs`,
      { ratings: [{ indicator: 'supervisor_rating', value: 8 }] },
      { headers: { 'If-Match': e.etag } },
    );
    await submitByApi(m, 'KF002');
    await submitByApi(m, 'KF003');
    const { page, watch } = await signedIn(m, m.hrLogin);
    await page.goto(`${baseUrl}/#/evaluations`);
    await expect.poll(() => statuses(page)).toBe('草稿,已提交,已提交');

    await page.getByLabel('全选').check();
    expect(await text(page, '#bulk-submit')).toBe('批量提交（1）');
    await page.locator('#bulk-submit').click();
    // Before anything is sent: how many go, how many are skipped and why, in words.
    const dialog = page.locator('dialog#confirm');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await text(page, 'dialog#confirm')).toContain('提交选中的 1 份考核？');
    expect(await text(page, 'dialog#confirm')).toContain('2 份已提交，跳过');
    await confirmDialog(page);
    await expect
      .poll(() => text(page, '#bulk-summary'))
      .toContain('提交：成功 1 份，被拒绝 0 份，未处理 2 份');
    await expect.poll(() => statuses(page)).toBe('已提交,已提交,已提交');
    // The results stay while the rows they describe are those shown…
    expect(await page.locator('#bulk-summary').count()).toBe(1);

    // …and end when the person comes back to the tab (the list loads again).
    await comeBack(page);
    await expect.poll(() => page.locator('#bulk-summary').count()).toBe(0);
    // No row was sent a step the API did not offer on it: no 409 anywhere.
    watch.assertClean();
  }, 90_000);

  it('bulk: results end with a change of filter or month', async () => {
    const m = await month('e2e-bf');
    await m.hr.must('POST', '/periods', { key: '2026-12' });
    const { page, watch } = await signedIn(m, m.hrLogin);
    await page.goto(`${baseUrl}/#/evaluations`);
    await page.locator('#period').selectOption({ label: '2026-11（进行中）' });
    await expect.poll(() => statuses(page)).toBe('草稿,草稿,草稿');
    const submitOne = async (name: string) => {
      await page.getByLabel(`选择 ${name}`).check();
      await page.locator('#bulk-submit').click();
      expect(await text(page, 'dialog#confirm')).toContain('选中的考核都会处理。');
      await confirmDialog(page);
      await expect.poll(() => text(page, '#bulk-summary')).toContain('提交：成功 1 份');
    };
    await submitOne('李娜');
    await page.locator('#status-filter').selectOption('submitted');
    await expect.poll(() => page.locator('#bulk-summary').count()).toBe(0);
    await page.locator('#status-filter').selectOption('');
    await submitOne('王强');
    await page.locator('#period').selectOption({ label: '2026-12（进行中）' });
    await expect.poll(() => page.locator('#bulk-summary').count()).toBe(0);
    watch.assertClean();
  }, 90_000);

  it("a supervisor's list shows HR's change when he comes back or clicks the menu item he is on", async () => {
    const m = await month('e2e-st');
    const { page, watch } = await signedIn(m, m.supervisorLogin);
    await page.goto(`${baseUrl}/#/evaluations`);
    await expect.poll(() => statuses(page)).toBe('草稿,草稿,草稿');

    // HR, in their own page, submits 李娜's month.
    const hr = await signedIn(m, m.hrLogin);
    await hr.page.goto(`${baseUrl}/#/evaluations`);
    await expect.poll(() => statuses(hr.page)).toBe('草稿,草稿,草稿');
    await hr.page.getByLabel('选择 李娜').check();
    await hr.page.locator('#bulk-submit').click();
    await confirmDialog(hr.page);
    await expect.poll(() => statuses(hr.page)).toBe('已提交,草稿,草稿');

    // The supervisor clicks 考核, the page he is on: it loads again.
    expect(await statuses(page)).toBe('草稿,草稿,草稿');
    await page.locator('nav a.active').click();
    await expect.poll(() => statuses(page)).toBe('已提交,草稿,草稿');

    // HR submits 王强's too; the supervisor comes back to his tab.
    await submitByApi(m, 'KF003');
    await comeBack(page);
    await expect.poll(() => statuses(page)).toBe('已提交,草稿,已提交');
    watch.assertClean();
    hr.watch.assertClean();
  }, 90_000);

  it('an evaluation open in two tabs shows the other tab’s change, with a notice, before typing over it', async () => {
    const m = await month('e2e-tw');
    const { page: a, watch: watchA, context } = await signedIn(m, m.hrLogin);
    const b = await context.newPage();
    b.setDefaultTimeout(10_000);
    const watchB = new PageWatch(b);
    const { id } = await evaluationOf(m, 'KF001');
    for (const tab of [a, b]) {
      await tab.goto(`${baseUrl}/#/evaluations/${id}`);
      await expect.poll(() => text(tab, '#total')).toBe('89 / 105');
    }

    // Tab B records 张敏's supervisor rating.
    const rate = async (tab: Page, value: string) => {
      await tab.locator('#rating-form select').selectOption({ label: '上级综合评分' });
      await tab.locator('#rating-form input').fill(value);
      await tab.locator('#rating-form input').press('Enter');
    };
    await rate(b, '8');
    await expect.poll(() => text(b, '#total')).toBe('97 / 105');
    expect(await b.locator('#changed-notice').count()).toBe(0);

    // Tab A, on focus, shows the change and says so.
    expect(await text(a, '#total')).toBe('89 / 105');
    await comeBack(a);
    await expect.poll(() => text(a, '#changed-notice')).toContain('这份考核刚被他人修改');
    expect(await text(a, '#total')).toBe('97 / 105');
    await a.locator('#changed-notice button').click();
    expect(await a.locator('#changed-notice').count()).toBe(0);

    // Tab B changes it again; tab A goes into the rating form to type: it is told first.
    await rate(b, '6');
    await expect.poll(() => text(b, '#total')).toBe('95 / 105');
    await a.locator('#rating-form input').focus();
    await expect.poll(() => a.locator('#changed-notice').count()).toBe(1);
    expect(await text(a, '#total')).toBe('95 / 105');
    watchA.assertClean();
    watchB.assertClean();
  }, 90_000);
});
