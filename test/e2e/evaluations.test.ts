import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fill, launchBrowser } from './browser';
import { fillMonth, newPage, rankingRows, seedCompany, signIn } from './month';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/** Opens the evaluation of the person named in the ranking (freshly loaded). */
async function openEvaluation(page: Page, name: string) {
  await page.goto(`${baseUrl}/#/evaluations`);
  await page.reload();
  await page.locator('#ranking').getByRole('link', { name, exact: true }).click();
  await expect.poll(() => text(page, '#employee')).toContain(name);
}

describe('the month in the dashboard', () => {
  it('HR opens the month and ranks it; the supervisor records and submits; the employee appeals; HR voids and approves', async () => {
    const m = await seedCompany(baseUrl, `e2e-m-${Date.now().toString(36)}`);
    const hr = await newPage(browser);
    await signIn(hr, baseUrl, m.slug, m.hrLogin);

    // HR opens 2026-11: one evaluation per employee with a scheme; the cleaner is named as skipped.
    await hr.getByRole('link', { name: '考核', exact: true }).click();
    await expect.poll(() => text(hr, '#ranking')).toContain('还没有考核周期');
    await fill(hr, '周期（YYYY-MM）', '2026-11');
    await hr.getByRole('button', { name: '开启考核周期' }).click();
    await expect.poll(() => text(hr, '#open-result')).toContain('已开启 2026-11：生成 3 份考核');
    expect(await text(hr, '#skipped')).toBe('BJ001：未分配考核方案');

    // The call centre and HR fill in the month; the ranking shows totals, K and pay in 元.
    await fillMonth(baseUrl, m);
    await hr.reload();
    await expect
      .poll(() => rankingRows(hr))
      .toEqual([
        '1|KF002|李娜|95|B|1|1,000.00|4,000.00|草稿',
        '2|KF001|张敏|89|C|0.9|900.00|3,900.00|草稿',
        '3|KF003|王强|75.5|D|0.8|640.00|3,440.00|草稿',
      ]);
    await hr.locator('#grade-filter').selectOption('C');
    expect(await rankingRows(hr)).toEqual(['2|KF001|张敏|89|C|0.9|900.00|3,900.00|草稿']);
    await hr.locator('#status-filter').selectOption('submitted');
    expect(await text(hr, '#ranking')).toBe('没有符合条件的考核');

    // The supervisor rates 张敏 and records a violation with its recording, then submits.
    const sup = await newPage(browser);
    await signIn(sup, baseUrl, m.slug, m.supervisorLogin);
    await openEvaluation(sup, '张敏');
    expect(await text(sup, '#total')).toBe('89 / 105');
    expect(await sup.locator('#evaluation').textContent()).toContain('尚缺必填项：上级综合评分');
    await sup.locator('#rating-form select').selectOption('supervisor_rating');
    await sup.locator('#rating-form').getByLabel('分值（满分 10）').fill('8');
    await sup.locator('#rating-form').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => text(sup, '#total')).toBe('97 / 105');
    const event = sup.locator('#event-form');
    await event.getByLabel('指标').selectOption('work_conduct');
    await event.getByLabel('规则').selectOption('uncooperative');
    await event.getByLabel('录音编号').fill('REC-2026-001');
    await event.getByLabel('备注').fill('拒绝接听转接电话');
    await event.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => text(sup, '#total')).toBe('95 / 105');
    expect(await text(sup, '#grade')).toBe('B 良好');
    expect(await text(sup, '#inputs')).toContain('录音 REC-2026-001 · 备注 拒绝接听转接电话');
    await sup.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => text(sup, '#status')).toBe('已提交');
    expect(await sup.locator('#event-form').count()).toBe(0);

    // The employee sees only her own evaluation, its breakdown, and appeals the violation.
    const emp = await newPage(browser);
    await signIn(emp, baseUrl, m.slug, m.employeeLogin);
    await emp.goto(`${baseUrl}/#/evaluations`);
    await expect.poll(() => rankingRows(emp)).toEqual(['KF001|张敏|95|B|1|1,000.00|4,000.00|已提交']);
    expect(await emp.locator('#ranking th').allTextContents()).not.toContain('排名');
    await openEvaluation(emp, '张敏');
    const conduct = emp.locator('tr[data-indicator="work_conduct"]');
    expect(await conduct.textContent()).toContain('8 / 10');
    expect(await conduct.textContent()).toContain('不服从工作安排、不配合同事 1次 × 2 = 8.00');
    expect(await text(emp, 'tr[data-indicator="supervisor_rating"]')).toContain('8 / 10');
    expect(await emp.locator('#event-form').count()).toBe(0);
    const appeal = emp.locator('#appeal-form');
    await appeal.getByLabel('申诉理由').fill('当天排班系统故障，并非不服从安排');
    await appeal.getByLabel(/不服从工作安排/).check();
    await appeal.getByRole('button', { name: '申诉' }).click();
    await expect.poll(() => text(emp, '#status')).toBe('申诉中');
    expect(await text(emp, '#appeals')).toContain('当天排班系统故障');
    expect(await text(emp, '#appeals')).toContain(
      '申诉的记录：问题反馈及遵守规章制度及工作配合度 · 不服从工作安排',
    );

    // HR voids the disputed event in the answer: the total rises back to 97 (A), pay with it.
    await openEvaluation(hr, '张敏');
    expect(await text(hr, '#status')).toBe('申诉中');
    const resolve = hr.locator('#resolve-form');
    expect(await resolve.textContent()).toContain('申诉理由：当天排班系统故障，并非不服从安排');
    await resolve.getByLabel('处理意见').fill('经核实为排班系统故障，撤销该扣分');
    await resolve.getByLabel(/不服从工作安排.*（员工有异议）/).check();
    await resolve.getByRole('button', { name: '处理申诉' }).click();
    await expect.poll(() => text(hr, '#total')).toBe('97 / 105');
    expect(await text(hr, '#grade')).toBe('A 优秀');
    expect(await text(hr, '#pay-total')).toBe('4,100.00 元');
    expect(await text(hr, '#status')).toBe('已提交');
    const voided = hr.locator('#inputs tr.voided');
    expect(await voided.count()).toBe(1);
    expect(await voided.textContent()).toContain('已作废');
    expect(
      await voided
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).textDecorationLine),
    ).toBe('line-through');
    expect(await text(hr, '#appeals')).toContain('处理意见：经核实为排班系统故障，撤销该扣分');
    await hr.getByRole('button', { name: '审批', exact: true }).click();
    await expect.poll(() => text(hr, '#status')).toBe('已审批');
    expect(await hr.locator('#reopen-form').count()).toBe(1);
    await hr.screenshot({ path: '/tmp/jixiao-evaluation-detail.png', fullPage: true });

    // The ranking follows; closing the month is refused while others are not approved.
    await hr.getByRole('link', { name: '← 返回列表' }).click();
    await expect.poll(() => rankingRows(hr)).toContain('1|KF001|张敏|97|A|1.1|1,100.00|4,100.00|已审批');
    await hr.getByRole('button', { name: '关闭周期' }).click();
    await expect.poll(() => text(hr, '#period-error')).toContain('还有未审批的考核，不能关闭周期');

    // Once the others are approved (through the API here), closing locks all three.
    const { items } = await m.hr.must('GET', '/evaluations?limit=100&status=draft');
    for (const e of items) {
      const submitted = await m.hr.must(
        'POST',
        `/evaluations/${e.id}/submit`,
        {},
        { headers: { 'If-Match': e.etag } },
      );
      await m.hr.must(
        'POST',
        `/evaluations/${e.id}/approve`,
        {},
        { headers: { 'If-Match': submitted.etag } },
      );
    }
    await hr.getByRole('button', { name: '关闭周期' }).click();
    await expect.poll(() => text(hr, '#period-notice')).toBe('周期已关闭，锁定 3 份考核');
    expect(await text(hr, '#period-error')).toBe('');
    expect((await rankingRows(hr)).map((r) => r.split('|').at(-1))).toEqual(['已锁定', '已锁定', '已锁定']);
    expect(await hr.locator('#period option:checked').textContent()).toBe('2026-11（已关闭）');
    expect(await hr.locator('#close-period').isHidden()).toBe(true);
    for (const p of [hr, sup, emp]) await p.close();
  });

  it("shows the API's 412 when someone else changed it first, reloads, and works in English", async () => {
    const m = await seedCompany(baseUrl, `e2e-s-${Date.now().toString(36)}`);
    await m.hr.must('POST', '/periods', { key: '2026-11' });
    await fillMonth(baseUrl, m);
    const page = await newPage(browser);
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
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => text(page, '#action-error')).toContain('这份考核已被他人修改');
    expect(await text(page, '#status')).toBe('草稿');
    await page.locator('#action-error').getByRole('button', { name: '刷新' }).click();
    // One rater, one rating: HR's 85 replaced HR's 80 → 8.5 points instead of 8.
    await expect.poll(() => text(page, '#total')).toBe('95.5 / 105');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => text(page, '#status')).toBe('已提交');

    // In English: UI texts, status names and the breakdown's explanations switch; data stays.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => text(page, '#status')).toBe('Submitted');
    expect(await text(page, 'tr[data-indicator="tickets_closed"]')).toContain(
      '120 / target 150 = 0.8 × 10 points = 8.00',
    );
    expect(await text(page, '#pay-total')).toBe('¥4,100.00');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => text(page, '#status')).toBe('Approved');
    await fill(page, 'Reason for reopening', 'Exam re-marked');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(() => text(page, '#status')).toBe('Draft');
    expect(await page.locator('#event-form').count()).toBe(1);
    await page.close();
  });
});
