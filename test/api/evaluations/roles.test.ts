import { describe, expect, it } from 'vitest';
import type { Caller, Reply } from '../../helpers/client';
import { rows } from '../support';
import { ifMatch, type Month, ok, openMonth, read } from './fixtures';
import {
  act,
  actBlind,
  auditCount,
  COMPLETE,
  refused,
  stored,
  toApproved,
  toSubmitted,
} from './workflow-support';

/** Runs a refused attempt and shows that the evaluation, its inputs, appeals and the audit log are as before. */
async function unchanged(m: Month, id: string, attempt: () => Promise<void>) {
  const before = { ...(await stored(id)), audit: await auditCount(m.t.tenantId) };
  expect(before.evaluation).toHaveLength(1);
  await attempt();
  expect({ ...(await stored(id)), audit: await auditCount(m.t.tenantId) }, 'nothing was written').toEqual(
    before,
  );
}

type Step = 'inputs' | 'remove input' | 'submit' | 'confirm' | 'appeal' | 'resolve' | 'approve' | 'reopen';

/** The refusal of a step on one's own evaluation names the rule (in English here). */
const OWN_RULE = /^Rule "own evaluation": nobody may .+ their own evaluation/;

const bodies: Record<Step, unknown> = {
  inputs: { ratings: [{ indicator: 'exam', value: 60 }] },
  'remove input': undefined,
  submit: {},
  confirm: {},
  appeal: { reason: '我不同意这次评分' },
  resolve: { answer: '已核实，维持原评分' },
  approve: {},
  reopen: { reason: '重新核算' },
};

/** The steps worth trying in each state: the ones that would succeed for the right caller. */
const stepsAt: Record<string, Step[]> = {
  'draft, inputs missing': ['inputs', 'submit'],
  'draft, complete': ['inputs', 'remove input', 'submit'],
  submitted: ['confirm', 'appeal', 'approve'],
  appealed: ['resolve'],
  approved: ['reopen'],
};

/** One attempt of `step` by `who`, with a fresh ETag read by HR (so only role and state decide). */
async function attempt(m: Month, who: Caller, id: string, step: Step): Promise<Reply> {
  const { etag, body } = await read(m.t.owner, id);
  if (step === 'remove input') {
    const input = body.inputs[0];
    expect(input, 'there is an input to remove').toBeDefined();
    return who.delete(`/evaluations/${id}/inputs/${input.id}`, { ...ifMatch(etag), lang: 'en' });
  }
  return who.post(`/evaluations/${id}/${step}`, bodies[step], { ...ifMatch(etag), lang: 'en' });
}

/**
 * Walks KF001's evaluation through its month (HR records, the supervisor submits, the employee
 * appeals, HR resolves and approves) and, in every state, lets `who` try each step that state
 * admits: `expect` says how each is refused ('route': 403 by the route's role/scope; 'workflow':
 * 403 naming the step) or 'allowed' to skip it. Every refusal leaves D1 unchanged.
 */
async function throughTheMonth(
  m: Month,
  who: Caller,
  how: Partial<Record<Step, 'route' | 'workflow' | 'own'>>,
) {
  const id = m.evaluationId;
  const tried: string[] = [];
  const tryAll = async (state: string) => {
    for (const step of stepsAt[state]!) {
      const expected = how[step];
      if (!expected) continue;
      await unchanged(m, id, async () => {
        const res = await attempt(m, who, id, step);
        const what = `${step} while ${state}`;
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(res.body.error.code, what).toBe('FORBIDDEN');
        if (expected === 'own') expect(res.body.error.message, what).toMatch(OWN_RULE);
        else {
          expect(res.body.error.message, what).toEqual(
            expected === 'route'
              ? expect.stringMatching(
                  /^(Your role \(\w+\) may not do this; allowed roles|This API key lacks the scope for this; it needs one of): \w/,
                )
              : `You may not ${step === 'inputs' ? 'record inputs' : step} this evaluation`,
          );
        }
      });
      tried.push(`${step}@${state}`);
    }
  };
  await tryAll('draft, inputs missing');
  ok(await act(m.t.owner, id, 'inputs', COMPLETE));
  await tryAll('draft, complete');
  ok(await act(m.supervisor, id, 'submit'));
  await tryAll('submitted');
  ok(await act(m.employee, id, 'appeal', { reason: '通话量统计漏了夜班' }));
  await tryAll('appealed');
  ok(await act(m.t.owner, id, 'resolve', { answer: '已核对，数据无误' }));
  expect(ok(await act(m.t.owner, id, 'approve')).status).toBe('approved');
  await tryAll('approved');
  return tried;
}

