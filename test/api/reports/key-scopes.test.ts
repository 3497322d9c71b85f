import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runReportJob } from '../../../worker/services/reports/job';
import { expectError, rows } from '../support';
import { exported, ok, queuedReport, seedMonth } from './fixtures';

// A report is another way to read the same rows: a key exports only what it could read.
describe('a key exports only what its scopes let it read', () => {
  it('reports:write alone is refused every kind, naming the scope, and writes nothing', async () => {
    const m = await seedMonth();
    const key = await m.t.keyWith('reports:write');
    const asks = [
      [{ kind: 'period-scores', format: 'csv', periodId: m.periodId }, 'evaluations:read'],
      [{ kind: 'payroll', format: 'xlsx', periodId: m.periodId, includeOpen: true }, 'evaluations:read'],
      [{ kind: 'department-summary', format: 'csv', periodId: m.periodId }, 'evaluations:read'],
      [{ kind: 'employee-history', format: 'csv', from: '2026-01', to: '2026-12' }, 'evaluations:read'],
      [
        { kind: 'audit-log', format: 'csv', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
        'audit:read',
      ],
    ] as const;
    for (const [body, scope] of asks) {
      const res = await key.post('/reports', body);
      expectError(res, 403, 'FORBIDDEN', body.kind);
      expect(res.body.error.message, body.kind).toContain(scope);
      expect(res.body.error.details).toEqual({ allowed: { scopes: [scope] } });
    }
    expect(await rows('SELECT id FROM reports WHERE tenant_id = ?', m.t.tenantId)).toEqual([]);
    expect(
      await rows(`SELECT seq FROM audit_log WHERE tenant_id = ? AND action = 'report.create'`, m.t.tenantId),
    ).toEqual([]);
  });

  it('with the read scope the same key exports: evaluations:read the scores, audit:read the log', async () => {
    const m = await seedMonth();
    const scores = await m.t.keyWith('reports:write', 'evaluations:read');
    expect(
      (await exported(scores, { kind: 'period-scores', format: 'csv', periodId: m.periodId })).rows,
    ).toBe(9);
    const log = {
      kind: 'audit-log',
      format: 'csv',
      from: '2026-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
    };
    expectError(await scores.post('/reports', log), 403, 'FORBIDDEN');
    const auditor = await m.t.keyWith('reports:write', 'audit:read');
    expect((await exported(auditor, log)).rows).toBeGreaterThan(0);
  });

  it("another's audit-log file is not a way around audit:read: 404 and unlisted for a key without it", async () => {
    const m = await seedMonth();
    const log = {
      kind: 'audit-log',
      format: 'csv',
      from: '2026-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
    };
    const made = await exported(m.t.owner, log);
    const scores = await exported(m.t.owner, { kind: 'period-scores', format: 'csv', periodId: m.periodId });
    const reader = await m.t.keyWith('reports:write', 'evaluations:read');
    expect(ok(await reader.get('/reports')).items.map((r: { id: string }) => r.id)).toEqual([scores.id]);
    for (const path of [`/reports/${made.id}`, `/reports/${made.id}/download`])
      expectError(await reader.get(path), 404, 'NOT_FOUND', path);
    expectError(await reader.post(`/reports/${made.id}/retry`, {}), 404, 'NOT_FOUND');
    expectError(await reader.delete(`/reports/${made.id}`), 404, 'NOT_FOUND');
    const bare = await m.t.keyWith('reports:read');
    expect(ok(await bare.get('/reports')).items).toEqual([]);
    const auditor = await m.t.keyWith('reports:read', 'audit:read');
    expect(ok(await auditor.get(`/reports/${made.id}`)).status).toBe('ready');
  });

  it('a key revoked before its job runs gets a failed report and no file', async () => {
    const m = await seedMonth();
    const key = await m.t.keyWith('reports:write', 'audit:read');
    const { report, job } = await queuedReport(
      m,
      { kind: 'audit-log', format: 'csv', from: '2026-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
      { keyId: key.keyId, scopes: ['reports:write', 'audit:read'] },
    );
    ok(await m.t.owner.post(`/api-keys/${key.keyId}/revoke`, {}));
    await runReportJob({ DB: env.DB, REPORTS: env.REPORTS }, job);
    expect(ok(await m.t.owner.get(`/reports/${report.id}`))).toMatchObject({
      status: 'failed',
      error: { code: 'REPORT_CREATOR_GONE' },
    });
    expect((await env.REPORTS.list({ prefix: `tenants/${m.t.tenantId}/` })).objects).toEqual([]);
  });
});
