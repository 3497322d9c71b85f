import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

// The API reference as an integrator opens it on the served site: bundled, under the strict CSP.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openDocs(lang: 'zh-CN' | 'en') {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(String(e)));
  await page.goto(`${baseUrl}/api/v1/docs?lang=${lang}`);
  await expect.poll(() => page.locator('details.op').count(), { timeout: 15_000 }).toBeGreaterThan(30);
  return { page, violations };
}

const visibleOps = (page: Page) => page.locator('details.op:visible');

describe('API reference page', () => {
  it('in Chinese: Chinese summaries and tags, a search that narrows the operations, no CSP violation', async () => {
    const { page, violations } = await openDocs('zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#ingest > summary').textContent()).toContain('批量推送指标和事件');
    expect(await page.locator('nav').textContent()).toContain('考核方案');
    const all = await visibleOps(page).count();
    await page.locator('#search').fill('工号');
    await expect.poll(() => visibleOps(page).count()).toBeLessThan(all);
    expect(await page.locator('#ingest').isVisible(), 'ingest mentions 工号').toBe(true);
    expect(await page.locator('#createDepartment').isVisible()).toBe(false);
    await page.locator('#search').fill('no-such-operation-xyz');
    await expect.poll(() => page.locator('#nomatch').isVisible()).toBe(true);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.close();
  });

  it('in English: schemas as tables of described fields, with examples', async () => {
    const { page, violations } = await openDocs('en');
    const op = page.locator('#updateSchemeDraft');
    expect(await op.locator('> summary').textContent()).toContain("Replace a draft's content");
    await op.locator('> summary').click();
    const row = op.locator('tr', { hasText: 'content.indicators[].params.capRatio' }).first();
    expect(await row.textContent()).toContain('the cap on value/target');
    const errorBox = op.locator('details.response', { hasText: '404' });
    await errorBox.locator('> summary').click();
    expect(await errorBox.locator('tr', { hasText: 'error.requestId' }).textContent()).toContain(
      'X-Request-Id',
    );
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('#ingest > summary').textContent()).toContain('批量推送');
    expect(violations, violations.join('\n')).toEqual([]);
    await page.close();
  });
});
