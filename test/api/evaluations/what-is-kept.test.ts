import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { ifMatch, type Month, ok, openMonth, read } from './fixtures';
import { act, auditCount, refused, stored } from './workflow-support';

/*
 * Write schemas hold only what is kept, an empty change is refused, one rater counts once per
 * indicator, and every path shares one set of numeric bounds.
 */

/** The evaluation, its inputs, appeals and the tenant's audit log: to show nothing was written. */
async function snapshot(m: Month) {
  return { ...(await stored(m.evaluationId)), audit: await auditCount(m.t.tenantId) };
}

const fields = (e: { details?: { field: string }[] }) => (e.details ?? []).map((d) => d.field);

const ingest = (who: Caller, rows: unknown[]) => who.post('/ingest', { rows }, { lang: 'en' });

describe('recording keeps what it says it keeps', () => {
  it('an event with id or voided is a 400 naming the field, and nothing is written', async () => {
    const m = await openMonth();
    const before = await snapshot(m);
    const { etag } = await read(m.supervisor, m.evaluationId);
    for (const [extra, field] of [
      [{ voided: true }, 'events[0].voided'],
      [{ id: 'inp_mine' }, 'events[0].id'],
    ] as const) {
      const res = await m.supervisor.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { events: [{ indicator: 'attendance', rule: 'late', ...extra }] },
        { ...ifMatch(etag), lang: 'en' },
      );
      const e = refused(res, 400, 'VALIDATION_FAILED');
      expect(e.details, JSON.stringify(e)).toEqual([
        expect.objectContaining({ code: 'unrecognized_keys', field: 'events[0]' }),
      ]);
      expect(e.details[0].message).toContain(field.split('.')[1]);
    }
    expect(await snapshot(m)).toEqual(before);
  });

  it('an empty change is a 400 that writes nothing: POST /inputs {}, PATCH /users {}, PATCH /employees {}', async () => {
    const m = await openMonth();
    const before = await snapshot(m);
    const { etag } = await read(m.supervisor, m.evaluationId);
    for (const body of [{}, { metrics: [], events: [], ratings: [], checks: [] }]) {
      const e = refused(
        await m.supervisor.post(`/evaluations/${m.evaluationId}/inputs`, body, ifMatch(etag)),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(e)).toEqual(['(body)']);
    }
    expect(
      fields(refused(await m.t.owner.patch(`/users/${m.supervisor.userId}`, {}), 400, 'VALIDATION_FAILED')),
    ).toEqual(['(body)']);
    expect(
      fields(refused(await m.t.owner.patch(`/employees/${m.employeeId}`, {}), 400, 'VALIDATION_FAILED')),
    ).toEqual(['(body)']);
    // An unknown field is named as such, not also called an empty change.
    const bogus = refused(
      await m.supervisor.post(`/evaluations/${m.evaluationId}/inputs`, { metric: [] }, ifMatch(etag)),
      400,
      'VALIDATION_FAILED',
    );
    expect(bogus.details.map((d: { code: string }) => d.code)).toEqual(['unrecognized_keys']);
    expect(await snapshot(m)).toEqual(before);
    expect((await read(m.supervisor, m.evaluationId)).etag).toBe(etag);
  });

  it('If-Match: * is refused with its own message, not "changed by someone else"', async () => {
    const m = await openMonth();
    const before = await snapshot(m);
    const res = await m.supervisor.post(
      `/evaluations/${m.evaluationId}/inputs`,
      { ratings: [{ indicator: 'exam', value: 90 }] },
      { headers: { 'If-Match': '*' }, lang: 'en' },
    );
    const e = refused(res, 412, 'PRECONDITION_FAILED');
    expect(e.message).toMatch(/^If-Match: \* cannot be used/);
    expect(e.message).not.toMatch(/someone else changed/i);
    expect(await snapshot(m)).toEqual(before);
  });
});

describe('each rater counts once per indicator', () => {
  it("a rater's second rating replaces the first; the audit entry keeps the old value", async () => {
    const m = await openMonth(['KF002']);
    const rate = (id: string, value: number, who: Caller = m.supervisor) =>
      act(who, id, 'inputs', { ratings: [{ indicator: 'supervisor_rating', value }] });
    ok(await rate(m.evaluationId, 2));
    const twice = ok(await rate(m.evaluationId, 10));
    const ratings = twice.inputs.filter((i: { kind: string }) => i.kind === 'rating');
    expect(ratings.map((r: { value: number }) => r.value)).toEqual([10]);

    // Scored exactly as one rating of 10 (not "平均 6").
    const list = ok(await m.t.owner.get(`/evaluations?periodId=${m.periodId}`));
    const other = list.items.find((e: { employeeNo: string }) => e.employeeNo === 'KF002').id;
    const once = ok(await rate(other, 10));
    expect(twice.total).toBe(once.total);
    const line = (e: any) => e.breakdown.indicators.find((i: any) => i.key === 'supervisor_rating');
    expect(line(twice)).toEqual(line(once));

    const [entry] = ok(
      await m.t.owner.get(`/audit-log?entityType=evaluation&entityId=${m.evaluationId}&limit=1`),
    ).items;
    expect(entry.action).toBe('evaluation.inputs.add');
    expect(entry.after.replacedInputs.map((i: { value: number }) => i.value)).toEqual([2]);

    // Another rater is another voice; two ratings from one rater in one request are a 400.
    const both = ok(await rate(m.evaluationId, 8, m.t.owner));
    expect(both.inputs.filter((i: { kind: string }) => i.kind === 'rating')).toHaveLength(2);
    const before = await snapshot(m);
    const dup = await act(m.supervisor, m.evaluationId, 'inputs', {
      ratings: [
        { indicator: 'supervisor_rating', value: 2 },
        { indicator: 'supervisor_rating', value: 10 },
      ],
    });
    expect(fields(refused(dup, 400, 'VALIDATION_FAILED'))).toEqual(['ratings[1]']);
    expect(await snapshot(m)).toEqual(before);
  });
});

