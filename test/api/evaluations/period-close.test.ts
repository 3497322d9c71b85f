import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { rows } from '../support';
import { ok, openMonth } from './fixtures';
import { toApproved } from './workflow-support';

/*
 * Closing a month locks every evaluation; each lock is an entry in the evaluation's own audit
 * history, written in the close's one batch next to the period's `period.close`.
 */

interface AuditRow {
  seq: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string;
}

const entriesOf = (tenantId: string, requestId: string) =>
  rows<AuditRow>(
    'SELECT * FROM audit_log WHERE tenant_id = ? AND request_id = ? ORDER BY seq',
    tenantId,
    requestId,
  );

describe('closing a month audits every lock', () => {
  it('writes one evaluation.lock per locked evaluation (status and revision before/after) in the close’s batch', async () => {
    const m = await openMonth(['KF002', 'KF003']);
    const { t } = m;
    const ids = ok(await t.owner.get(`/evaluations?periodId=${m.periodId}`)).items.map(
      (e: any) => e.id as string,
    );
    for (const id of ids) await toApproved(m, id);
    const revisions = Object.fromEntries(
      (
        await rows<{ id: string; revision: number }>(
          'SELECT id, revision FROM evaluations WHERE period_id = ?',
          m.periodId,
        )
      ).map((r) => [r.id, r.revision]),
    );
    const [head] = await rows<{ seq: number }>(
      'SELECT max(seq) AS seq FROM audit_log WHERE tenant_id = ?',
      t.tenantId,
    );

    const res = await t.owner.post(`/periods/${m.periodId}/close`, {});
    expect(ok(res)).toMatchObject({ period: { status: 'closed' }, lockedEvaluations: 3 });
    const requestId = res.headers.get('X-Request-Id')!;
    const entries = await entriesOf(t.tenantId, requestId);
    // Everything the close wrote: the period's entry and three locks, consecutive, at one instant.
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4].map((n) => head!.seq + n));
    expect(new Set(entries.map((e) => e.at)).size).toBe(1);
    expect(entries.map((e) => [e.action, e.entity_type])).toEqual([
      ['period.close', 'period'],
      ['evaluation.lock', 'evaluation'],
      ['evaluation.lock', 'evaluation'],
      ['evaluation.lock', 'evaluation'],
    ]);
    const locks = entries.slice(1);
    expect(locks.map((e) => e.entity_id).sort()).toEqual([...ids].sort());
    const now = await rows<{ id: string; status: string; revision: number }>(
      'SELECT id, status, revision FROM evaluations WHERE period_id = ?',
      m.periodId,
    );
    for (const lock of locks) {
      const was = revisions[lock.entity_id]!;
      expect(JSON.parse(lock.before!)).toEqual({ status: 'approved', revision: was });
      expect(JSON.parse(lock.after!)).toEqual({ status: 'locked', revision: was + 1 });
      expect(now.find((e) => e.id === lock.entity_id)).toMatchObject({ status: 'locked', revision: was + 1 });
    }
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ status: 'closed', lockedEvaluations: 3 });
    // The evaluation's own history now ends with its lock, and the chain still verifies.
    const history = ok(
      await t.owner.get(`/audit-log?entityType=evaluation&entityId=${m.evaluationId}`),
    ).items;
    expect(history[0]).toMatchObject({
      action: 'evaluation.lock',
      before: { status: 'approved' },
      after: { status: 'locked' },
      requestId,
    });
    expect(ok(await t.owner.get('/audit-log/verify'))).toMatchObject({ ok: true });
  });

  it('a month of 101 evaluations closes: every one locked and audited, each statement under D1’s 100 parameters', async () => {
    const t = await newTenant('大型物业');
    ok(await t.owner.post('/departments', { name: '客服部' }), 201);
    const pos = ok(
      await t.owner.post('/positions', { name: '客服专员', baseSalaryFen: 300_000, bonusBaseFen: 100_000 }),
      201,
    );
    // A scheme with nothing required, so that each evaluation can be submitted as it is.
    const scheme = ok(await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name: '简易方案' }), 201);
    const v1 = ok(await t.owner.get(`/schemes/${scheme.id}/versions/1`));
    const content = structuredClone(v1.content);
    for (const i of content.indicators) i.required = false;
    ok(await t.owner.put(`/schemes/${scheme.id}/versions/1`, { content }));
    ok(await t.owner.post(`/schemes/${scheme.id}/versions/1/publish`, {}));
    ok(
      await t.owner.put('/scheme-assignments', {
        targetType: 'position',
        targetId: pos.id,
        schemeId: scheme.id,
      }),
    );
    const n = 101;
    const csv = [
      '工号,姓名,部门,岗位',
      ...Array.from({ length: n }, (_, i) => `KF${1000 + i},员工${i},客服部,客服专员`),
    ];
    const imported = await call(t.owner.creds, 'POST', '/employees/import', {
      raw: `${csv.join('\n')}\n`,
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(ok(imported).creates).toBe(n);
    const opened = ok(await t.owner.post('/periods', { key: '2026-11' }), 201);
    expect(opened.evaluations).toBe(n);

    const items = ok(await t.owner.get(`/evaluations?periodId=${opened.period.id}&limit=200`)).items;
    expect(items).toHaveLength(n);
    // One after another: the audit chain serialises a tenant's writes anyway.
    for (const e of items) {
      const submitted = ok(
        await t.owner.post(`/evaluations/${e.id}/submit`, {}, { headers: { 'If-Match': e.etag } }),
      );
      ok(await t.owner.post(`/evaluations/${e.id}/approve`, {}, { headers: { 'If-Match': submitted.etag } }));
    }

    const res = await t.owner.post(`/periods/${opened.period.id}/close`, {});
    expect(ok(res).lockedEvaluations).toBe(n);
    const entries = await entriesOf(t.tenantId, res.headers.get('X-Request-Id')!);
    expect(entries).toHaveLength(n + 1);
    const locked = entries.filter((e) => e.action === 'evaluation.lock').map((e) => e.entity_id);
    expect(new Set(locked)).toEqual(new Set(items.map((e: any) => e.id)));
    const statuses = await rows<{ status: string; n: number }>(
      'SELECT status, count(*) AS n FROM evaluations WHERE period_id = ? GROUP BY status',
      opened.period.id,
    );
    expect(statuses).toEqual([{ status: 'locked', n }]);
    expect(ok(await t.owner.get('/audit-log/verify'))).toMatchObject({ ok: true });
  });
});
