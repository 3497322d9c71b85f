import { describe, expect, it } from 'vitest';
import { signIn } from '../../helpers/tenant';
import { rows } from '../support';
import { type Month, ok, openMonth, read } from './fixtures';
import { act, auditCount, COMPLETE, refused, stored } from './workflow-support';

/*
 * "Nobody records on, submits, approves, resolves, removes or re-adds their own evaluation, or
 * changes the user link of their own employee record": the holes an admin who is also
 * evaluated found, each refused with a 403 naming the rule, each writing nothing.
 */

const OWN_RULE = /^Rule "own evaluation": nobody may .+ their own/;

/** KF001's login promoted to admin and signed in again: an HR person who is also evaluated. */
async function evaluatedAdmin(m: Month) {
  ok(await m.t.owner.patch(`/users/${m.employee.userId}`, { role: 'admin' }));
  return signIn(m.t.slug, m.employee.email);
}

/** Everything a refused call might have touched. */
async function everything(m: Month) {
  return {
    evaluation: await stored(m.evaluationId),
    employee: await rows('SELECT * FROM employees WHERE id = ?', m.employeeId),
    evaluations: await rows('SELECT id FROM evaluations WHERE tenant_id = ? ORDER BY id', m.t.tenantId),
    audit: await auditCount(m.t.tenantId),
  };
}

describe('an admin who is also evaluated cannot reach their own month another way', () => {
  it('(a) ingest with rows for their own 工号 is a 403 naming the rule, and writes nothing', async () => {
    const m = await openMonth();
    const me = await evaluatedAdmin(m);
    const before = await everything(m);
    const res = await me.post(
      '/ingest',
      {
        rows: [
          { employeeNo: 'KF001', period: '2026-11', indicator: 'praise', rule: 'phone_praise', count: 3 },
          { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 1200 },
        ],
      },
      { lang: 'en' },
    );
    const e = refused(res, 403, 'FORBIDDEN');
    expect(e.message).toMatch(OWN_RULE);
    expect(e.details).toEqual({ rule: 'own_evaluation', action: 'ingest', whoActs: 'WHO_ACTS_OWNER' });
    expect(await everything(m)).toEqual(before);
    // Another HR person's ingest of the same rows is fine.
    ok(
      await m.t.owner.post('/ingest', {
        rows: [{ employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 1200 }],
      }),
    );
  });

  it('(b) unlinking their own employee record is a 403 naming the rule; the month stays out of reach', async () => {
    const m = await openMonth();
    const me = await evaluatedAdmin(m);
    const before = await everything(m);
    for (const patch of [{ userId: null }, { userId: m.supervisor.userId }]) {
      const e = refused(
        await me.patch(`/employees/${m.employeeId}`, patch, { lang: 'en' }),
        403,
        'FORBIDDEN',
      );
      expect(e.message).toMatch(
        /^Rule "own evaluation": nobody links their own login to an employee record or unlinks their own/,
      );
    }
    expect(await everything(m)).toEqual(before);
    // Still their own: recording, submitting and approving it are refused by the same rule.
    ok(await act(m.t.owner, m.evaluationId, 'inputs', COMPLETE));
    const mid = await everything(m);
    for (const [step, body] of [
      ['inputs', { metrics: [{ indicator: 'calls_answered', value: 1200 }] }],
      ['submit', {}],
    ] as const) {
      expect(refused(await act(me, m.evaluationId, step, body, 'en'), 403, 'FORBIDDEN').message).toMatch(
        OWN_RULE,
      );
    }
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    expect(refused(await act(me, m.evaluationId, 'approve', {}, 'en'), 403, 'FORBIDDEN').message).toMatch(
      OWN_RULE,
    );
    expect((await everything(m)).evaluation.inputs).toEqual(mid.evaluation.inputs);
    // The owner, another HR person, may change the link.
    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { userId: null }));
  });

  it('(c) removing their own evaluation, and adding it back, are each a 403 naming the rule', async () => {
    const m = await openMonth();
    const me = await evaluatedAdmin(m);
    ok(
      await act(m.supervisor, m.evaluationId, 'inputs', {
        events: [{ indicator: 'attendance', rule: 'late' }],
      }),
    );
    const before = await everything(m);
    const removal = await me.delete(`/periods/${m.periodId}/evaluations/${m.evaluationId}`, {
      body: { reason: '11月15日离职' },
      lang: 'en',
    });
    expect(refused(removal, 403, 'FORBIDDEN').message).toMatch(OWN_RULE);
    expect(await everything(m)).toEqual(before);

    // Removed by the owner (a real leaver), it cannot be re-added by the person it is about.
    ok(
      await m.t.owner.delete(`/periods/${m.periodId}/evaluations/${m.evaluationId}`, {
        body: { reason: '误操作前的记录' },
      }),
      204,
    );
    const gone = await everything(m);
    const readd = await me.post(
      `/periods/${m.periodId}/evaluations`,
      { employeeId: m.employeeId },
      { lang: 'en' },
    );
    expect(refused(readd, 403, 'FORBIDDEN').message).toMatch(OWN_RULE);
    expect(await everything(m)).toEqual(gone);
  });

  it("changing their own position, or their position's pay, would re-price their month: a 403 too", async () => {
    const m = await openMonth();
    const me = await evaluatedAdmin(m);
    const richer = ok(
      await m.t.owner.post('/positions', { name: '客服主管', baseSalaryFen: 900_000, bonusBaseFen: 500_000 }),
      201,
    );
    const before = await everything(m);
    const moved = await me.patch(`/employees/${m.employeeId}`, { positionId: richer.id }, { lang: 'en' });
    expect(refused(moved, 403, 'FORBIDDEN').message).toMatch(
      /nobody changes what sets their own evaluation and pay on their own employee record \(positionId\)/,
    );
    const repriced = await me.patch(`/positions/${m.positionId}`, { baseSalaryFen: 900_000 }, { lang: 'en' });
    expect(refused(repriced, 403, 'FORBIDDEN').message).toMatch(
      /^Rule "own pay": nobody changes the pay of the position they hold/,
    );
    expect(await everything(m)).toEqual(before);
    // Another HR person may; the month follows.
    ok(await m.t.owner.patch(`/employees/${m.employeeId}`, { positionId: richer.id }));
    expect((await read(m.t.owner, m.evaluationId)).body.pay.baseSalaryFen).toBe(900_000);
  });

  it('the owner’s own month: the refusal says an admin must handle it, and that there is none yet', async () => {
    const m = await openMonth();
    // KF001's login becomes the owner, and the founding owner leaves: one HR person remains.
    ok(await m.t.owner.patch(`/users/${m.employee.userId}`, { role: 'owner' }));
    const me = await signIn(m.t.slug, m.employee.email);
    ok(await me.patch(`/users/${m.t.ownerId}`, { active: false }));
    ok(await act(m.supervisor, m.evaluationId, 'inputs', COMPLETE));
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    const zh = refused(await act(me, m.evaluationId, 'approve'), 403, 'FORBIDDEN');
    expect(zh.message).toBe(
      '规则「本人不处理本人的考核」：不能对自己的考核执行「审批」（包括通过自己创建的密钥或自己设置过密码的账号）。所有者的考核须由管理员处理；本企业还没有管理员，请先在「用户」中添加一位',
    );
    const en = refused(await act(me, m.evaluationId, 'approve', {}, 'en'), 403, 'FORBIDDEN');
    expect(en.message).toMatch(/An admin must handle the owner’s own evaluation; the company has none yet/);
    expect((await read(me, m.evaluationId)).body.status).toBe('submitted');
  });
});