/** 客服部 (KF001 with a login, KF002) plus 保安部 with its own supervisor and BA001; month 2026-12. */
async function twoDepartments() {
  const m = await openMonth(['KF002']);
  const { t } = m;
  const dep = ok(await t.owner.post('/departments', { name: '保安部', site: '绿苑小区' }), 201);
  const boss = await t.userWith('supervisor');
  ok(await t.owner.put(`/departments/${dep.id}/supervisors`, { userIds: [boss.userId] }));
  const guard = ok(
    await t.owner.post('/employees', {
      employeeNo: 'BA001',
      name: '保安李强',
      departmentId: dep.id,
      positionId: m.positionId,
    }),
    201,
  );
  const opened = ok(await t.owner.post('/periods', { key: '2026-12' }), 201);
  expect(opened.evaluations).toBe(3);
  const all = ok(await t.owner.get(`/evaluations?periodId=${opened.period.id}`));
  const idOf = (no: string) => all.items.find((e: any) => e.employeeNo === no).id as string;
  const month: Month = { ...m, periodId: opened.period.id, evaluationId: idOf('KF001') };
  return {
    m: month,
    kf002: idOf('KF002'),
    guard: guard.id as string,
    guardEval: idOf('BA001'),
    dep: dep.id,
    boss,
  };
}

const ids = (page: any) => page.items.map((e: any) => e.id);

