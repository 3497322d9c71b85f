import { env } from 'cloudflare:test';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { employees } from '../../../db/schema';
import { directoryDb } from '../../../worker/data/db';
import { D1_MAX_BOUND_PARAMETERS, D1_MAX_SQL_BYTES, withD1Limits } from '../../../worker/data/limits';

// Local D1 is SQLite and accepts 32,766 parameters; production D1 stops at 100. The data layer
// holds every statement to production's limit, so the big ingest and import tests prove it.
/** An error's message and those of its causes. */
function messages(err: unknown): string {
  const out: string[] = [];
  for (let e = err; e instanceof Error; e = e.cause) out.push(e.message);
  return out.join(' ← ');
}

describe("D1's 100 bound parameters, enforced locally", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `emp_${i}`);
  const db = directoryDb(env);

  it('a statement with 100 parameters runs', async () => {
    const rows = await db
      .select()
      .from(employees)
      .where(inArray(employees.id, ids(D1_MAX_BOUND_PARAMETERS)));
    expect(rows).toEqual([]);
  });

  it('a statement with 101 is refused before it reaches the database, naming the count', async () => {
    const err = await db
      .select()
      .from(employees)
      .where(inArray(employees.id, ids(D1_MAX_BOUND_PARAMETERS + 1)))
      .catch((e: unknown) => e);
    // drizzle wraps the driver's error as "Failed query: …" with ours as the cause.
    expect(messages(err)).toMatch(/100 bound parameters per statement, this one has 101/);
  });

  it('so is SQL text over 100,000 bytes', async () => {
    const long = `SELECT 1 /* ${'x'.repeat(D1_MAX_SQL_BYTES)} */`;
    expect(() => withD1Limits(env.DB).prepare(long)).toThrow(
      /100000 bytes of SQL per statement, this one has 1000\d\d/,
    );
  });

  it('so are values over 2,000,000 bytes, the largest row D1 stores', async () => {
    const bind = withD1Limits(env.DB).prepare('SELECT ? AS a, ? AS b');
    expect(() => bind.bind('x'.repeat(1_000_000), 'y'.repeat(1_000_001))).toThrow(
      /2000000 bytes in a row, this statement binds 2000001/,
    );
    // Three bytes a character in UTF-8: 700,000 Chinese characters are 2.1 MB.
    expect(() => bind.bind('绩'.repeat(700_000), '')).toThrow(/binds 2100000/);
    const fits = await bind.bind('x'.repeat(1_000_000), 'y'.repeat(999_999)).first<{ a: string }>();
    expect(fits?.a.length).toBe(1_000_000);
  });

  it('so is one inside a batch', async () => {
    const tooWide = db
      .select()
      .from(employees)
      .where(inArray(employees.id, ids(150)));
    await expect(db.batch([db.select().from(employees), tooWide])).rejects.toThrow(/this one has 150/);
  });
});
