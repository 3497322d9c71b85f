import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type ReportKind, reportKinds } from '../../../../db/schema';
import { type Caller, call } from '../../../helpers/client';
import { download } from '../../reports/fixtures';
import { expectError, isPublic, label, operations, show } from '../../support';
import { admits, callers, collectionNamed, pathFor, requestFor, send, textOf } from './cases';
import { leaked, type Pair, twoCompanies } from './pair';
import { readyReport, reportRequests, settled } from './world';

/*
 * Every read of the OpenAPI document (each list, each object, each download) and every report
 * kind of db/schema in CSV and XLSX, by each of our people and our key, with the other
 * company's rows in the same database, some of them naming our period and evaluation: none of
 * their rows, names, 工号 or ids may show. Filters and report requests naming their objects
 * find nothing. An answer or file that shows nothing of ours would prove nothing, so each must
 * show some of our objects: a new list needs its objects in world.ts, a new report kind its
 * request there.
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

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The file's text: the CSV as it is, the XLSX through SheetJS, every sheet as CSV. */
function textOfFile(format: 'csv' | 'xlsx', bytes: Uint8Array): string {
  if (format === 'csv') return utf8.decode(bytes);
  const book = XLSX.read(bytes, { type: 'array' });
  return book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n]!)).join('\n');
}

const ask = (kind: ReportKind, format: 'csv' | 'xlsx') => ({ kind, format, ...reportRequests[kind](p.ours) });

async function fileText(who: Caller, id: string, format: 'csv' | 'xlsx') {
  await settled(who, id);
  return textOfFile(format, (await download(who, id)).bytes);
}

function expectOursOnly(text: string, what: string) {
  expect(leaked(p, text), `${what} holds their string`).toBeUndefined();
  expect(
    p.own.some((s) => text.includes(s)),
    `${what} holds some of our rows, so the check is not vacuous:\n${text.slice(0, 400)}`,
  ).toBe(true);
}

/** The fields of the report request that name an object (`periodId`, `employeeId`), from the document. */
async function idFields(): Promise<string[]> {
  const doc = await call({ kind: 'none' }, 'GET', '/openapi.json');
  const fields = Object.keys(doc.body.components.schemas.CreateReport.properties).filter((f) =>
    f.endsWith('Id'),
  );
  for (const f of fields)
    expect(p.theirs.ids, `world.ts has an object for ${f}`).toHaveProperty(collectionNamed(f));
  return fields;
}

describe('report files with two companies in one database', () => {
  it('every kind of db/schema has a request to export it', () => {
    const missing = reportKinds.filter((k) => typeof reportRequests[k] !== 'function');
    expect(missing, 'add these kinds to reportRequests in routes/world.ts').toEqual([]);
  });

  describe.each(reportKinds)('%s', (kind) => {
    it('our owner’s CSV and XLSX hold our rows and none of theirs', async () => {
      const owner = p.ours.people.owner;
      for (const format of ['csv', 'xlsx'] as const) {
        const report = await readyReport(owner, ask(kind, format));
        expectOursOnly(await fileText(owner, report.id, format), `${kind}.${format}`);
      }
    });

    it('each of our other callers who may export it gets none of theirs either', async () => {
      for (const [who, caller] of callers(p.ours)) {
        if (who === 'owner') continue;
        const tried = await caller.post('/reports', ask(kind, 'csv'));
        if (tried.status !== 202) {
          // Not this caller's kind (the policy's business): refused, with nothing of theirs.
          expect([403, 404], `${who} → ${kind}: ${show(tried)}`).toContain(tried.status);
          expect(leaked(p, JSON.stringify(tried.body))).toBeUndefined();
          continue;
        }
        expectOursOnly(await fileText(caller, tried.body.id, 'csv'), `${kind}.csv by our ${who}`);
      }
    });
  });

  it('asked for naming one of their objects: 404, or 400 where the kind takes no such field', async () => {
    const found = new Set<string>();
    const fields = await idFields();
    for (const kind of reportKinds.filter((k) => reportRequests[k])) {
      for (const field of fields) {
        const body = { ...ask(kind, 'csv'), [field]: p.theirs.ids[collectionNamed(field)] };
        const res = await p.ours.people.owner.post('/reports', body);
        const what = `${kind} with their ${field}`;
        expect(leaked(p, JSON.stringify(res.body)), `${what} shows their string`).toBeUndefined();
        if (res.status === 400) {
          expectError(res, 400, 'VALIDATION_FAILED', what);
          expect(
            res.body.error.details.map((d: any) => d.field),
            what,
          ).toEqual([field]);
        } else {
          expectError(res, 404, 'NOT_FOUND', what);
          found.add(field);
        }
      }
    }
    expect([...found].sort(), 'each id field is looked up by some kind').toEqual([...fields].sort());
  });
});
