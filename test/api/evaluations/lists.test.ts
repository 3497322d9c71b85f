import { describe, expect, it } from 'vitest';
import { expectError } from '../support';
import { ok, openMonth } from './fixtures';
import { act, COMPLETE } from './workflow-support';

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

  it('a vetoed employee ranks below everyone not vetoed, whatever the points, on every page', async () => {
    const m = await openMonth(['KF002', 'KF003']);
    const all = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}&sort=rank`)).items;
    const id = (no: string) => all.find((e: { employeeNo: string }) => e.employeeNo === no).id;
    // KF001 and KF002 have full marks, KF001 also a major complaint; KF003 has nothing yet.
    ok(await act(m.t.owner, id('KF001'), 'inputs', COMPLETE));
    ok(
      await act(m.t.owner, id('KF001'), 'inputs', {
        events: [
          { indicator: 'major_complaint', rule: 'valid_major_complaint', evidence: { complaintNo: 'TS-1' } },
        ],
      }),
    );
    ok(await act(m.t.owner, id('KF002'), 'inputs', COMPLETE));
    const ranking: [string, number, string][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: any = ok(
        await m.t.owner.get(
          `/evaluations?periodId=${m.periodId}&sort=rank&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      for (const e of page.items) ranking.push([e.employeeNo, e.rank, e.grade]);
      cursor = page.nextCursor;
    }
    expect(ranking).toEqual([
      ['KF002', 1, 'A'],
      ['KF003', 2, 'E'],
      ['KF001', 3, 'E'], // the highest total of the three, vetoed
    ]);
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
