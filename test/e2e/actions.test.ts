import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './browser';
import { type ApiSession, choosePasswordByApi, fillMonth, type Login, seedCompany, signIn } from './month';
import { confirmDialog, enforceCsp, expectNoSideScroll, PageWatch, shoot } from './ui';

/*
 * The dashboard offers exactly what the API's access policy offers the caller (allowedActions)
 * and keeps no workflow rules of its own. Every control that takes an action carries
 * data-action; each screen is compared with the same caller's answer from the API.
 */

const baseUrl = inject('baseUrl');
const chromium = browserForFile();

interface Caller {
  who: string;
  page: Page;
  watch: PageWatch;
}

/** A signed-in person in their own context: at a desk, or on a phone (375 px, touch). */
async function person(who: string, slug: string, login: Login, on: 'desk' | 'phone'): Promise<Caller> {
  const context = await chromium.newContext(
    on === 'desk'
      ? { viewport: { width: 1280, height: 900 } }
      : { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  );
  await enforceCsp(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const watch = new PageWatch(page);
  await signIn(page, baseUrl, slug, login);
  return { who, page, watch };
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();

/** The actions a page offers: the data-action of every control inside `scope`, sorted, once each. */
const shownIn = (page: Page, scope: string) =>
  page
    .locator(`${scope} [data-action]`)
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-action') ?? ''))].sort());

/** What the API answers this page's own session (cookie) for `path`. */
const asThisCaller = (page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);

const statusWords: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  appealed: '申诉中',
  approved: '已审批',
  locked: '已锁定',
};

/**
 * Opens the evaluation afresh and compares the controls shown with the caller's allowedActions;
 * answers what was shown, for the checks of what each role must (not) see.
 */
async function offered(c: Caller, id: string, status: string): Promise<string[]> {
  await c.page.goto(`${baseUrl}/#/evaluations/${id}`);
  await c.page.reload();
  await expect
    .poll(() => text(c.page, '#status'))
    .toBe(statusWords[status])
    .catch(async (e) => {
      throw new Error(`${e.message}\n${c.who} sees: ${await text(c.page, 'main')}`);
    });
  const shown = await shownIn(c.page, '#evaluation');
  const answer = await asThisCaller(c.page, `/evaluations/${id}`);
  expect(answer.status).toBe(status);
  expect(shown, `${c.who} on a ${status} evaluation: the page against the API`).toEqual(
    [...answer.allowedActions].sort(),
  );
  return shown;
}

/** HR moves the other evaluations of the month to approved through the API, so the month can close. */
async function approveOthers(hr: ApiSession, otherIds: string[]) {
  for (const id of otherIds) {
    let e = await hr.must('GET', `/evaluations/${id}`);
    e = await hr.must('POST', `/evaluations/${id}/submit`, {}, { headers: { 'If-Match': e.etag } });
    await hr.must('POST', `/evaluations/${id}/approve`, {}, { headers: { 'If-Match': e.etag } });
  }
}

describe('the actions each person is offered', () => {
  it('on one evaluation, HR, its supervisor and its employee (on a phone) see exactly their allowedActions', async () => {
    const m = await seedCompany(baseUrl, `e2e-a-${Date.now().toString(36)}`);
    const opened = await m.hr.must('POST', '/periods', { key: '2026-11' });
    await fillMonth(baseUrl, m);
    const { items } = await m.hr.must('GET', '/evaluations?limit=100&sort=employeeNo');
    const zhang = items.find((e: { employeeNo: string }) => e.employeeNo === 'KF001');
    const others = items.filter((e: { employeeNo: string }) => e.employeeNo !== 'KF001');

    const hr = await person('HR', m.slug, m.hrLogin, 'desk');
    const sup = await person('the supervisor', m.slug, m.supervisorLogin, 'desk');
    const emp = await person('the employee', m.slug, m.employeeLogin, 'phone');

    // A draft: the supervisor records and submits; the employee has nothing to do yet.
    expect(await offered(hr, zhang.id, 'draft')).toContain('record');
    const supDraft = await offered(sup, zhang.id, 'draft');
    expect(supDraft).toContain('record');
    expect(supDraft).toContain('submit');
    expect(await sup.page.locator('#rating-form').count(), 'the record forms').toBe(1);
    await shoot(sup.page, 'actions-supervisor-draft', [1280]);
    expect(await offered(emp, zhang.id, 'draft')).toEqual([]);
    expect(await emp.page.locator('#actions, #record').count(), 'nothing to do on a draft').toBe(0);
    await expectNoSideScroll(emp.page);

    // In the ranking, the supervisor may submit his department's drafts in bulk, not approve them.
    await sup.page.goto(`${baseUrl}/#/evaluations`);
    await expect.poll(() => sup.page.locator('#bulk-submit').count()).toBe(1);
    expect(await sup.page.locator('#bulk-approve').count()).toBe(0);

    // The supervisor rates 张敏 (her last required input) and submits.
    await sup.page.goto(`${baseUrl}/#/evaluations/${zhang.id}`);
    const rating = sup.page.locator('#rating-form');
    await rating.getByLabel('指标', { exact: true }).selectOption({ label: '上级综合评分' });
    await rating.getByLabel('分值（满分 10）', { exact: true }).fill('8');
    await rating.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => text(sup.page, '#total')).toBe('97 / 105');
    await sup.page.getByRole('button', { name: '提交', exact: true }).click();
    await confirmDialog(sup.page);
    await expect.poll(() => text(sup.page, '#status')).toBe('已提交');

    // Submitted: HR approves (and records nothing); the employee confirms or appeals.
    const hrSubmitted = await offered(hr, zhang.id, 'submitted');
    expect(hrSubmitted).toContain('approve');
    expect(hrSubmitted).not.toContain('record');
    expect(await hr.page.locator('#record, #metric-form').count(), 'no record form').toBe(0);
    await shoot(hr.page, 'actions-hr-submitted', [1280]);
    expect(await offered(sup, zhang.id, 'submitted')).not.toContain('submit');
    const empSubmitted = await offered(emp, zhang.id, 'submitted');
    expect(empSubmitted).toContain('confirm');
    expect(empSubmitted).toContain('appeal');
    await expectNoSideScroll(emp.page);
    await shoot(emp.page, 'actions-employee-submitted', [375]);

    // She appeals: HR resolves; she waits.
    await emp.page.locator('#appeal-form').getByLabel('申诉理由').fill('上级评分偏低，请复核');
    await emp.page.locator('#appeal-form').getByRole('button', { name: '申诉' }).click();
    await expect.poll(() => text(emp.page, '#status')).toBe('申诉中');
    expect(await offered(hr, zhang.id, 'appealed')).toContain('resolve');
    expect(await offered(emp, zhang.id, 'appealed')).toEqual([]);
    expect(await offered(sup, zhang.id, 'appealed')).toEqual([]);

    // HR answers, then approves: approved, only HR may reopen it.
    await hr.page.locator('#resolve-form').getByLabel('处理意见').fill('已复核，评分维持');
    await hr.page.locator('#resolve-form').getByRole('button', { name: '处理申诉' }).click();
    await expect.poll(() => text(hr.page, '#status')).toBe('已提交');
    await hr.page.getByRole('button', { name: '审批', exact: true }).click();
    await confirmDialog(hr.page);
    await expect.poll(() => text(hr.page, '#status')).toBe('已审批');
    expect(await offered(hr, zhang.id, 'approved')).toContain('reopen');
    expect(await offered(emp, zhang.id, 'approved')).toEqual([]);

    // The month closes: locked, HR may still reopen it (nobody else may do anything).
    await approveOthers(
      m.hr,
      others.map((e: { id: string }) => e.id),
    );
    await m.hr.must('POST', `/periods/${opened.period.id}/close`);
    expect(await offered(hr, zhang.id, 'locked')).toContain('reopen');
    await shoot(hr.page, 'actions-hr-locked', [1280]);
    expect(await offered(sup, zhang.id, 'locked')).toEqual([]);
    expect(await offered(emp, zhang.id, 'locked')).toEqual([]);
    await expectNoSideScroll(emp.page);

    for (const c of [hr, sup, emp]) c.watch.assertClean();
  }, 180_000);

  it('users and keys: each row offers its allowedActions; the owner resets a password and hands a key over', async () => {
    const m = await seedCompany(baseUrl, `e2e-u-${Date.now().toString(36)}`);
    const given = { email: `zhao@${m.slug}.example`, password: 'e2e-given-pass-1' };
    const admin = await m.hr.must('POST', '/users', { ...given, name: '赵人事', role: 'admin' });
    const adminLogin = await choosePasswordByApi(baseUrl, m.slug, given);

    const owner = await person('the owner', m.slug, m.hrLogin, 'desk');
    const hrAdmin = await person('an admin', m.slug, adminLogin, 'desk');

    /** Each row's name (first cell) with the actions its controls take. */
    const rows = (page: Page, table: string) =>
      page
        .locator(`${table} tbody tr`)
        .evaluateAll((trs) =>
          Object.fromEntries(
            trs.map((tr) => [
              tr.querySelector('td')?.textContent?.trim() ?? '',
              [
                ...new Set(
                  Array.from(tr.querySelectorAll('[data-action]'), (e) => e.getAttribute('data-action')),
                ),
              ].sort(),
            ]),
          ),
        );
    const apiRows = async (page: Page, path: string) => {
      const { items } = await asThisCaller(page, path);
      return Object.fromEntries(
        items.map((x: { name: string; allowedActions: string[] }) => [x.name, [...x.allowedActions].sort()]),
      );
    };
    const usersOf = async (c: Caller) => {
      await c.page.locator('header nav').getByRole('link', { name: '用户', exact: true }).click();
      await expect.poll(() => c.page.locator('#user-table tbody tr').count()).toBe(4);
      const shown = await rows(c.page, '#user-table');
      expect(shown, `${c.who}'s 用户 against the API`).toEqual(await apiRows(c.page, '/users?limit=200'));
      return shown;
    };

    const byOwner = await usersOf(owner);
    expect(byOwner.王丽, 'nobody changes their own role or standing').toEqual(['rename']);
    expect(byOwner.赵人事).toContain('changeRole');
    expect(byOwner.张敏).toContain('resetPassword');
    await shoot(owner.page, 'users-actions', [1280]);
    const byAdmin = await usersOf(hrAdmin);
    expect(byAdmin.王丽, 'only the owner manages owners and admins').toEqual([]);
    expect(byAdmin.张敏).toContain('deactivate');

    // The owner resets 张敏's password: she must choose her own at her next sign-in.
    await owner.page
      .locator('#user-table tbody tr', { hasText: '张敏' })
      .getByRole('button', { name: '重置密码' })
      .click();
    await owner.page.locator('dialog#confirm input').fill('e2e-reset-pass-1');
    const reset = owner.page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/users/'),
    );
    await confirmDialog(owner.page);
    expect((await reset).status()).toBe(200);
    const zhang = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ slug: m.slug, email: m.employeeLogin.email, password: 'e2e-reset-pass-1' }),
    });
    expect(zhang.status).toBe(200);
    expect(((await zhang.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );

    // Keys: an admin may revoke; only the owner hands one over, to another active admin.
    const keysOf = async (c: Caller) => {
      await c.page.locator('header nav').getByRole('link', { name: '密钥', exact: true }).click();
      await expect.poll(() => c.page.locator('#key-table tbody tr').count()).toBe(1);
      const shown = await rows(c.page, '#key-table');
      expect(shown, `${c.who}'s 密钥 against the API`).toEqual(await apiRows(c.page, '/api-keys?limit=200'));
      return shown;
    };
    expect((await keysOf(hrAdmin)).呼叫中心).toEqual(['revoke']);
    expect((await keysOf(owner)).呼叫中心).toEqual(['handOver', 'revoke']);
    const row = owner.page.locator('#key-table tbody tr', { hasText: '呼叫中心' });
    expect(await row.textContent()).toContain('王丽');
    await row.getByRole('button', { name: '移交' }).click();
    await row.getByLabel('移交给').selectOption({ label: '赵人事 · 管理员（人事）' });
    await shoot(owner.page, 'keys-hand-over', [1280]);
    await row.getByRole('button', { name: '移交', exact: true }).click();
    expect(await text(owner.page, 'dialog#confirm')).toContain('将密钥「呼叫中心」移交给 赵人事？');
    await confirmDialog(owner.page);
    await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('赵人事');
    const keys = await m.hr.must('GET', '/api-keys?limit=200');
    expect(keys.items[0].createdBy).toBe(admin.id);

    for (const c of [owner, hrAdmin]) c.watch.assertClean();
  }, 120_000);
});