describe('who may see and move an evaluation', () => {
  it('an employee sees only their own evaluation', async () => {
    const m = await openMonth(['KF002']);
    const { t, employee } = m;
    const all = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}`));
    expect(all.items.map((e: any) => e.employeeNo)).toEqual(['KF001', 'KF002']);
    const other = all.items[1];
    expect(other.id).not.toBe(m.evaluationId);

    for (const query of [
      '',
      `?periodId=${m.periodId}`,
      `?periodId=${m.periodId}&sort=rank`,
      `?departmentId=${m.departmentId}`,
      `?status=draft`,
    ]) {
      const page = ok(await employee.get(`/evaluations${query}`));
      expect(ids(page), `GET /evaluations${query}`).toEqual([m.evaluationId]);
      expect(JSON.stringify(page), `GET /evaluations${query}`).not.toContain('KF002');
    }
    expect(ids(ok(await employee.get(`/evaluations?employeeId=${other.employeeId}`)))).toEqual([]);

    const mine = ok(await employee.get(`/evaluations/${m.evaluationId}`));
    expect(mine).toMatchObject({ employeeNo: 'KF001', employeeName: '张敏', status: 'draft' });
    const theirs = refused(await employee.get(`/evaluations/${other.id}`), 404, 'NOT_FOUND');
    expect(JSON.stringify(theirs)).not.toContain('KF002');

    // The other evaluation is as unreachable for writes as for reads: 404, not 403 or 409.
    ok(await act(t.owner, other.id, 'inputs', COMPLETE));
    ok(await act(m.supervisor, other.id, 'submit'));
    for (const step of ['confirm', 'appeal'] as const) {
      await unchanged(m, other.id, async () => {
        refused(await actBlind(t.owner, employee, other.id, step, bodies[step]), 404, 'NOT_FOUND');
      });
    }

    // On their own evaluation: confirming and appealing are theirs; nothing else is.
    // Their own evaluation: the refusal names the rule, not only the step.
    const tried = await throughTheMonth(m, employee, {
      inputs: 'route',
      'remove input': 'route',
      submit: 'own',
      approve: 'own',
      resolve: 'own',
      reopen: 'own',
    });
    expect(tried).toEqual([
      'inputs@draft, inputs missing',
      'submit@draft, inputs missing',
      'inputs@draft, complete',
      'remove input@draft, complete',
      'submit@draft, complete',
      'approve@submitted',
      'resolve@appealed',
      'reopen@approved',
    ]);
  });

  it('a supervisor cannot touch another department', async () => {
    const { m, kf002, guard, guardEval, dep, boss } = await twoDepartments();
    const { t, supervisor } = m;

    const page = ok(await supervisor.get(`/evaluations?periodId=${m.periodId}`));
    expect(page.items.map((e: any) => e.employeeNo)).toEqual(['KF001', 'KF002']);
    expect(ids(ok(await supervisor.get('/evaluations?limit=200'))).sort()).not.toContain(guardEval);
    expect(ids(ok(await supervisor.get(`/evaluations?departmentId=${dep}`)))).toEqual([]);
    expect(ids(ok(await supervisor.get(`/evaluations?employeeId=${guard}`)))).toEqual([]);
    expect(ids(ok(await supervisor.get(`/evaluations?periodId=${m.periodId}&sort=rank`)))).not.toContain(
      guardEval,
    );
    const got = refused(await supervisor.get(`/evaluations/${guardEval}`), 404, 'NOT_FOUND');
    expect(JSON.stringify(got)).not.toContain('保安李强');

    // A complete draft: every write below would succeed for 保安部's own supervisor.
    ok(await act(t.owner, guardEval, 'inputs', COMPLETE));
    for (const step of ['inputs', 'remove input', 'submit'] as const) {
      await unchanged(m, guardEval, async () => {
        refused(await attempt(m, supervisor, guardEval, step), 404, 'NOT_FOUND');
      });
    }
    // Without If-Match the answer is the same 404: nothing is learnt from a 428.
    await unchanged(m, guardEval, async () => {
      refused(await supervisor.post(`/evaluations/${guardEval}/submit`, {}), 404, 'NOT_FOUND');
    });
    ok(await act(boss, guardEval, 'submit'));
    for (const step of ['confirm', 'appeal', 'approve'] as const) {
      await unchanged(m, guardEval, async () => {
        refused(await attempt(m, supervisor, guardEval, step), 404, 'NOT_FOUND');
      });
    }
    ok(await act(t.owner, guardEval, 'approve'));
    await unchanged(m, guardEval, async () => {
      refused(await attempt(m, supervisor, guardEval, 'reopen'), 404, 'NOT_FOUND');
    });

    // 保安部's supervisor, the other way round, cannot touch 客服部.
    refused(await boss.get(`/evaluations/${kf002}`), 404, 'NOT_FOUND');
    expect(ids(ok(await boss.get(`/evaluations?periodId=${m.periodId}`)))).toEqual([guardEval]);
    // … while 客服部's supervisor works on their own people.
    const own = ok(await act(supervisor, kf002, 'inputs', COMPLETE));
    expect(own.inputs.every((i: any) => i.recordedBy === supervisor.userId)).toBe(true);
    expect(ok(await act(supervisor, kf002, 'submit')).status).toBe('submitted');
  });

  it('a supervisor records and submits in their department; confirming is the employee’s, approving HR’s', async () => {
    const m = await openMonth();
    const tried = await throughTheMonth(m, m.supervisor, {
      confirm: 'workflow',
      appeal: 'workflow',
      resolve: 'workflow',
      approve: 'workflow',
      reopen: 'workflow',
    });
    expect(tried).toEqual([
      'confirm@submitted',
      'appeal@submitted',
      'approve@submitted',
      'resolve@appealed',
      'reopen@approved',
    ]);
  });

  it('auditors read everything and change nothing', async () => {
    const m = await openMonth(['KF002']);
    const auditor = await m.t.userWith('auditor');
    const page = ok(await auditor.get(`/evaluations?periodId=${m.periodId}&sort=rank`));
    expect(page.items.map((e: any) => e.employeeNo)).toEqual(['KF001', 'KF002']);
    expect(page.items.map((e: any) => e.rank)).toEqual([1, 1]);
    for (const e of page.items) {
      const res = await auditor.get(`/evaluations/${e.id}`);
      expect(ok(res)).toMatchObject({ id: e.id, status: 'draft', inputs: [], appeals: [] });
      expect(res.headers.get('ETag')).toBe(e.etag);
    }

    const tried = await throughTheMonth(m, auditor, {
      inputs: 'route',
      'remove input': 'route',
      submit: 'workflow',
      confirm: 'workflow',
      appeal: 'workflow',
      resolve: 'workflow',
      approve: 'workflow',
      reopen: 'workflow',
    });
    expect(tried).toHaveLength(10);
    // After the whole month the auditor still reads it, with every input and the appeal.
    const seen = ok(await auditor.get(`/evaluations/${m.evaluationId}`));
    expect(seen).toMatchObject({ status: 'approved', appeals: [{ status: 'resolved' }] });
    expect(seen.inputs).toHaveLength(7);

    // Periods and ingestion are closed to them too.
    const periods = await rows('SELECT * FROM periods WHERE tenant_id = ?', m.t.tenantId);
    refused(await auditor.post(`/periods/${m.periodId}/close`, {}), 403, 'FORBIDDEN');
    refused(await auditor.post('/periods', { key: '2026-12' }), 403, 'FORBIDDEN');
    refused(
      await auditor.post('/ingest', {
        rows: [{ employeeNo: 'KF002', period: '2026-11', indicator: 'calls_answered', value: 1 }],
      }),
      403,
      'FORBIDDEN',
    );
    expect(await rows('SELECT * FROM periods WHERE tenant_id = ?', m.t.tenantId)).toEqual(periods);
  });

  it('an evaluations:read key reads but cannot write', async () => {
    const m = await openMonth(['KF002']);
    const key = await m.t.keyWith('evaluations:read');
    const page = ok(await key.get(`/evaluations?periodId=${m.periodId}`));
    expect(page.items.map((e: any) => e.employeeNo)).toEqual(['KF001', 'KF002']);
    const res = await key.get(`/evaluations/${m.evaluationId}`);
    expect(ok(res).employeeNo).toBe('KF001');
    expect(res.headers.get('ETag')).toBe(`"${m.evaluationId}.1"`);
    expect(ok(await key.get(`/periods/${m.periodId}`))).toMatchObject({ key: '2026-11', status: 'open' });

    const tried = await throughTheMonth(m, key, {
      inputs: 'route',
      'remove input': 'route',
      submit: 'route',
      confirm: 'route',
      appeal: 'route',
      resolve: 'route',
      approve: 'route',
      reopen: 'route',
    });
    expect(tried).toHaveLength(10);
    refused(
      await key.post('/ingest', {
        rows: [{ employeeNo: 'KF002', period: '2026-11', indicator: 'calls_answered', value: 1 }],
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('an evaluations:write key records inputs and submits, but cannot confirm, appeal, approve, resolve or reopen', async () => {
    const m = await openMonth(['KF002']);
    const key = await m.t.keyWith('evaluations:write');
    const kf002 = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`)).items[1].id;
    const recorded = ok(await act(key, kf002, 'inputs', COMPLETE));
    expect(recorded.inputs).toHaveLength(7);
    expect(recorded.inputs.every((i: any) => i.source === 'integrator' && i.recordedBy === key.keyId)).toBe(
      true,
    );
    expect(recorded.missingRequired).toEqual([]);
    expect(ok(await act(key, kf002, 'submit')).status).toBe('submitted');

    const tried = await throughTheMonth(m, key, {
      confirm: 'workflow',
      appeal: 'workflow',
      resolve: 'workflow',
      approve: 'workflow',
      reopen: 'workflow',
    });
    expect(tried).toEqual([
      'confirm@submitted',
      'appeal@submitted',
      'approve@submitted',
      'resolve@appealed',
      'reopen@approved',
    ]);
    // In Chinese, too, the refusal names the step.
    const zh = await actBlind(m.t.owner, key, kf002, 'approve');
    expect(refused(zh, 403, 'FORBIDDEN').message).toBe('您不能对这份考核执行「approve」');
  });
});

