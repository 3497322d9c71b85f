import { beforeAll, describe, expect, it } from 'vitest';
import { isPublic, label, operations, show } from '../../support';
import { admits, callers, collectionNamed, pathFor, requestFor, send, textOf } from './cases';
import { leaked, type Pair, twoCompanies } from './pair';

/*
 * Every read of the OpenAPI document (each list, each object, each download) by each of our
 * people and our key, with the other company's rows in the same database, some of them
 * naming our period and evaluation: none of their rows, names, 工号 or ids may show. Filters
 * naming their objects find nothing. A list that shows nothing of ours would prove nothing,
 * so each must show some of our objects: a new list needs its objects in world.ts.
 */

let p: Pair;
beforeAll(async () => {
  p = await twoCompanies();
}, 120_000);

const reads = async () => (await operations()).filter((op) => op.method === 'GET' && !isPublic(op.access));
const lists = async () => (await reads()).filter((op) => op.isList);

/** Values to filter a list by, from the other company: its object of the collection the name says. */
function foreignValues(name: string, schema: Record<string, any> | undefined, p: Pair): string[] {
  const collection = collectionNamed(name);
  if (name.endsWith('Id'))
    return collection in p.theirs.ids
      ? [p.theirs.ids[collection]!]
      : [...Object.values(p.theirs.ids), p.theirs.t.ownerId, p.theirs.tenantId]; // entityId, actorId …
  // Free text (a search): their 工号 and a name.
  const free = schema?.type === 'string' && !schema.enum && !schema.format && !schema.pattern;
  return free && name !== 'cursor' ? [`${p.theirs.code}001`, `${p.theirs.mark}张敏`] : [];
}

describe('reads with two companies in one database', () => {
  it('every GET, by each of our callers on our objects, shows none of their strings', async () => {
    let answered = 0;
    for (const op of await reads()) {
      const req = await requestFor(op, p.ours);
      for (const [who, caller] of callers(p.ours)) {
        if (!admits(op.access, who)) continue;
        const res = await send(caller, op, req);
        const what = `our ${who} → GET ${req.path} (${op.operationId})`;
        expect(res.status, `${what}: ${show(res)}`).toBeLessThan(500);
        expect(leaked(p, textOf(res)), `${what} shows their string`).toBeUndefined();
        if (res.status === 200) answered += 1;
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('every list shows some of our objects (or the same built-in items to both), so the check is not vacuous', async () => {
    const empty: string[] = [];
    for (const op of await lists()) {
      const ours = await send(p.ours.people.owner, op, await requestFor(op, p.ours));
      const text = textOf(ours);
      expect(ours.status, `${label(op)}: ${show(ours)}`).toBe(200);
      if (p.own.some((s) => text.includes(s))) continue;
      const theirs = await send(p.theirs.people.owner, op, { path: pathFor(op, p.theirs), opts: {} });
      const builtIn = ours.body.items.length > 0 && JSON.stringify(theirs.body) === text;
      if (!builtIn) empty.push(`${label(op)} lists nothing of ours: give world.ts an object it lists`);
    }
    expect(empty).toEqual([]);
  });

  it('filters naming their objects find nothing, for our owner and our key', async () => {
    let filtered = 0;
    for (const op of await lists()) {
      const base = pathFor(op, p.ours);
      for (const param of op.parameters.filter((x) => x.in === 'query')) {
        for (const value of foreignValues(param.name, param.schema, p)) {
          for (const [who, caller] of callers(p.ours).filter(([w]) => w === 'owner' || w === 'key')) {
            if (!admits(op.access, who)) continue;
            const path = `${base}?${param.name}=${encodeURIComponent(value)}`;
            const res = await caller.get(path);
            const what = `our ${who} → GET ${path}`;
            expect([200, 404], `${what}: ${show(res)}`).toContain(res.status);
            expect(leaked(p, textOf(res)), `${what} shows their string`).toBeUndefined();
            if (res.status === 200) expect(res.body.items, what).toEqual([]);
            filtered += 1;
          }
        }
      }
    }
    expect(filtered, 'lists take filters by id').toBeGreaterThan(10);
  });
});
