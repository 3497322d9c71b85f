import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../helpers/client';
import { expectError, hasPathParams, isPublic, label, operations, rows, show } from '../../support';
import { admits, callers, requestFor, send, textOf, uncovered } from './cases';
import { leaked, type Pair, snapshot, twoCompanies } from './pair';
import { ok } from './world';

/*
 * Every operation of the OpenAPI document that takes a path id, called by each of our people
 * and our every-scope key with the other company's real ids: 404 exactly like a missing
 * object (403 where the route refuses the caller anyway), none of their strings in the answer,
 * none of their rows or files changed. A route added tomorrow is swept the day it lands.
 * Then what such a sweep cannot see: their ids inside our request bodies, their 工号 pushed by
 * our integrator, both companies' credentials on one request, and counts (a row of theirs in
 * an aggregate shows as a number, not as a name).
 */

let p: Pair;
beforeAll(async () => {
  p = await twoCompanies();
}, 120_000);

const idOps = async () => (await operations()).filter((op) => hasPathParams(op.path) && !isPublic(op.access));

describe("another company's real ids", () => {
  it('every path id of every operation names a collection the world has an object of', async () => {
    const ops = await idOps();
    expect(ops.length).toBeGreaterThan(30);
    expect(ops.flatMap((op) => uncovered(op, p.theirs))).toEqual([]);
  });

  it('the ids are real: our owner reads each of ours through every GET with a path id', async () => {
    for (const op of (await idOps()).filter((o) => o.method === 'GET')) {
      const req = await requestFor(op, p.ours);
      const res = await send(p.ours.people.owner, op, req);
      expect(res.status, `${label(op)} on our own ${req.path}: ${show(res)}`).toBe(200);
    }
    for (const [collection, id] of Object.entries(p.ours.ids)) {
      if (collection !== 'versions') expect(p.own, `our ${collection} ${id} is a row of ours`).toContain(id);
    }
  });

  it('each of our callers gets 404 (or the route’s 403), sees nothing of theirs and changes nothing', async () => {
    const ops = await idOps();
    const requests = await Promise.all(ops.map((op) => requestFor(op, p.theirs)));
    const before = await snapshot(p.theirs.tenantId);
    for (const [i, op] of ops.entries()) {
      const req = requests[i]!;
      const reached = callers(p.ours).filter(([who]) => admits(op.access, who));
      expect(
        reached.length,
        `${label(op)} admits one of our callers, so its lookup is tried`,
      ).toBeGreaterThan(0);
      for (const [who, caller] of callers(p.ours)) {
        const res = await send(caller, op, req);
        const what = `our ${who} → ${op.method} ${req.path} (${op.operationId}, their ids)`;
        if (admits(op.access, who)) {
          expectError(res, 404, 'NOT_FOUND', what);
        } else {
          expectError(res, 403, 'FORBIDDEN', what);
        }
        expect(leaked(p, textOf(res)), `${what} shows their string`).toBeUndefined();
      }
    }
    expect(await snapshot(p.theirs.tenantId), 'none of their rows or R2 objects changed').toEqual(before);
  });
});

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
