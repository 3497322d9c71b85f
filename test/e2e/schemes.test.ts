import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { ApiSession, newPage, signIn } from './month';
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

async function company(prefix: string) {
  const slug = `${prefix}-${Date.now().toString(36)}`;
  const login = { email: `hr@${slug}.example`, password: 'e2e-scheme-pass-1' };
  const hr = new ApiSession(baseUrl);
  await hr.must('POST', '/signup', { companyName: '方案测试物业', slug, adminName: '王丽', ...login });
  return { slug, login, hr };
}

describe('schemes in the dashboard', () => {
  it('names what blocks a broken draft by its labels, live and when publishing is refused', async () => {
    const { slug, login, hr } = await company('e2e-sch');
    const broken = await hr.must('POST', '/schemes', {
      name: '未完成的方案',
      content: {
        maxScore: 100,
        categories: [{ key: 'service', name: '服务' }],
        indicators: [
          {
            key: 'rating',
            name: '综合评分',
            category: 'service',
            type: 'rating',
            points: 50,
            params: { scale: 10 },
          },
        ],
        bands: [{ grade: 'A', label: '全部', min: 0, max: 90, k: 1 }],
      },
    });
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, slug, login);
    await page.goto(`${baseUrl}/#/schemes/${broken.id}`);
    await expect
      .poll(() => text(page, '#points-check'))
      .toBe('✗ 指标分值合计 50，应为 100（加分与一票否决不计）');
    expect(await text(page, '#bands-check')).toBe('✗ 等级区间未完整覆盖，见下方问题');
    const problems = await page.locator('#problems li').allTextContents();
    expect(problems.some((p) => p.includes('等级「A」'))).toBe(true);
    for (const p of problems) expectClean(p);
    await expect.poll(() => text(page, '#preview')).toContain('修正上面列出的问题后才能试算');

    watch.expectRefusal(/^400 POST \/api\/v1\/schemes\/[^/]+\/versions\/1\/(publish|preview)$/);
    await page.locator('#publish').click();
    await confirmDialog(page);
    const refusal = page.locator('#publish-error');
    await expect.poll(() => refusal.textContent()).toContain('第 1 版有');
    for (const line of await refusal.locator('p, li').allTextContents()) expectClean(line);
    // An issue at a field on screen is shown beside that field too.
    await expect
      .poll(() => page.locator('fieldset.band[data-band="A"] .field-error').count())
      .toBeGreaterThan(0);
    expect(await text(page, '#version-state')).toBe('版本 1 草稿');
    watch.assertClean();
    await page.close();
  });

  it('edits by keyboard alone, publishes, starts version 2 and shows what changed between them', async () => {
    const { slug, login, hr } = await company('e2e-ver');
    const scheme = await hr.must('POST', '/schemes', { fromTemplate: 'cs-monthly' });
    const page = await newPage(browser);
    const watch = new PageWatch(page);
    await signIn(page, baseUrl, slug, login);
    await page.goto(`${baseUrl}/#/schemes/${scheme.id}`);
    await expect.poll(() => page.locator('#preview-total').count()).toBe(1);

    // The keyboard reaches 工单办结量's target; typing saves the draft.
    await tabTo(page, 'input[data-field="indicators[1].params.target"]', 400);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('200');
    await expect.poll(() => text(page, '#save-state')).toBe('草稿已自动保存');
    await page.locator('#publish').click();
    await confirmDialog(page);
    await expect.poll(() => text(page, '#version-state')).toBe('版本 1 已发布');

    await page.locator('#new-version').click();
    await expect.poll(() => text(page, '#version-state')).toBe('版本 2 草稿');
    await page.locator('fieldset[data-indicator="exam"]').getByLabel('分值', { exact: true }).fill('5');
    await page
      .locator('fieldset[data-indicator="utilization_rate"]')
      .getByLabel('分值', { exact: true })
      .fill('15');
    await expect.poll(() => text(page, '#points-check')).toBe('✓ 指标分值合计 100');
    await expect.poll(() => text(page, '#save-state')).toBe('草稿已自动保存');
    await expect.poll(() => text(page, '#diff')).toContain('修改指标「业务考核书面考试」：分值');
    expect(await text(page, '#diff')).toContain('修改指标「通话利用率」：分值');
    expect(await text(page, '#diff')).not.toContain('工单办结量');
    watch.assertClean();
    await page.close();
  });
});