describe('the workflow refuses steps out of order, naming the state', () => {
  it('wrong-state transitions are refused with the state named', async () => {
    const m = await openMonth();
    const { t, employee, supervisor, evaluationId: id } = m;

    await unchanged(m, id, async () => {
      const e = refused(await act(t.owner, id, 'approve'), 409, 'CONFLICT');
      expect(e.details).toEqual({ status: 'draft', allowedFrom: ['submitted', 'confirmed'] });
      expect(e.message).toContain('draft');
      expect(e.message).toBe('当前状态为「draft」，不能执行「approve」（允许的状态：submitted, confirmed）');
      const en = refused(await act(t.owner, id, 'approve', {}, 'en'), 409, 'CONFLICT');
      expect(en.message).toBe('The evaluation is draft; approve needs one of: submitted, confirmed');
    });
    for (const [step, body] of [
      ['confirm', {}],
      ['appeal', { reason: '不同意' }],
    ] as const) {
      await unchanged(m, id, async () => {
        const e = refused(await act(employee, id, step, body, 'en'), 409, 'CONFLICT');
        expect(e.details).toEqual({ status: 'draft', allowedFrom: ['submitted'] });
        expect(e.message).toBe(`The evaluation is draft; ${step} needs one of: submitted`);
      });
    }
    for (const [step, body, from] of [
      ['resolve', { answer: '答复' }, ['appealed']],
      ['reopen', { reason: '重新核算' }, ['approved', 'locked']],
    ] as const) {
      await unchanged(m, id, async () => {
        const e = refused(await act(t.owner, id, step, body), 409, 'CONFLICT');
        expect(e.details).toEqual({ status: 'draft', allowedFrom: from });
      });
    }

    // Submit with required inputs missing: 409 naming exactly the missing indicator keys.
    const partial = {
      metrics: COMPLETE.metrics.filter(
        (x) => x.indicator !== 'utilization_rate' && x.indicator !== 'reports_on_time',
      ),
      ratings: COMPLETE.ratings,
    };
    const recorded = ok(await act(supervisor, id, 'inputs', partial));
    expect(recorded.missingRequired).toEqual(['utilization_rate', 'reports_on_time']);
    await unchanged(m, id, async () => {
      const e = refused(await act(supervisor, id, 'submit', {}, 'en'), 409, 'CONFLICT');
      expect(e.message).toBe(
        'Required inputs are missing, so it cannot be submitted: utilization_rate, reports_on_time',
      );
      expect(e.details).toEqual([
        { field: 'indicators.utilization_rate', code: 'missing_required', message: 'utilization_rate' },
        { field: 'indicators.reports_on_time', code: 'missing_required', message: 'reports_on_time' },
      ]);
      const zh = refused(await act(supervisor, id, 'submit'), 409, 'CONFLICT');
      expect(zh.message).toBe('缺少必填指标的输入，不能提交：utilization_rate, reports_on_time');
    });

    ok(await act(supervisor, id, 'inputs', COMPLETE));
    expect(ok(await act(supervisor, id, 'submit')).status).toBe('submitted');

    // Inputs on a submitted evaluation: locked, naming the state.
    const inputId = (await read(t.owner, id)).body.inputs[0].id;
    await unchanged(m, id, async () => {
      const e = refused(
        await act(supervisor, id, 'inputs', { ratings: [{ indicator: 'exam', value: 50 }] }, 'en'),
        409,
        'CONFLICT',
      );
      expect(e.message).toBe('The evaluation is submitted; inputs can change only while it is a draft');
      const zh = refused(
        await act(t.owner, id, 'inputs', { ratings: [{ indicator: 'exam', value: 50 }] }),
        409,
        'CONFLICT',
      );
      expect(zh.message).toBe('考核状态为「submitted」，只有草稿可以修改输入');
      const { etag } = await read(t.owner, id);
      const del = await t.owner.delete(`/evaluations/${id}/inputs/${inputId}`, ifMatch(etag));
      expect(refused(del, 409, 'CONFLICT').message).toContain('submitted');
      const again = refused(await act(supervisor, id, 'submit'), 409, 'CONFLICT');
      expect(again.details).toEqual({ status: 'submitted', allowedFrom: ['draft'] });
      expect(
        refused(await act(t.owner, id, 'reopen', { reason: '重新核算' }), 409, 'CONFLICT').details,
      ).toEqual({
        status: 'submitted',
        allowedFrom: ['approved', 'locked'],
      });
    });

    // Appeal twice: the second finds it appealed.
    expect(ok(await act(employee, id, 'appeal', { reason: '考试成绩录错了' })).status).toBe('appealed');
    await unchanged(m, id, async () => {
      const e = refused(await act(employee, id, 'appeal', { reason: '再申诉一次' }, 'en'), 409, 'CONFLICT');
      expect(e.details).toEqual({ status: 'appealed', allowedFrom: ['submitted'] });
      expect(e.message).toBe('The evaluation is appealed; appeal needs one of: submitted');
      expect(refused(await act(employee, id, 'confirm'), 409, 'CONFLICT').details.status).toBe('appealed');
      expect(refused(await act(t.owner, id, 'approve'), 409, 'CONFLICT').details.status).toBe('appealed');
    });
    const appeals = await rows('SELECT * FROM appeals WHERE evaluation_id = ?', id);
    expect(appeals).toHaveLength(1);

    ok(await act(t.owner, id, 'resolve', { answer: '考试成绩核对无误' }));
    expect(ok(await act(t.owner, id, 'approve')).status).toBe('approved');
    // Confirm an approved one.
    await unchanged(m, id, async () => {
      const e = refused(await act(employee, id, 'confirm', {}, 'en'), 409, 'CONFLICT');
      expect(e.details).toEqual({ status: 'approved', allowedFrom: ['submitted'] });
      expect(e.message).toBe('The evaluation is approved; confirm needs one of: submitted');
      expect(refused(await act(t.owner, id, 'approve'), 409, 'CONFLICT').details.status).toBe('approved');
    });
  });

  it('reopen needs a reason and HR; a locked evaluation of a closed period reopens to draft and approves back to locked', async () => {
    const m = await openMonth();
    const { t, employee, supervisor, evaluationId: id } = m;
    await toApproved(m);

    for (const body of [{}, { reason: '   ' }, { reason: '' }]) {
      await unchanged(m, id, async () => {
        const e = refused(await act(t.owner, id, 'reopen', body), 400, 'VALIDATION_FAILED');
        expect(e.details.map((d: any) => d.field)).toEqual(['reason']);
      });
    }
    for (const [who, message] of [
      [supervisor, 'You may not reopen this evaluation'],
      [employee, OWN_RULE],
    ] as const) {
      await unchanged(m, id, async () => {
        const e = refused(await act(who, id, 'reopen', { reason: '重新核算' }, 'en'), 403, 'FORBIDDEN');
        expect(e.message).toMatch(message);
      });
    }

    const closed = ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    expect(closed).toMatchObject({ period: { status: 'closed' }, lockedEvaluations: 1 });
    const locked = await read(t.owner, id);
    expect(locked.body.status).toBe('locked');
    // Locked: nothing moves but a reopen.
    await unchanged(m, id, async () => {
      refused(
        await act(t.owner, id, 'inputs', { ratings: [{ indicator: 'exam', value: 50 }] }),
        409,
        'CONFLICT',
      );
      expect(refused(await act(employee, id, 'confirm'), 409, 'CONFLICT').details.status).toBe('locked');
      expect(refused(await act(t.owner, id, 'approve'), 409, 'CONFLICT').details.status).toBe('locked');
      refused(await act(supervisor, id, 'reopen', { reason: '重新核算' }), 403, 'FORBIDDEN');
    });

    const reopened = ok(await act(t.owner, id, 'reopen', { reason: '考试成绩录错，重新核算' }));
    expect(reopened).toMatchObject({ status: 'draft', revision: locked.body.revision + 1 });
    const [entry] = ok(await t.owner.get(`/audit-log?entityType=evaluation&entityId=${id}&limit=1`)).items;
    expect(entry.action).toBe('evaluation.reopen');
    expect(entry.before.status).toBe('locked');
    expect(entry.after).toMatchObject({ status: 'draft', reason: '考试成绩录错，重新核算' });
    expect(ok(await t.owner.get(`/periods/${m.periodId}`)).status).toBe('closed');

    // A draft again: inputs change and the score follows.
    const before = reopened.total;
    const changed = ok(
      await act(supervisor, id, 'inputs', { ratings: [{ indicator: 'supervisor_rating', value: 5 }] }),
    );
    expect(changed.total).toBeLessThan(before);
    expect(ok(await act(supervisor, id, 'submit')).status).toBe('submitted');
    const approved = ok(await act(t.owner, id, 'approve'));
    expect(approved.status, 'approved in a closed period goes straight back to locked').toBe('locked');
    expect((await read(employee, id)).body.status).toBe('locked');
    expect(ok(await t.owner.get('/audit-log/verify')).ok).toBe(true);
  });

  it('reopening an approved evaluation of an open period gives a draft', async () => {
    const m = await openMonth();
    await toSubmitted(m);
    const approved = ok(await act(m.t.owner, m.evaluationId, 'approve'));
    expect(approved.status).toBe('approved');
    const reopened = ok(await act(m.t.owner, m.evaluationId, 'reopen', { reason: '补录表扬' }));
    expect(reopened.status).toBe('draft');
    expect(ok(await act(m.supervisor, m.evaluationId, 'submit')).status).toBe('submitted');
    expect(ok(await act(m.t.owner, m.evaluationId, 'approve')).status).toBe('approved');
  });
});

