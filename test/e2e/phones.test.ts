import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from './browser';
import { fillMonth, type Login, type Month, seedCompany, signIn } from './month';
import { enforceCsp, expectNoNarrowChinese, expectNoSideScroll, PageWatch, shoot } from './ui';

/*
 * On a phone (375 px), in both languages, every screen an employee or a supervisor uses, and
 * HR's lists, fit the width (nothing scrolls sideways) and squeeze no Chinese text to one
 * character per line: lists are cards at 480 px and below. Each screen is also shot at a desk
 * and on the phone into screenshots/ (git-ignored), to be looked at.
 */

const baseUrl = inject('baseUrl');
const chromium = browserForFile();
let m: Month;
let ownEvaluation = '';

beforeAll(async () => {
  m = await seedCompany(baseUrl, `e2e-ph-${Date.now().toString(36)}`);
  await m.hr.must('POST', '/periods', { key: '2026-11' });
  await fillMonth(baseUrl, m);
  const list = await m.hr.must('GET', '/evaluations?limit=50');
  ownEvaluation = list.items.find((e: { employeeNo: string }) => e.employeeNo === 'KF001').id;
}, 60_000);

async function onPhone(login: Login): Promise<{ page: Page; watch: PageWatch }> {
  const context = await chromium.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  await enforceCsp(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const watch = new PageWatch(page);
  await signIn(page, baseUrl, m.slug, login);
  return { page, watch };
}

/** Opens a screen through its route and waits until nothing on it is still loading. */
async function open(page: Page, route: string) {
  await page.evaluate((r) => {
    location.hash = r;
  }, route);
  await expect.poll(() => page.locator('h1').count()).toBe(1);
  await expect
    .poll(async () => /加载中|Loading/.test((await page.locator('main').textContent()) ?? ''))
    .toBe(false);
}

/** Every screen in `routes`, in Chinese and then in English, checked at 375 px and shot. */
async function checkScreens(who: string, login: Login, routes: Record<string, string>) {
  const { page, watch } = await onPhone(login);
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.locator('#lang').click();
    for (const [name, route] of Object.entries(routes)) {
      await open(page, route);
      await expectNoSideScroll(page);
      await expectNoNarrowChinese(page);
      await shoot(page, `phones-${who}-${name}-${lang}`);
    }
  }
  watch.assertClean();
  await page.context().close();
}

describe('on a phone', () => {
  it("fits an employee's screens, in Chinese and English", async () => {
    await checkScreens('employee', m.employeeLogin, {
      months: '#/evaluations',
      evaluation: `#/evaluations/${ownEvaluation}`,
      reports: '#/reports',
      account: '#/account',
    });
  }, 120_000);

  it("fits a supervisor's screens, in Chinese and English", async () => {
    await checkScreens('supervisor', m.supervisorLogin, {
      overview: '#/',
      ranking: '#/evaluations',
      evaluation: `#/evaluations/${ownEvaluation}`,
      reports: '#/reports',
      account: '#/account',
    });
  }, 120_000);

  it("fits HR's lists, in Chinese and English", async () => {
    await checkScreens('hr', m.hrLogin, {
      overview: '#/',
      ranking: '#/evaluations',
      employees: '#/org/employees',
      departments: '#/org/departments',
      positions: '#/org/positions',
      schemes: '#/schemes',
      scheme: `#/schemes/${m.schemeId}`,
      reports: '#/reports',
      keys: '#/keys',
      users: '#/users',
      audit: '#/audit',
    });
  }, 240_000);
});
