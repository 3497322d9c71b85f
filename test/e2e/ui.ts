import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What a page said that it should not have: console errors, uncaught exceptions, and API
 * refusals (4xx) the test did not drive on purpose. Chromium logs every 4xx as a console error
 * ("Failed to load resource"); those are the refusals, matched one by one against `expected`.
 */
export class PageWatch {
  readonly errors: string[] = [];
  readonly refusals: string[] = [];
  private readonly expected: RegExp[] = [];
  private readonly expectedConsole: RegExp[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
      this.errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.errors.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/api/')) {
        const u = new URL(r.url());
        this.refusals.push(`${r.status()} ${r.request().method()} ${u.pathname}`);
      }
    });
  }

  /** Declares a refusal the test is about to drive, e.g. /^400 POST \/api\/v1\/signup$/. */
  expectRefusal(pattern: RegExp) {
    this.expected.push(pattern);
  }

  /** Declares one console error the test causes on purpose (the CSP probe's blocked script). */
  expectConsole(pattern: RegExp) {
    this.expectedConsole.push(pattern);
  }

  /** No console error (but the one each expectConsole declared), no exception, only driven refusals. */
  assertClean() {
    const errors = [...this.errors];
    for (const p of this.expectedConsole) {
      const i = errors.findIndex((e) => p.test(e));
      expect(i, `the console error ${p} the test caused`).toBeGreaterThanOrEqual(0);
      errors.splice(i, 1);
    }
    expect(errors, 'console errors').toEqual([]);
    const unexpected = this.refusals.filter((r) => !this.expected.some((p) => p.test(r)));
    expect(unexpected, 'API refusals the test did not drive').toEqual([]);
  }
}

/** The ways a message can leak the wire: field keys, paths, regexes, state codes, HTTP words, ETags. */
const leaks: [string, RegExp][] = [
  ['snake_case key', /\b[a-z]+_[a-z0-9_]+\b/],
  ['camelCase field', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['field path', /\w\[\d+\]|\w\.\w+\.\w/],
  ['regex', /regex|\\d|\^\[|\[a-z|\$\//i],
  ['error code', /\b[A-Z]+_[A-Z_]+\b/],
  [
    'HTTP status',
    /\b(400|401|403|404|409|412|413|415|422|428|429|500)\b|Bad Request|Precondition|Unprocessable|Not Found/,
  ],
  ['ETag', /W\/"|"[0-9a-f]{6,}"|\b[0-9a-f]{12,}\b|etag|if-match/i],
];
/** Evaluation and scheme state codes: in a Chinese message, any of them is a leak. */
const stateCodes = /\b(draft|submitted|confirmed|appealed|approved|locked|published|archived|open|closed)\b/;

/** Asserts a message a person reads is free of wire details (zh-CN: no latin codes at all). */
export function expectClean(text: string | null, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const t = text ?? '';
  expect(t.trim(), 'a message is shown').not.toBe('');
  for (const [what, re] of leaks) expect(re.test(t), `${what} in “${t}”`).toBe(false);
  if (lang === 'zh-CN') expect(stateCodes.test(t), `state code in “${t}”`).toBe(false);
}

/** Answers the app's confirmation dialog with its confirming button. */
export async function confirmDialog(page: Page, reason?: string) {
  const dialog = page.locator('dialog#confirm');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  if (reason !== undefined) await dialog.locator('textarea').fill(reason);
  await dialog.locator('button.primary, button.danger').click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

/** Cancels the app's confirmation dialog. */
export async function cancelDialog(page: Page) {
  const dialog = page.locator('dialog#confirm');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole('button', { name: /取消|Cancel/ }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

const shotDir = path.resolve(import.meta.dirname, '../../screenshots');

/** Full-page screenshots at a desk (1280 px) and on a phone (375 px), into screenshots/ (git-ignored). */
export async function shoot(page: Page, name: string, widths: number[] = [1280, 375]) {
  mkdirSync(shotDir, { recursive: true });
  const before = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 812 });
    // From the top, so sticky parts (the editor's checks) are where a person first sees them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(shotDir, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** The page is no wider than the phone: nothing scrolls sideways. */
export async function expectNoSideScroll(page: Page, width = 375) {
  await page.waitForTimeout(150);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide at ${width} px`).toBeLessThanOrEqual(width);
}

/** Controls without an accessible name: each needs a label, aria-label or text. */
export const unlabelled = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))
      .filter((el) => {
        if (el instanceof HTMLButtonElement)
          return !(el.textContent?.trim() || el.getAttribute('aria-label'));
        const labels = (el as HTMLInputElement).labels;
        return !(
          (labels && labels.length > 0) ||
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby')
        );
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );

/** One h1 on the page (every page names itself once) and a name on every control. */
export async function expectOneH1(page: Page) {
  expect(await page.locator('h1').count(), `h1 on ${page.url()}`).toBe(1);
  expect(await unlabelled(page), `controls without a label on ${page.url()}`).toEqual([]);
}

/** Presses Tab until `selector` has focus (or gives up): proof that the keyboard reaches it. */
export async function tabTo(page: Page, selector: string, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * The strict policy the site is served with (issue 10 sets it on Pages): scripts only from the
 * site itself, no inline script, no eval. Added here to every page the tests load, so a
 * violation shows up as a console error and fails the test that met it.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export async function enforceCsp(context: BrowserContext) {
  await context.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('.html'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': STRICT_CSP },
      });
    },
  );
}

/**
 * Elements whose own text holds Chinese but whose content box is narrower than that text needs
 * to show two characters side by side (one, for a one-character text): a column squeezed to
 * one character per line (客/服/中/心). Measured with getBoundingClientRect against the computed
 * font size; hidden elements (no box) and visually hidden labels (1 px) are not read as text.
 */
export const narrowChinese = (page: Page) =>
  page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!han.test(own)) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      const inline = style.display === 'inline';
      const sides = inline
        ? 0
        : ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce(
            (sum, k) => sum + Number.parseFloat(style[k as 'paddingLeft']),
            0,
          );
      const width = box.width - sides;
      const need = Math.min(Array.from(own).length, 2) * Number.parseFloat(style.fontSize);
      // Half a pixel for rounding: a glyph is as wide as the font size.
      if (width + 0.5 < need) found.push(`${el.tagName.toLowerCase()} “${own}” is ${Math.round(width)} px`);
    }
    return found;
  });

/** No Chinese text on the page is squeezed narrower than two of its characters. */
export async function expectNoNarrowChinese(page: Page) {
  expect(await narrowChinese(page), `squeezed Chinese text on ${page.url()}`).toEqual([]);
}
