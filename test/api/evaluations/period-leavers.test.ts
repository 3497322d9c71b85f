import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { rows } from '../support';
import { ok, openMonth, read } from './fixtures';
import { act, auditCount, refused, stored, toApproved, toSubmitted } from './workflow-support';

/*
 * Leavers: DELETE /periods/{id}/evaluations/{evaluationId} {reason} takes someone's evaluation
 * out of an open month, so that HR can close it, and keeps everything in the audit log.
 */

const leave = (who: Caller, periodId: string, evaluationId: string, body: unknown, lang?: 'en') =>
  who.delete(`/periods/${periodId}/evaluations/${evaluationId}`, { body, ...(lang && { lang }) });

async function evaluationOf(who: Caller, periodId: string, employeeNo: string): Promise<string> {
  const items = ok(await who.get(`/evaluations?periodId=${periodId}&limit=100`)).items;
  return items.find((e: any) => e.employeeNo === employeeNo).id;
}

describe('leavers', () => {
  it('removes the evaluation with its inputs and appeals in one audited batch; the month can then close', async () => {
    const m = await openMonth(['KF002']);
    const { t } = m;
    const kf002 = await evaluationOf(t.owner, m.periodId, 'KF002');
    await toApproved(m, kf002);
    // KF001 had inputs, was submitted and appealed, and then left the company.
    await toSubmitted(m);
    const appealed = ok(await act(m.employee, m.evaluationId, 'appeal', { reason: '考试成绩有误' }));
    expect(appealed.status).toBe('appealed');
    const blocked = refused(await t.owner.post(`/periods/${m.periodId}/close`, {}), 409, 'CONFLICT');
    expect(blocked.details).toEqual({ notApproved: { appealed: 1 } });

    const detail = (await read(t.owner, m.evaluationId)).body;
    const was = await stored(m.evaluationId);
    expect(was.inputs.length).toBeGreaterThan(0);
    expect(was.appeals).toHaveLength(1);
    const audit = await auditCount(t.tenantId);
    const res = await leave(t.owner, m.periodId, m.evaluationId, { reason: '  11月15日离职  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);

    // The evaluation, its inputs and its appeal are gone…
    expect(await stored(m.evaluationId)).toEqual({ evaluation: [], inputs: [], appeals: [] });
    refused(await t.owner.get(`/evaluations/${m.evaluationId}`), 404, 'NOT_FOUND');
    expect(ok(await t.owner.get(`/evaluations?employeeId=${m.employeeId}`)).items).toEqual([]);
    // …and one audit entry of the same request keeps all of it, with the reason.
    expect(await auditCount(t.tenantId)).toBe(audit + 1);
    const [entry] = await rows<any>(
      'SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1',
      t.tenantId,
    );
    expect(entry).toMatchObject({
      action: 'evaluation.delete',
      entity_type: 'evaluation',
      entity_id: m.evaluationId,
      request_id: res.headers.get('X-Request-Id'),
      after: null,
    });
    const before = JSON.parse(entry.before);
    expect(before.reason).toBe('11月15日离职');
    expect([before.inputCount, before.inputParts]).toEqual([was.inputs.length, 1]);
    expect(before.period).toBe('2026-11');
    expect(before.evaluation).toMatchObject({
      id: m.evaluationId,
      employeeId: m.employeeId,
      status: 'appealed',
      revision: detail.revision,
      totalCenti: Math.round(detail.total * 100),
      schemeVersionId: detail.schemeVersionId,
      payTotalFen: detail.pay.totalFen,
    });
    expect(before.evaluation.breakdown).toEqual(detail.breakdown);
    expect(before.inputs.map((i: any) => i.id).sort()).toEqual(detail.inputs.map((i: any) => i.id).sort());
    expect(before.inputs.map((i: any) => [i.id, i.kind, i.indicator, i.value]).sort()).toEqual(
      was.inputs.map((i: any) => [i.id, i.kind, i.indicator, i.value]).sort(),
    );
    expect(before.appeals).toEqual([
      expect.objectContaining({ id: detail.appeals[0].id, reason: '考试成绩有误' }),
    ]);
    expect(ok(await t.owner.get('/audit-log/verify'))).toMatchObject({ ok: true });
    const history = ok(
      await t.owner.get(`/audit-log?entityType=evaluation&entityId=${m.evaluationId}`),
    ).items;
    expect(history[0]).toMatchObject({ action: 'evaluation.delete', after: null });

    // Everyone left is approved: the month closes.
    const closed = ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    expect(closed).toMatchObject({ period: { status: 'closed' }, lockedEvaluations: 1 });
  });

  it('refuses approved or locked ones, a closed month, a bad reason, other periods and tenants, non-HR; writes nothing', async () => {
    const m = await openMonth(['KF002']);
    const { t } = m;
    const other = await openMonth();
    const kf002 = await evaluationOf(t.owner, m.periodId, 'KF002');
    await toApproved(m, kf002);
    const callers = [
      m.supervisor,
      m.employee,
      await t.userWith('auditor'),
      await t.keyWith('evaluations:write'),
    ];
    const dec = ok(await t.owner.post('/periods', { key: '2026-12' }), 201).period;
    const decKf001 = await evaluationOf(t.owner, dec.id, 'KF001');
    const snapshot = async () => ({
      kf001: await stored(m.evaluationId),
      kf002: await stored(kf002),
      decKf001: await stored(decKf001),
      other: await stored(other.evaluationId),
      audit: await auditCount(t.tenantId),
      otherAudit: await auditCount(other.t.tenantId),
    });
    const before = await snapshot();
    const reason = { reason: '离职' };

    const approved = refused(await leave(t.owner, m.periodId, kf002, reason, 'en'), 409, 'CONFLICT');
    expect(approved.message).toBe(
      'The evaluation is approved: an approved or locked evaluation cannot be removed from the period; reopen it first if it must go',
    );
    expect(approved.details).toEqual({ status: 'approved' });
    expect(refused(await leave(t.owner, m.periodId, kf002, reason), 409, 'CONFLICT').message).toBe(
      '考核状态为「approved」：已审批或已锁定的考核不能移出周期，如确需移除，请先重新打开（reopen）',
    );

    // The reason is required and not blank; nothing else is taken.
    for (const [body, field] of [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: 3 }, 'reason'],
      [{ reason: 'x'.repeat(2001) }, 'reason'],
      [{ reason: '离职', force: true }, '(body)'],
    ] as const) {
      const e = refused(
        await leave(t.owner, m.periodId, m.evaluationId, body, 'en'),
        400,
        'VALIDATION_FAILED',
      );
      expect(
        e.details.map((d: any) => d.field),
        JSON.stringify(body),
      ).toEqual([field]);
    }
    const zh = refused(await leave(t.owner, m.periodId, m.evaluationId, {}), 400, 'VALIDATION_FAILED');
    expect(zh.details).toEqual([{ field: 'reason', code: 'invalid_type', message: 'reason：必填' }]);
    const en = refused(
      await leave(t.owner, m.periodId, m.evaluationId, { reason: ' ' }, 'en'),
      400,
      'VALIDATION_FAILED',
    );
    expect(en.details[0].message).toBe('reason must be at least 1 characters');
    // A DELETE without any body is told the same.
    const noBody = await t.owner.delete(`/periods/${m.periodId}/evaluations/${m.evaluationId}`);
    expect(refused(noBody, 400, 'VALIDATION_FAILED').details.map((d: any) => d.field)).toEqual(['reason']);

    // December's evaluation is not November's; another company's period and evaluation are not found.
    refused(await leave(t.owner, m.periodId, decKf001, reason), 404, 'NOT_FOUND');
    refused(await leave(t.owner, other.periodId, other.evaluationId, reason), 404, 'NOT_FOUND');
    refused(await leave(t.owner, m.periodId, other.evaluationId, reason), 404, 'NOT_FOUND');
    refused(await leave(t.owner, other.periodId, m.evaluationId, reason), 404, 'NOT_FOUND');
    // Only HR, never a key.
    for (const who of callers)
      refused(await leave(who, m.periodId, m.evaluationId, reason), 403, 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    // An admin may; then the month closes, and nothing in it can be removed any more, even reopened.
    const admin = await t.userWith('admin');
    expect((await leave(admin, m.periodId, m.evaluationId, reason)).status).toBe(204);
    ok(await t.owner.post(`/periods/${m.periodId}/close`, {}));
    const locked = refused(await leave(t.owner, m.periodId, kf002, reason, 'en'), 409, 'CONFLICT');
    expect(locked.message).toBe('The period 2026-11 is closed');
    const reopened = ok(await act(t.owner, kf002, 'reopen', { reason: '补录考试成绩' }));
    expect(reopened.status).toBe('draft');
    refused(await leave(t.owner, m.periodId, kf002, reason), 409, 'CONFLICT');
    expect(await stored(kf002)).toMatchObject({ evaluation: [expect.objectContaining({ status: 'draft' })] });
  });

  it('an evaluation with thousands of annotated events goes too: its inputs spread over entries that fit D1 rows', async () => {
    const m = await openMonth();
    const { t } = m;
    const annotated = (round: number) =>
      Array.from({ length: 1000 }, (_, i) => ({
        indicator: 'call_quality',
        rule: 'no_staff_no',
        evidence: { recordingId: `REC-${round}-${i}`, note: '录音核实：未报工号。'.padEnd(280, '。') },
      }));
    for (let round = 0; round < 3; round++)
      ok(await act(m.supervisor, m.evaluationId, 'inputs', { events: annotated(round) }));
    const inputIds = (await stored(m.evaluationId)).inputs.map((i: any) => i.id).sort();
    expect(inputIds).toHaveLength(3000);

    const res = await leave(t.owner, m.periodId, m.evaluationId, { reason: '离职' });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await stored(m.evaluationId)).toEqual({ evaluation: [], inputs: [], appeals: [] });
    const entries = await rows<any>(
      'SELECT action, entity_id, before, after FROM audit_log WHERE tenant_id = ? AND request_id = ? ORDER BY seq',
      t.tenantId,
      res.headers.get('X-Request-Id'),
    );
    const parts = entries.map((e) => ({ ...e, before: JSON.parse(e.before) }));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.action)).toEqual([
      'evaluation.delete',
      ...Array(parts.length - 1).fill('evaluation.delete.inputs'),
    ]);
    expect(parts[0].before).toMatchObject({ reason: '离职', inputCount: 3000, inputParts: parts.length });
    expect(parts[0].before.evaluation.id).toBe(m.evaluationId);
    parts.slice(1).forEach((p, i) => {
      expect(p.before).toMatchObject({ reason: '离职', part: i + 2, of: parts.length });
    });
    for (const p of entries) expect(new TextEncoder().encode(p.before).length).toBeLessThan(2_000_000);
    // Every input is in exactly one of them, evidence and all.
    const kept = parts.flatMap((p) => p.before.inputs);
    expect(kept.map((i: any) => i.id).sort()).toEqual(inputIds);
    expect(kept.find((i: any) => i.evidence.recordingId === 'REC-2-999')).toBeDefined();
    expect(ok(await t.owner.get('/audit-log/verify'))).toMatchObject({ ok: true });
  });

  it('someone removed by mistake can be added back as a late joiner, starting afresh', async () => {
    const m = await openMonth();
    const { t } = m;
    ok(await act(t.owner, m.evaluationId, 'inputs', { ratings: [{ indicator: 'exam', value: 90 }] }));
    expect((await leave(t.owner, m.periodId, m.evaluationId, { reason: '误删测试' })).status).toBe(204);
    const back = ok(
      await t.owner.post(`/periods/${m.periodId}/evaluations`, { employeeId: m.employeeId }),
      201,
    );
    expect(back.id).not.toBe(m.evaluationId);
    expect(back).toMatchObject({
      employeeId: m.employeeId,
      status: 'draft',
      revision: 1,
      total: 40,
      inputs: [],
    });
    const actions = await rows<{ action: string }>(
      "SELECT action FROM audit_log WHERE tenant_id = ? AND entity_type = 'evaluation' ORDER BY seq",
      t.tenantId,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'evaluation.inputs.add',
      'evaluation.delete',
      'evaluation.create',
    ]);
  });
});
