import { describe, expect, it } from 'vitest';
import { call, caller, cookieFrom } from '../../../helpers/client';
import { PASSWORD, signIn } from '../../../helpers/tenant';
import { ok } from '../../evaluations/fixtures';
import { act, COMPLETE } from '../../evaluations/workflow-support';
import { everything, hrMonth, refusedBy } from './support';

/*
 * Issue 14's second route around the rule: accounts. Only the owner manages admins; an account
 * an admin made (or whose password they set) stays theirs for separation of duties, whatever
 * its password is now; a password someone else set must be replaced before anything else.
 */

describe('accounts: only the owner manages admins, and an account an admin made is theirs', () => {
  it('an admin cannot create an admin, promote an employee, or set an admin’s password', async () => {
    const m = await hrMonth();
    const other = await m.t.userWith('admin');
    const before = await everything(m);
    const e = refusedBy(
      await m.hr.post('/users', {
        email: `a2@${m.t.slug}.example`,
        name: '二号',
        role: 'admin',
        password: PASSWORD,
      }),
      'owner_manages_admins',
    );
    expect(e.message).toMatch(/所有者/);
    refusedBy(await m.hr.patch(`/users/${m.supervisor.userId}`, { role: 'admin' }), 'owner_manages_admins');
    refusedBy(
      await m.hr.patch(`/users/${other.userId}`, { password: 'another-strong-pass-77' }),
      'owner_manages_admins',
    );
    refusedBy(await m.hr.patch(`/users/${other.userId}`, { active: false }), 'owner_manages_admins');
    refusedBy(await m.hr.patch(`/users/${m.hr.userId}`, { role: 'owner' }), 'own_account');
    expect(await everything(m)).toEqual(before);
    // What each is offered says the same: the admin may give a supervisor no HR role, the owner may.
    const asAdmin = ok(await m.hr.get(`/users/${m.supervisor.userId}`));
    expect(asAdmin.assignableRoles).toEqual(['employee', 'auditor']);
    expect(ok(await m.hr.get(`/users/${other.userId}`)).allowedActions).toEqual([]);
    expect(ok(await m.hr.get('/me')).principal.creatableRoles).toEqual(['supervisor', 'employee', 'auditor']);
    const asOwner = ok(await m.t.owner.get(`/users/${m.supervisor.userId}`));
    expect(asOwner.assignableRoles).toEqual(['owner', 'admin', 'employee', 'auditor']);
    // The owner may.
    ok(await m.t.owner.patch(`/users/${m.supervisor.userId}`, { role: 'admin' }));
  });

  it('an account the admin created cannot act on the admin’s month, even after its password was changed', async () => {
    const m = await hrMonth();
    const email = `sup2@${m.t.slug}.example`;
    const made = ok(
      await m.hr.post('/users', { email, name: '代理主管', role: 'supervisor', password: PASSWORD }),
      201,
    );
    expect(made.mustChangePassword).toBe(true);
    // The owner makes the account supervise the admin's department (the admin could as well).
    ok(
      await m.t.owner.put(`/departments/${m.departmentId}/supervisors`, {
        userIds: [m.supervisor.userId, made.id],
      }),
    );
    // Signed in by whoever knows the password; the helper completes the reset (twice).
    const proxy = await signIn(m.t.slug, email);
    const before = await everything(m);
    refusedBy(await act(proxy, m.evaluationId, 'inputs', COMPLETE), 'own_evaluation');
    expect(await everything(m)).toEqual(before);
    // The real supervisor records and submits; the proxy still cannot approve or move it.
    ok(await act(m.t.owner, m.evaluationId, 'inputs', COMPLETE));
    ok(await act(m.supervisor, m.evaluationId, 'submit'));
    refusedBy(await act(proxy, m.evaluationId, 'approve'), 'own_evaluation');
  });

  it('a password someone else set opens nothing but /me, sign-out and changing it', async () => {
    const m = await hrMonth();
    const email = `emp9@${m.t.slug}.example`;
    ok(await m.t.owner.post('/users', { email, name: '新员工', role: 'employee', password: PASSWORD }), 201);
    const login = await call({ kind: 'none' }, 'POST', '/auth/login', {
      body: { slug: m.t.slug, email, password: PASSWORD },
      headers: { 'CF-Connecting-IP': '198.18.250.1' },
    });
    expect(login.body.user.mustChangePassword).toBe(true);
    const session = caller({ kind: 'session', cookie: cookieFrom(login), csrf: login.body.csrfToken });
    ok(await session.get('/me'));
    refusedBy(await session.get('/evaluations'), 'password_change_required');
    const same = await session.post('/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status, JSON.stringify(same.body)).toBe(400);
    expect(same.body.error.details[0].field).toBe('newPassword');
    const wrong = await session.post('/auth/password', {
      currentPassword: 'nope',
      newPassword: 'my-own-pass-2026x',
    });
    expect(wrong.status).toBe(403);
    expect(
      (await session.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'my-own-pass-2026x' }))
        .status,
    ).toBe(204);
    ok(await session.get('/evaluations'));
  });

  it('the refusal says who must act: the owner where there is one admin, an admin for the owner', async () => {
    const m = await hrMonth();
    ok(await act(m.t.owner, m.evaluationId, 'inputs', COMPLETE));
    const sole = refusedBy(await act(m.hr, m.evaluationId, 'submit', {}, 'en'), 'own_evaluation');
    expect(sole.message).toMatch(/only admin, so the owner must do it/);
    await m.t.userWith('admin');
    const two = refusedBy(await act(m.hr, m.evaluationId, 'submit', {}, 'en'), 'own_evaluation');
    expect(two.message).toMatch(/The owner or another admin must do it/);
  });
});
