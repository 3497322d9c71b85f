import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiClient, type SendOptions } from '../../scripts/api-client.mjs';
import { fill } from './browser';

/** A signed-in person talking to the API outside the browser, as a script or a colleague would. */
export class ApiSession extends ApiClient {
  /** Sends and insists on success, as a test expectation that shows the API's answer. */
  override async must(method: string, path: string, body?: unknown, options?: SendOptions): Promise<any> {
    const res = await this.send(method, path, body, options);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  }
}

export interface Login {
  email: string;
  password: string;
}

export interface Month {
  slug: string;
  hr: ApiSession;
  hrLogin: Login;
  supervisorLogin: Login;
  employeeLogin: Login;
  apiKey: string;
  schemeId: string;
}

const PASSWORD = 'e2e-month-pass-1';
/** What a person chooses at first sign-in, in place of the password HR gave them. */
const OWN_PASSWORD = 'e2e-own-choice-2';

/**
 * An account HR made must choose its own password before anything else: done through the API,
 * as the person would at first sign-in (the walk drives the dashboard's screen for it).
 */
export async function choosePasswordByApi(baseUrl: string, slug: string, login: Login): Promise<Login> {
  const person = new ApiSession(baseUrl);
  const signedIn = await person.must('POST', '/auth/login', { slug, ...login });
  expect(signedIn.user.mustChangePassword, 'a password HR set is a first-sign-in change').toBe(true);
  await person.must('POST', '/auth/password', { currentPassword: login.password, newPassword: OWN_PASSWORD });
  await person.must('POST', '/auth/logout');
  return { email: login.email, password: OWN_PASSWORD };
}

/**
 * A company seeded through the API: 客服部 (supervised, on the cs-monthly scheme, published and
 * assigned to the department) with KF001 张敏 (her own login), KF002 李娜 (客服专员, 3,000 + 1,000
 * 元) and KF003 王强 (前台接待, 2,800 + 800 元); 保洁部 with BJ001, who has no scheme.
 */
export async function seedCompany(baseUrl: string, slug: string): Promise<Month> {
  const hr = new ApiSession(baseUrl);
  const hrLogin = { email: `hr@${slug}.example`, password: PASSWORD };
  await hr.must('POST', '/signup', {
    companyName: '绿苑物业（浏览器测试）',
    slug,
    adminName: '王丽',
    ...hrLogin,
  });
  const user = async (role: string, name: string) => {
    const given = { email: `${role}@${slug}.example`, password: PASSWORD };
    const created = await hr.must('POST', '/users', { ...given, name, role });
    return { login: await choosePasswordByApi(baseUrl, slug, given), id: created.id as string };
  };
  const supervisor = await user('supervisor', '周主管');
  const employee = await user('employee', '张敏');
  const cs = await hr.must('POST', '/departments', { name: '客服部', site: '绿苑小区' });
  const cleaning = await hr.must('POST', '/departments', { name: '保洁部' });
  await hr.must('PUT', `/departments/${cs.id}/supervisors`, { userIds: [supervisor.id] });
  const position = (name: string, base: number, bonus: number) =>
    hr.must('POST', '/positions', { name, baseSalaryFen: base * 100, bonusBaseFen: bonus * 100 });
  const agent = await position('客服专员', 3000, 1000);
  const desk = await position('前台接待', 2800, 800);
  const cleaner = await position('保洁员', 2500, 500);
  const staff = [
    ['KF001', '张敏', cs.id, agent.id, employee.id],
    ['KF002', '李娜', cs.id, agent.id, null],
    ['KF003', '王强', cs.id, desk.id, null],
    ['BJ001', '孙洁', cleaning.id, cleaner.id, null],
  ] as const;
  for (const [employeeNo, name, departmentId, positionId, userId] of staff) {
    await hr.must('POST', '/employees', {
      employeeNo,
      name,
      departmentId,
      positionId,
      ...(userId && { userId, supervisorUserId: supervisor.id }),
    });
  }
  const scheme = await hr.must('POST', '/schemes', { fromTemplate: 'cs-monthly' });
  await hr.must('POST', `/schemes/${scheme.id}/versions/1/publish`, {});
  await hr.must('PUT', '/scheme-assignments', {
    targetType: 'department',
    targetId: cs.id,
    schemeId: scheme.id,
  });
  const key = await hr.must('POST', '/api-keys', { name: '呼叫中心', scopes: ['metrics:write'] });
  return {
    slug,
    hr,
    hrLogin,
    supervisorLogin: supervisor.login,
    employeeLogin: employee.login,
    apiKey: key.secret,
    schemeId: scheme.id,
  };
}

/**
 * The month's numbers once 2026-11 is open: the call centre pushes counts and rates with its key;
 * HR records the exam and, for KF002/KF003, the supervisor's rating. KF001's rating is left for
 * the supervisor. Totals (cs-monthly): KF002 95 (B), KF001 89 (C, rating missing), KF003 75.5 (D).
 */
export async function fillMonth(baseUrl: string, m: Month) {
  const metrics: Record<string, Record<string, number>> = {
    KF001: { calls_answered: 1200, tickets_closed: 150, reply_in_30min: 0.98, utilization_rate: 0.85 },
    KF002: { calls_answered: 1200, tickets_closed: 120, reply_in_30min: 0.98, utilization_rate: 0.85 },
    KF003: { calls_answered: 600, tickets_closed: 150, reply_in_30min: 0.89, utilization_rate: 0.6 },
  };
  const rows = Object.entries(metrics).flatMap(([employeeNo, values]) =>
    Object.entries({ ...values, reports_on_time: 1 }).map(([indicator, value]) => ({
      employeeNo,
      period: '2026-11',
      indicator,
      value,
    })),
  );
  const res = await fetch(`${baseUrl}/api/v1/ingest`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${m.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const ratings: Record<string, { exam: number; supervisor_rating?: number }> = {
    KF001: { exam: 90 },
    KF002: { exam: 80, supervisor_rating: 9 },
    KF003: { exam: 70, supervisor_rating: 6 },
  };
  const { items } = await m.hr.must('GET', '/evaluations?limit=100&sort=employeeNo');
  for (const e of items) {
    const r = ratings[e.employeeNo];
    if (!r) continue;
    const list = Object.entries(r).map(([indicator, value]) => ({ indicator, value }));
    await m.hr.must(
      'POST',
      `/evaluations/${e.id}/inputs`,
      { ratings: list },
      { headers: { 'If-Match': e.etag } },
    );
  }
}

/** A fresh browser context whose waits give up after 10 s, so a broken step fails fast. */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.setDefaultTimeout(10_000);
  return page;
}

/** Signs in through the dashboard's form. */
export async function signIn(page: Page, baseUrl: string, slug: string, login: Login) {
  await page.goto(`${baseUrl}/#/login`);
  await fill(page, '企业标识', slug);
  await fill(page, '邮箱', login.email);
  await fill(page, '密码', login.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.locator('#company').count()).toBe(1);
}

/** The visible text of each body row of the ranking, cells joined by '|'. */
export async function rankingRows(page: Page): Promise<string[]> {
  const rows = page.locator('#ranking tbody tr');
  const out: string[] = [];
  for (const row of await rows.all()) out.push((await row.locator('td').allTextContents()).join('|'));
  return out;
}
