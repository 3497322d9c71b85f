import { describe, expect, it } from 'vitest';
import { expectError } from '../support';
import { ok, openMonth } from './fixtures';

const cursorOf = (json: string) => btoa(json).replace(/=+$/, '');

describe('listing evaluations', () => {
  it("an employee's history comes in month order, whatever order the months were opened in", async () => {
    const m = await openMonth(); // 2026-11
    for (const key of ['2027-01', '2026-09', '2026-12', '2026-10']) {
      ok(await m.t.owner.post('/periods', { key }), 201);
    }
    const periods = ok(await m.t.owner.get('/periods')).items as { id: string; key: string }[];
    const keyOf = new Map(periods.map((p) => [p.id, p.key]));
    const history = ok(await m.t.owner.get(`/evaluations?employeeId=${m.employeeId}`));
    expect(history.items.map((e: { periodId: string }) => keyOf.get(e.periodId))).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
  });

  it('a ranking needs its period: sort=rank without periodId is a 400 naming periodId', async () => {
    const m = await openMonth();
    const r = await m.t.owner.get('/evaluations?sort=rank');
    expectError(r, 400, 'VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toEqual(['periodId']);
    ok(await m.t.owner.get(`/evaluations?sort=rank&periodId=${m.periodId}`));
  });

  it('a forged cursor is a 400 INVALID_CURSOR, never a failed query', async () => {
    const m = await openMonth();
    for (const forged of ['1.5', '1e308', '-1', '"x"', 'null', '{}']) {
      const r = await m.t.owner.get(
        `/evaluations?periodId=${m.periodId}&sort=rank&cursor=${cursorOf(forged)}`,
      );
      expectError(r, 400, 'BAD_REQUEST', `cursor ${forged}`);
      expect(r.body.error.message).toBe('分页游标无效');
    }
    const audit = await m.t.owner.get(`/audit-log?cursor=${cursorOf('2.5')}`);
    expectError(audit, 400, 'BAD_REQUEST', 'audit-log cursor 2.5');
    // A real cursor still pages.
    ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}&cursor=${cursorOf('0')}`));
  });
});
