import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../helpers/client';
import { expectError, rows, show } from '../../support';
import { leaked, type Pair, snapshot, twoCompanies } from './pair';
import { ok } from './world';

/*
 * What the derived sweeps cannot see: their ids inside our request bodies, their 工号 pushed by
 * our integrator, both companies' credentials on one request, and counts (a leaked row in an
 * aggregate shows as a number, not as a name).
 */

let p: Pair;
beforeAll(async () => {
  p = await twoCompanies();
}, 120_000);

const auditOf = (tenantId: string) =>
  rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', tenantId);

describe('their objects named inside our requests', () => {
  it('a scheme assignment naming their scheme, position, department or employee is 404 naming the field', async () => {
    const { ours, theirs } = p;
    const attempts: [string, Record<string, string>, string][] = [
      [
        'their scheme',
        { targetType: 'position', targetId: ours.ids.positions!, schemeId: theirs.ids.schemes! },
        'schemeId',
      ],
      [
        'their position',
        { targetType: 'position', targetId: theirs.ids.positions!, schemeId: ours.ids.schemes! },
        'targetId',
      ],
      [
        'their department',
        { targetType: 'department', targetId: theirs.ids.departments!, schemeId: ours.ids.schemes! },
        'targetId',
      ],
      [
        'their employee',
        { targetType: 'employee', targetId: theirs.ids.employees!, schemeId: ours.ids.schemes! },
        'targetId',
      ],
      [
        'all theirs',
        { targetType: 'position', targetId: theirs.ids.positions!, schemeId: theirs.ids.schemes! },
        'targetId',
      ],
    ];
    const before = [await snapshot(theirs.tenantId), await auditOf(ours.tenantId)];
    for (const [what, body, field] of attempts) {
      for (const [who, caller] of [
        ['owner', ours.people.owner],
        ['key', ours.key],
      ] as const) {
        const res = await caller.put('/scheme-assignments', body);
        expectError(res, 404, 'NOT_FOUND', `our ${who}: ${what}`);
        expect(res.body.error.details, `our ${who}: ${what}`).toEqual([expect.objectContaining({ field })]);
        expect(leaked(p, JSON.stringify(res.body))).toBeUndefined();
      }
    }
    expect([await snapshot(theirs.tenantId), await auditOf(ours.tenantId)], 'nothing written').toEqual(
      before,
    );
  });

  it('ingest by our key with their 工号 finds nothing and changes nothing of theirs', async () => {
    const before = await snapshot(p.theirs.tenantId);
    const theirNo = `${p.theirs.code}002`; // their draft evaluation of 2026-11
    for (const scope of ['metrics:write', 'evaluations:write'] as const) {
      const key = await p.ours.t.keyWith(scope);
      for (const row of [
        { employeeNo: theirNo, period: '2026-11', indicator: 'calls_answered', value: 1 },
        { employeeNo: theirNo, period: '2026-11', indicator: 'attendance', rule: 'late', count: 5 },
      ]) {
        const res = await key.post('/ingest', { rows: [row] }, { lang: 'en' });
        expectError(res, 400, 'VALIDATION_FAILED', `our ${scope} key`);
        // A key that may not read employees gets one answer whether a 工号 exists or not.
        expect(res.body.error.details).toEqual([
          {
            field: 'rows[0].employeeNo',
            code: 'not_accepting',
            message: `rows[0].employeeNo: ${theirNo} has no evaluation open for input in 2026-11 (no such 工号, no evaluation, or no longer a draft)`,
          },
        ]);
        expect(leaked(p, JSON.stringify(res.body).replace(theirNo, ''))).toBeUndefined();
      }
    }
    const byOwner = await p.ours.people.owner.post('/ingest', {
      rows: [{ employeeNo: theirNo, period: '2026-11', indicator: 'calls_answered', value: 1 }],
    });
    expectError(byOwner, 400, 'VALIDATION_FAILED', 'our owner');
    expect(byOwner.body.error.details.map((d: any) => d.field)).toEqual(['rows[0].employeeNo']);
    expect(await snapshot(p.theirs.tenantId), 'none of their rows changed').toEqual(before);
  });
});

describe('credentials of both companies on one request', () => {
  it('their cookie and our key together act for our company alone', async () => {
    const res = await call(p.theirs.people.owner.creds, 'GET', '/audit-log', {
      headers: { Authorization: `Bearer ${(p.ours.key.creds as { secret: string }).secret}` },
    });
    expect(res.status, show(res)).toBe(200);
    const tenants = await rows<{ tenant_id: string }>(
      'SELECT DISTINCT tenant_id FROM audit_log WHERE id IN (SELECT value FROM json_each(?))',
      JSON.stringify(res.body.items.map((e: any) => e.id)),
    );
    expect(
      tenants.map((t) => t.tenant_id),
      'the bearer key wins',
    ).toEqual([p.ours.tenantId]);
  });
});

describe('counts hold only our rows', () => {
  it('the audit chain check counts our entries; the month summary our evaluations', async () => {
    const owner = p.ours.people.owner;
    const [entries] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?',
      p.ours.tenantId,
    );
    expect(ok(await owner.get('/audit-log/verify')), 'verify covers our chain only').toMatchObject({
      ok: true,
      checked: entries!.n,
    });
    const [evaluations] = await rows<{ n: number }>(
      'SELECT count(*) AS n FROM evaluations WHERE tenant_id = ? AND period_id = ?',
      p.ours.tenantId,
      p.ours.ids.periods,
    );
    // Their stray evaluation names our period: only the tenant filter keeps it out of the count.
    const summary = ok(await owner.get(`/periods/${p.ours.ids.periods}/summary`));
    expect(summary.evaluations).toBe(evaluations!.n);
    expect(summary.departments.map((d: any) => d.headcount)).toEqual([evaluations!.n]);
  });
});