describe('one set of bounds for /inputs, /ingest and preview', () => {
  it('ingest and /inputs refuse the same out-of-range value, naming the field, writing nothing', async () => {
    const m = await openMonth();
    const before = await snapshot(m);
    const version = `/schemes/${m.schemeId}/versions/1/preview`;
    for (const value of [1e308, 1_000_000_001, -1_000_000_001]) {
      const { etag } = await read(m.supervisor, m.evaluationId);
      const byHand = refused(
        await m.supervisor.post(
          `/evaluations/${m.evaluationId}/inputs`,
          { metrics: [{ indicator: 'calls_answered', value }] },
          { ...ifMatch(etag), lang: 'en' },
        ),
        400,
        'VALIDATION_FAILED',
      );
      const pushed = refused(
        await ingest(m.t.owner, [
          { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value },
        ]),
        400,
        'VALIDATION_FAILED',
      );
      const previewed = refused(
        await m.t.owner.post(version, { metrics: [{ indicator: 'calls_answered', value }] }, { lang: 'en' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields(byHand)).toEqual(['metrics[0].value']);
      expect(fields(pushed)).toEqual(['rows[0].value']);
      expect(fields(previewed)).toEqual(['metrics[0].value']);
      // The same rule in the same words, whichever path.
      const rule = (e: any) => e.details[0].message.replace(/^\S+ /, '');
      expect(rule(pushed)).toBe(rule(byHand));
      expect(rule(previewed)).toBe(rule(byHand));
    }
    expect(await snapshot(m)).toEqual(before);
  });

  it('a metric row with count (or evidence) is refused: the month has one figure, given in value', async () => {
    const m = await openMonth();
    const before = await snapshot(m);
    const res = await ingest(m.t.owner, [
      { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 40, count: 30 },
      {
        employeeNo: 'KF001',
        period: '2026-11',
        indicator: 'calls_answered',
        value: 40,
        evidence: { note: 'x' },
      },
    ]);
    expect(fields(refused(res, 400, 'VALIDATION_FAILED'))).toEqual(['rows[0].count', 'rows[1].evidence']);
    expect(await snapshot(m)).toEqual(before);
  });
});

describe('a metrics:write key reads nothing', () => {
  it('gets accepted counts and ids from /ingest, never totals; a key that reads evaluations sees them', async () => {
    const m = await openMonth();
    const row = { employeeNo: 'KF001', period: '2026-11', indicator: 'calls_answered', value: 600 };
    const blind = ok(await ingest(await m.t.keyWith('metrics:write'), [row]));
    expect(blind).toEqual({
      accepted: 1,
      evaluations: [
        {
          evaluationId: m.evaluationId,
          employeeId: m.employeeId,
          accepted: 1,
          etag: `"${m.evaluationId}.2"`,
        },
      ],
    });
    const reader = ok(await ingest(await m.t.keyWith('metrics:write', 'evaluations:read'), [row]));
    expect(reader.evaluations[0]).toMatchObject({ accepted: 1, total: expect.any(Number), grade: 'E' });
  });

  it('its 400 is the same whether a 工号 exists (without an evaluation) or not', async () => {
    const m = await openMonth();
    // KF003 joins after the month opened: a real 工号 with no evaluation in 2026-11.
    ok(
      await m.t.owner.post('/employees', {
        employeeNo: 'KF003',
        name: '新人',
        departmentId: m.departmentId,
        positionId: m.positionId,
      }),
      201,
    );
    const key = await m.t.keyWith('metrics:write');
    const answer = async (employeeNo: string) => {
      const res = await ingest(key, [
        { employeeNo, period: '2026-11', indicator: 'calls_answered', value: 1 },
      ]);
      const e = refused(res, 400, 'VALIDATION_FAILED');
      return JSON.stringify(e.details).replaceAll(employeeNo, '<工号>');
    };
    expect(await answer('KF003')).toBe(await answer('KF404'));
    // Someone who may read employees is told which it is.
    const told = refused(
      await ingest(m.t.owner, [
        { employeeNo: 'KF404', period: '2026-11', indicator: 'calls_answered', value: 1 },
      ]),
      400,
      'VALIDATION_FAILED',
    );
    expect(told.details[0].code).toBe('unknown_employee');
  });
});
