import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { ApiSession, newPage, signIn } from './month';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Rows of a table as text, cells joined by '|'. */
async function rows(page: Page, selector: string) {
  const out: string[] = [];
  for (const row of await page.locator(`${selector} tbody tr`).all()) {
    out.push((await row.locator('td').allTextContents()).join('|'));
  }
  return out;
}

describe('schemes in the dashboard', () => {
  it('creates a scheme from a template, publishes it and shows its indicators and bands; a broken draft says why', async () => {
    const slug = `e2e-sch-${Date.now().toString(36)}`;
    const login = { email: `hr@${slug}.example`, password: 'e2e-scheme-pass-1' };
    const hr = new ApiSession(baseUrl);
    await hr.must('POST', '/signup', { companyName: '方案测试物业', slug, adminName: '王丽', ...login });
    const page = await newPage(browser);
    await signIn(page, baseUrl, slug, login);

    await page.getByRole('link', { name: '考核方案' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('还没有考核方案');
    await page.locator('#template').selectOption('cs-monthly');
    await page.getByRole('button', { name: '从模板创建' }).click();
    await expect
      .poll(() => page.locator('#scheme-name').textContent())
      .toBe('客服专员月度绩效考核（百分制）');
    expect(await rows(page, 'main section:first-of-type table')).toEqual(['版本 1|草稿||发布']);

    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.locator('h3', { hasText: '版本 1' }).textContent()).toBe('版本 1（已发布）');
    const indicators = await rows(page, '#indicators');
    expect(indicators).toContain('业绩考核|20|');
    expect(indicators).toContain('电话接听量|数量目标（必填）|10|目标 1200，封顶 1 倍');
    expect(indicators).toContain('30分钟内回复率|比率（必填）|5|下限 0.8，目标 0.98');
    expect(indicators).toContain('出勤情况|扣分|5|迟到 −0.5、早退 −0.5、旷工（每半天） −2');
    expect(indicators).toContain('客户表扬|加分|5|客户书面表扬或锦旗 +2、客户来电表扬 +1');
    expect(indicators).toContain(
      '重大有效投诉|一票否决|—|经核实的重大有效投诉、造成重大影响的服务事故、否决等级 E',
    );
    expect(await rows(page, '#bands')).toEqual([
      'A|优秀|95 – 105|1.1',
      'B|良好|90 – 95|1',
      'C|合格|85 – 90|0.9',
      'D|待改进|75 – 85|0.8',
      'E|不合格|0 – 75|0.5',
    ]);

    await page.getByRole('link', { name: '← 返回列表' }).click();
    await expect
      .poll(() => rows(page, 'main table'))
      .toEqual(['客服专员月度绩效考核（百分制）|版本 1|—|使用中']);

    // A draft whose points do not reach 100: the page lists why, and publishing shows the API's refusal.
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
        bands: [{ grade: 'A', label: '全部', min: 0, max: 100, k: 1 }],
      },
    });
    await page.goto(`${baseUrl}/#/schemes/${broken.id}`);
    await expect.poll(() => page.locator('#problems').textContent()).toContain('发布前需修正：');
    const problem = (await page.locator('#problems li').first().textContent()) ?? '';
    expect(problem).not.toBe('');
    await page.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => page.locator('#publish-error').textContent()).toContain(problem);
    expect(await page.locator('h3', { hasText: '版本 1' }).textContent()).toBe('版本 1（草稿）');
    await page.close();
  });
});
