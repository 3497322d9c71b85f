import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, hasPathParams, isPublic, label, operations, show } from '../../support';
import { admits, callers, requestFor, send, textOf, uncovered } from './cases';
import { leaked, type Pair, snapshot, twoCompanies } from './pair';

/*
 * Every operation of the OpenAPI document that takes a path id, called by each of our people
 * and our every-scope key with the other company's real ids: 404 exactly like a missing
 * object (403 where the route refuses the caller anyway), none of their strings in the answer,
 * none of their rows or files changed. A route added tomorrow is swept the day it lands.
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
