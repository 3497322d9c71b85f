import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

// The served site, as `wrangler pages dev` runs it: web/public/_headers on the dashboard's
// files, the API Worker's own headers on /api/* behind the Pages Function.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function expectSiteHeaders(h: Headers, what: string) {
  const csp = h.get('Content-Security-Policy') ?? '';
  expect(csp, what).toMatch(/default-src 'self'/);
  expect(csp, what).toMatch(/script-src 'self'(;|$)/);
  expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(csp, what).toMatch(/object-src 'none'/);
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(h.get('X-Frame-Options'), what).toBe('DENY');
  expect(h.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(h.get('Referrer-Policy'), what).toBe('strict-origin-when-cross-origin');
  expect(h.get('Permissions-Policy'), what).toMatch(/camera=\(\)/);
}

/** CSP violations the page reports, and uncaught errors, while it is used. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

describe('headers of the served site', () => {
  it('the dashboard page and its scripts carry the strict CSP, X-Frame-Options, Referrer- and Permissions-Policy', async () => {
    const res = await fetch(`${baseUrl}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expectSiteHeaders(res.headers, '/');
    expect(html, 'every <script> has a src').not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length, html).toBeGreaterThan(0);
    for (const src of scripts) {
      const asset = await fetch(new URL(src, baseUrl));
      expect(asset.status, src).toBe(200);
      expectSiteHeaders(asset.headers, src);
    }
  });

  it('/api/* through the site carries the API headers: nosniff, no-store, frame-ancestors none', async () => {
    const me = await fetch(`${baseUrl}/api/v1/me`);
    expect(me.status).toBe(401);
    expect(me.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(me.headers.get('Cache-Control')).toBe('no-store');
    expect(me.headers.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
    expect(me.headers.get('X-Frame-Options')).toBe('DENY');
    const docs = await fetch(`${baseUrl}/api/v1/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('Content-Security-Policy')).toMatch(/script-src 'self'/);
    expect(docs.headers.get('Content-Security-Policy')).not.toMatch(/unsafe-inline/);
  });

  it('in Chromium, the dashboard and the API reference run with no CSP violation', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${baseUrl}/`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${baseUrl}/api/v1/docs`);
    await expect.poll(() => page.locator('details.op').count(), { timeout: 15_000 }).toBeGreaterThan(30);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });

  it('a page of another origin cannot frame the dashboard', async () => {
    const page = await browser.newPage();
    // An about:blank page is of another origin than the site: Chromium must refuse the frame
    // and show its own error page in it instead of the dashboard.
    await page.setContent(`<iframe id="f" src="${baseUrl}/"></iframe>`);
    const frame = () => page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame()?.url() ?? '', { timeout: 10_000 }).toMatch(/^chrome-error:/);
    await page.close();
  });
});