describe('what a resolved appeal and a ranking page say', () => {
  it('each input voided by an appeal names that appeal', async () => {
    const m = await openMonth();
    const { t, employee, supervisor, evaluationId: id } = m;
    ok(
      await act(t.owner, id, 'inputs', {
        ...COMPLETE,
        events: [
          { indicator: 'attendance', rule: 'late', count: 1, evidence: { note: '11月5日迟到' } },
          { indicator: 'attendance', rule: 'early_leave', count: 1, evidence: { note: '11月6日早退' } },
        ],
      }),
    );
    ok(await act(supervisor, id, 'submit'));
    const { body } = await read(employee, id);
    const late = body.inputs.find((i: any) => i.rule === 'late');
    const early = body.inputs.find((i: any) => i.rule === 'early_leave');
    const appealed = ok(
      await act(employee, id, 'appeal', { reason: '11月5日有请假条', disputedInputIds: [late.id] }),
    );
    const appealId = appealed.appeals[0].id;
    const resolved = ok(
      await act(t.owner, id, 'resolve', { answer: '请假条属实，撤销迟到扣分', voidInputIds: [late.id] }),
    );
    const byId = Object.fromEntries(resolved.inputs.map((i: any) => [i.id, i]));
    expect(byId[late.id]).toMatchObject({ voided: true, voidedByAppeal: appealId });
    expect(byId[early.id]).toMatchObject({ voided: false, voidedByAppeal: null });
    expect(
      await rows('SELECT voided, voided_by_appeal FROM evaluation_inputs WHERE id = ?', late.id),
    ).toEqual([{ voided: 1, voided_by_appeal: appealId }]);
    expect((await read(t.owner, id)).body.inputs.find((i: any) => i.id === late.id).voidedByAppeal).toBe(
      appealId,
    );
  });

  it('sort=rank keeps shared ranks across pages', async () => {
    // Four drafts without inputs: all the same total, so all rank 1, on every page.
    const m = await openMonth(['KF002', 'KF003', 'KF004']);
    const { t } = m;
    const all = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}&sort=rank`));
    expect(all.items.map((e: any) => e.rank)).toEqual([1, 1, 1, 1]);
    // KF004 scores higher: 1, then three sharing rank 2.
    const kf004 = all.items.find((e: any) => e.employeeNo === 'KF004').id;
    ok(await act(t.owner, kf004, 'inputs', COMPLETE));
    const ranks: [string, number][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: any = ok(
        await t.owner.get(
          `/evaluations?periodId=${m.periodId}&sort=rank&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      for (const e of page.items) ranks.push([e.employeeNo, e.rank]);
      cursor = page.nextCursor;
    }
    expect(ranks).toEqual([
      ['KF004', 1],
      ['KF001', 2],
      ['KF002', 2],
      ['KF003', 2],
    ]);
  });
});
