import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type ReportKind, reportKinds } from '../../../../db/schema';
import { type Caller, call } from '../../../helpers/client';
import { download } from '../../reports/fixtures';
import { expectError, show } from '../../support';
import { callers, collectionNamed } from './cases';
import { leaked, type Pair, twoCompanies } from './pair';
import { readyReport, reportRequests, settled } from './world';

/*
 * Every report kind of db/schema, in CSV and XLSX, made by the queue consumer with the other
 * company's rows in the same database (some naming our period and evaluation): the file holds
 * our rows and none of their rows, names, 工号 or ids. A new kind has no request in world.ts
 * until one is written, and this suite fails until it is.
 */

let p: Pair;
beforeAll(async () => {
  p = await twoCompanies();
}, 120_000);

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
    for (const kind of reportKinds) {
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
