import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { newPage, seedCompany, signIn } from './month';
import { expectClean, PageWatch, shoot } from './ui';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pastes text into the focused cell as Excel's copy would hand it over (text/plain). */
async function paste(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

const cell = (employeeNo: string, key: string) =>
  `#grid tr[data-employee="${employeeNo}"] input[data-key="${key}"]`;

/** A block as Excel copies it: a header line with 工号 and the indicators' Chinese names. */
const BLOCK = [
  ['工号', '姓名', '电话接听量', '30分钟内回复率', '业务考核书面考试', '上级综合评分'],
  ['KF002', '李娜', '1,200', '98%', '80', '9'],
  ['KF001', '张敏', '1100', '96.5', '90', '8'],
  ['KF003', '王强', '600', '0.89', '70', '6'],
]
  .map((r) => r.join('\t'))
  .join('\r\n');

describe('the scoring grid', () => {
  it('a supervisor pastes a block from Excel, fixes the cell it marks, saves all at once', async () => {
    const m = await seedCompany(baseUrl, `e2e-g-${Date.now().toString(36)}`);
    await m.hr.must('POST', '/periods', { key: '2026-11' });
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, m.slug, m.supervisorLogin);
    await page.goto(`${baseUrl}/#/evaluations`);
    await page.locator('#open-grid').click();
    await expect.poll(() => page.locator('#grid tbody tr').count()).toBe(3);
    // Columns by label with their unit, only the indicators that take a value.
    const heads = await page.locator('#grid thead th').allTextContents();
    expect(heads).toContain('30分钟内回复率（%）');
    expect(heads).toContain('业务考核书面考试（满分 100 分）');
    expect(heads.join()).not.toContain('出勤情况');

    await paste(page, cell('KF001', 'calls_answered'), BLOCK);
    expect(await page.locator('#grid-paste-note').textContent()).toContain('已粘贴 12 个单元格');
    expect(await page.locator(cell('KF002', 'reply_in_30min')).inputValue()).toBe('98%');
    expect(await page.locator(cell('KF001', 'supervisor_rating')).inputValue()).toBe('8');
    // "0.89" could be 89% or 0.89%: marked in place, and nothing can be saved until it is fixed.
    const bad = page.locator('#grid tr[data-employee="KF003"] td.bad');
    expect(await bad.count()).toBe(1);
    const why = await bad.locator('.error').textContent();
    expect(why).toContain('0.89 是 0.89% 还是 89%');
    expectClean(why);
    expect(await page.locator('#grid-save').isDisabled()).toBe(true);
    await shoot(page, 'grid-pasted');

    // Excel keys: Enter and the arrows move between cells.
    await page.locator(cell('KF001', 'reply_in_30min')).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe(
      'reply_in_30min',
    );
    expect(
      await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-employee')),
    ).toBe('KF003');
    await page.keyboard.type('89%');
    expect(await bad.count()).toBe(0);

    expect(await page.locator('#grid-save').textContent()).toBe('保存全部（12 个单元格）');
    await page.locator('#grid-save').click();
    await expect.poll(() => page.locator('#grid-saved').textContent()).toBe('已保存 3 人的 12 个单元格');
    // What was saved reads back: rates in percent, exactly as typed.
    expect(await page.locator(cell('KF001', 'reply_in_30min')).inputValue()).toBe('96.5%');
    expect(await page.locator(cell('KF003', 'reply_in_30min')).inputValue()).toBe('89%');

    // The evaluation shows the inputs (the rate stored as the exact fraction).
    const { items } = await m.hr.must('GET', '/evaluations?limit=100&sort=employeeNo');
    const wang = items.find((e: any) => e.employeeNo === 'KF003');
    const detail = await m.hr.must('GET', `/evaluations/${wang.id}`);
    const values = Object.fromEntries(detail.inputs.map((i: any) => [i.indicator, i.value]));
    expect(values).toEqual({
      calls_answered: 600,
      reply_in_30min: 0.89,
      exam: 70,
      supervisor_rating: 6,
    });
    const zhang = items.find((e: any) => e.employeeNo === 'KF001');
    const own = await m.hr.must('GET', `/evaluations/${zhang.id}`);
    expect(own.inputs.find((i: any) => i.indicator === 'reply_in_30min').value).toBe(0.965);
    await page.locator('#grid tr[data-employee="KF003"] a').click();
    await expect.poll(() => page.locator('#inputs').textContent()).toContain('业务考核书面考试');
    // The rate reads in percent there too, as it was typed.
    expect(await page.locator('#inputs').textContent()).toContain('30分钟内回复率 · 89%');
    expect(await page.locator('#total').textContent()).not.toMatch(/^0 /);
    watch.assertClean();
    await page.close();
  });

  it('a row someone changed meanwhile is marked, nothing is saved, and a reload keeps what was typed', async () => {
    const m = await seedCompany(baseUrl, `e2e-h-${Date.now().toString(36)}`);
    await m.hr.must('POST', '/periods', { key: '2026-11' });
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, m.slug, m.supervisorLogin);
    await page.goto(`${baseUrl}/#/grid`);
    await expect.poll(() => page.locator('#grid tbody tr').count()).toBe(3);
    await page.locator(cell('KF001', 'exam')).fill('91');
    await page.locator(cell('KF002', 'exam')).fill('92');
    // HR records on KF002 while the supervisor types.
    const { items } = await m.hr.must('GET', '/evaluations?limit=100&sort=employeeNo');
    const li = items.find((e: any) => e.employeeNo === 'KF002');
    await m.hr.must(
      'POST',
      `/evaluations/${li.id}/inputs`,
      { metrics: [{ indicator: 'tickets_closed', value: 100 }] },
      { headers: { 'If-Match': li.etag } },
    );
    watch.expectRefusal(/^409 PUT \/api\/v1\/periods\/[^/]+\/grid$/);
    await page.locator('#grid-save').click();
    const stale = page.locator('#grid tr[data-employee="KF002"] td .error');
    await expect.poll(() => stale.textContent()).toContain('已被他人修改');
    expectClean(await page.locator('#grid-failure').textContent());
    // Switching language re-words what is on screen.
    await page.locator('#lang').click();
    await expect.poll(() => stale.textContent()).toContain('Someone else changed this row');
    expectClean(await page.locator('#grid-failure').textContent(), 'en');
    expect(await page.locator('#grid-failure').textContent()).toBe(
      'Nothing was saved: see the rows and cells marked in the grid',
    );
    await page.locator('#lang').click();
    const before = await m.hr.must('GET', `/evaluations/${items[0].id}`);
    expect(before.inputs, 'KF001 got nothing either').toEqual([]);

    await page.locator('#grid-reload').click();
    await expect.poll(() => page.locator(cell('KF002', 'tickets_closed')).inputValue()).toBe('100');
    expect(await page.locator(cell('KF002', 'exam')).inputValue()).toBe('92');
    await page.locator('#grid-save').click();
    await expect.poll(() => page.locator('#grid-saved').textContent()).toBe('已保存 2 人的 2 个单元格');
    watch.assertClean();
    await page.close();
  });
});
