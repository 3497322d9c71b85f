import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Month, ok, openMonth } from '../evaluations/fixtures';
import { rows } from '../support';
import { download, exported, parseCsv } from './fixtures';

/*
 * A text cell that opens with `=`, `+`, `-`, `@`, a tab or a CR is run as a formula by Excel or
 * LibreOffice (OWASP's CSV injection). In the CSV each gets a leading apostrophe; in the XLSX
 * it is a text cell holding exactly what was typed, never a formula. One employee per prefix,
 * so that no single prefix can stop being neutralised unnoticed.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const PREFIXED: Record<string, string> = {
  '=': '=HYPERLINK("http://evil.example/x","点我")',
  '+': '+86 138 0013 8000',
  '-': "-2+3+cmd|' /C calc'!A0",
  '@': "@SUM(1+9)*cmd|' /C calc'!A0",
  tab: '\t=1+2',
  CR: '\r=1+2',
};
const numbers = Object.keys(PREFIXED).map((_, i) => `FX00${i + 1}`);

let m: Month;
beforeAll(async () => {
  m = await openMonth(numbers);
  // Straight into D1: the API trims a leading tab or CR from names, but names also come from
  // imports and older rows, and what is under test here is the export.
  for (const [i, name] of Object.values(PREFIXED).entries())
    await rows(
      'UPDATE employees SET name = ? WHERE tenant_id = ? AND employee_no = ?',
      name,
      m.t.tenantId,
      numbers[i],
    );
  const listed = ok(await m.t.owner.get(`/employees?q=FX00&limit=200`)).items;
  expect(listed.map((e: any) => e.name).sort()).toEqual(Object.values(PREFIXED).sort());
}, 60_000);

async function file(format: 'csv' | 'xlsx') {
  const report = await exported(m.t.owner, { kind: 'period-scores', format, periodId: m.periodId });
  return (await download(m.t.owner, report.id)).bytes;
}

describe('formula prefixes in report cells', () => {
  it('CSV: each prefix arrives as text behind an apostrophe', async () => {
    const [, ...body] = parseCsv(utf8.decode(await file('csv')).slice(1));
    const names = new Map(body.map((r) => [r[0], r[1]]));
    for (const [i, [prefix, name]] of Object.entries(PREFIXED).entries())
      expect(names.get(numbers[i]), `the name opening with ${prefix}`).toBe(`'${name}`);
    expect(names.get('KF001'), 'a name without a prefix is left alone').toBe('张敏');
  });

  it('XLSX: each is a text cell holding exactly the name, no formula', async () => {
    const book = XLSX.read(await file('xlsx'), { type: 'array', cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    for (const [i, [prefix, name]] of Object.entries(PREFIXED).entries()) {
      const r = table.findIndex((row) => row[0] === numbers[i]);
      const cell = sheet[XLSX.utils.encode_cell({ r, c: 1 })];
      expect(cell, `the name opening with ${prefix}`).toMatchObject({ t: 's', v: name });
      expect(cell.f, `the name opening with ${prefix} is no formula`).toBeUndefined();
    }
  });
});
