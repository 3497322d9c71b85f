import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fill } from '../browser';
import { expectClean, expectOneH1, shoot } from '../ui';
import { PASSWORD } from './setup';

const text = (page: Page, selector: string) => page.locator(selector).textContent();
const tab = (page: Page, name: string) =>
  page.locator('nav.tabs').getByRole('link', { name, exact: true }).click();

export interface People {
  supervisor: { email: string; password: string };
  employee: { email: string; password: string };
}

/** 用户: the supervisor and the employee are invited with their roles. */
export async function invite(page: Page, slug: string): Promise<People> {
  await page.locator('header nav').getByRole('link', { name: '用户', exact: true }).click();
  await expectOneH1(page);
  const people = {
    supervisor: { email: `zhou@${slug}.example`, password: PASSWORD },
    employee: { email: `zhang@${slug}.example`, password: PASSWORD },
  };
  for (const [name, role, login] of [
    ['周主管', 'supervisor', people.supervisor],
    ['张敏', 'employee', people.employee],
  ] as const) {
    await fill(page, '姓名', name);
    await fill(page, '邮箱', login.email);
    await page.getByLabel('角色', { exact: true }).selectOption(role);
    await fill(page, '初始密码', login.password);
    await page.getByRole('button', { name: '邀请用户' }).click();
    await expect.poll(() => text(page, '#user-table')).toContain(login.email);
  }
  return people;
}

/** 组织: a department with its supervisor, two positions with pay in 元, 张敏 by hand, the rest by CSV. */
export async function organise(page: Page, employeeEmail: string) {
  await page.locator('header nav').getByRole('link', { name: '组织', exact: true }).click();
  await tab(page, '部门');
  await fill(page, '部门名称', '客服部');
  await fill(page, '项目', '绿苑小区');
  await page.getByRole('button', { name: '创建' }).click();
  await expect.poll(() => text(page, '#department-table')).toContain('客服部');
  await page.locator('#department-table').getByLabel('周主管').check();
  await expect.poll(() => page.locator('#department-table').getByLabel('周主管').isChecked()).toBe(true);
  await shoot(page, 'org-departments');

  await tab(page, '岗位与薪资');
  for (const [name, base, bonus] of [
    ['客服专员', '3000', '1000'],
    ['前台接待', '2,800', '800'],
  ]) {
    await fill(page, '岗位名称', name!);
    await fill(page, '基本工资（元）', base!);
    await fill(page, '绩效奖金基数（元）', bonus!);
    await page.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => text(page, '#position-table')).toContain(name);
  }
  expect(await text(page, '#position-table')).toContain('3,000.00 元');
  await shoot(page, 'org-positions');

  await tab(page, '员工');
  await fill(page, '工号', 'KF001');
  await fill(page, '姓名', '张敏');
  await page.getByLabel('上级主管', { exact: true }).selectOption({ label: '周主管' });
  await page.getByLabel('本人登录账号', { exact: true }).selectOption({ label: `张敏（${employeeEmail}）` });
  await page.getByRole('button', { name: '创建' }).click();
  await expect.poll(() => text(page, '#employee-table')).toContain('KF001');
}

const GOOD_CSV =
  '工号,姓名,部门,岗位,上级,在职\nKF002,李娜,客服部,客服专员,{sup},是\nKF003,王强,客服部,前台接待,,是\n';

/** CSV import: the template downloads; a bad file is reported row by row; a clean dry run, then the import. */
export async function importEmployees(page: Page, supervisorEmail: string) {
  await tab(page, '批量导入');
  await expectOneH1(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#template-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('员工导入模板.csv');
  expect(readFileSync((await download.path())!, 'utf8')).toContain('工号,姓名,部门,岗位,上级,在职');

  const file = (csv: string) => ({ name: '员工.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page
    .locator('#csv-file')
    .setInputFiles(file(GOOD_CSV.replace('{sup}', supervisorEmail).replace('前台接待', '夜班保安')));
  await page.locator('#dry-run').click();
  await expect.poll(() => text(page, '#dry-run-report')).toContain('试运行发现 1 处问题');
  const bad = page.locator('#import-rows tr.bad');
  expect(await bad.count()).toBe(1);
  expect(await bad.locator('td').first().textContent()).toBe('3');
  const reason = (await bad.locator('td').last().textContent())!;
  expect(reason).toMatch(/^岗位：/);
  expectClean(reason);
  expect(await page.locator('#do-import').isDisabled()).toBe(true);
  await shoot(page, 'org-import');

  await page.locator('#csv-file').setInputFiles(file(GOOD_CSV.replace('{sup}', supervisorEmail)));
  await page.locator('#dry-run').click();
  await expect.poll(() => text(page, '#dry-run-report')).toContain('试运行通过：共 2 行，将新建 2 名');
  expect(await page.locator('#import-rows tbody tr').allInnerTexts()).toEqual([
    '2\tKF002\t李娜\t将新建',
    '3\tKF003\t王强\t将新建',
  ]);
  await page.locator('#do-import').click();
  await expect.poll(() => text(page, '#import-done')).toBe('已导入：新建 2 名，更新 0 名，不变 0 名。');

  await tab(page, '员工');
  await fill(page, '搜索工号或姓名', '李');
  await expect.poll(() => page.locator('#employee-table tbody tr').count()).toBe(1);
  expect(await text(page, '#employee-table tbody')).toContain('李娜客服部客服专员周主管');
  await fill(page, '搜索工号或姓名', '');
  await expect.poll(() => page.locator('#employee-table tbody tr').count()).toBe(3);
  await shoot(page, 'org-employees');
}

/** The scheme applies to 客服部. */
export async function assign(page: Page, schemeId: string, base: string) {
  await page.goto(`${base}/#/schemes/${schemeId}`);
  const box = page.locator('#assignments');
  await box.getByLabel('分配给', { exact: true }).selectOption('department');
  await box.getByLabel('部门', { exact: true }).selectOption({ label: '客服部' });
  await box.getByRole('button', { name: '分配' }).click();
  await expect.poll(() => box.textContent()).toContain('部门：客服部');
}

/** Opens 2026-11; opening it twice is refused in words. */
export async function openMonth(page: Page, watch: { expectRefusal(p: RegExp): void }) {
  await page.locator('header nav').getByRole('link', { name: '考核', exact: true }).click();
  await fill(page, '周期（YYYY-MM）', '2026-11');
  await page.getByRole('button', { name: '开启考核周期' }).click();
  await expect.poll(() => text(page, '#open-result')).toContain('已开启 2026-11：生成 3 份考核');
  watch.expectRefusal(/^409 POST \/api\/v1\/periods$/);
  await page.getByRole('button', { name: '开启考核周期' }).click();
  const refusal = page
    .locator('form', { has: page.getByRole('button', { name: '开启考核周期' }) })
    .locator('[role=alert]');
  await expect.poll(() => refusal.textContent()).toContain('考核周期 2026-11 已存在');
  expectClean(await refusal.textContent());
  await expect.poll(() => page.locator('#ranking tbody tr').count()).toBe(3);
}
