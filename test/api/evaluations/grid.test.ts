import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { ifMatch, type Month, ok, openMonth, read } from './fixtures';
import { act, auditCount, COMPLETE, refused, stored } from './workflow-support';

/*
 * The scoring grid (GET/PUT /periods/{id}/grid): a period's evaluations × the indicators that
 * take one value. One save writes every cell of every row in one audited batch, or nothing,
 * and says what is wrong per row (stale revision, state, not yours) or per cell (value).
 */

interface GridRow {
  evaluationId: string;
  employeeNo: string;
  revision: number;
  allowedActions: string[];
  cells: Record<string, number | null>;
}

let m: Month;
/** KF001 … KF003 in 客服部 (the supervisor's); KF101 in 工程部, which nobody here supervises. */
let ids: Record<string, string>;
let otherDepartmentId: string;
let theirs: Month;

const grid = async (who: Caller, query = '', periodId = m.periodId) =>
  ok(await who.get(`/periods/${periodId}/grid${query}`)) as {
    columns: { key: string; name: string; type: string; scale: number | null }[];
    rows: GridRow[];
  };
const rowOf = (g: { rows: GridRow[] }, no: string) => g.rows.find((r) => r.employeeNo === no)!;
/** Everything the save could touch, straight from D1. */
const snapshot = async () => ({
  rows: await Promise.all(Object.values(ids).map(stored)),
  audit: await auditCount(m.t.tenantId),
});

beforeAll(async () => {
  m = await openMonth(['KF002', 'KF003']);
  const hr = m.t.owner;
  const dep = ok(await hr.post('/departments', { name: '工程部', site: '绿苑小区' }), 201);
  otherDepartmentId = dep.id;
  const emp = ok(
    await hr.post('/employees', {
      employeeNo: 'KF101',
      name: '赵工',
      departmentId: dep.id,
      positionId: m.positionId,
    }),
    201,
  );
  ok(await hr.post(`/periods/${m.periodId}/evaluations`, { employeeId: emp.id }), 201);
  const all = await grid(hr);
  ids = Object.fromEntries(all.rows.map((r) => [r.employeeNo, r.evaluationId]));
  theirs = await openMonth();
}, 60_000);

describe('reading the grid', () => {
  it('has a column per indicator that takes a value, and a supervisor sees only their departments', async () => {
    const hr = await grid(m.t.owner);
    expect(hr.rows.map((r) => r.employeeNo)).toEqual(['KF001', 'KF002', 'KF003', 'KF101']);
    expect(hr.columns.map((c) => [c.key, c.type])).toEqual([
      ['calls_answered', 'quantity'],
      ['tickets_closed', 'quantity'],
      ['reply_in_30min', 'ratio'],
      ['exam', 'rating'],
      ['utilization_rate', 'ratio'],
      ['reports_on_time', 'ratio'],
      ['supervisor_rating', 'rating'],
    ]);
    expect(hr.columns.find((c) => c.key === 'exam')).toMatchObject({ name: '业务考核书面考试', scale: 100 });

    const sup = await grid(m.supervisor);
    expect(sup.rows.map((r) => r.employeeNo)).toEqual(['KF001', 'KF002', 'KF003']);
    expect(rowOf(sup, 'KF001').allowedActions).toContain('record');
    expect(rowOf(sup, 'KF001').cells).toMatchObject({ calls_answered: null, exam: null });
    expect((await grid(m.supervisor, `?departmentId=${m.departmentId}`)).rows).toHaveLength(3);
    expect((await grid(m.supervisor, `?departmentId=${otherDepartmentId}`)).rows).toEqual([]);
    expect(
      (await grid(m.t.owner, `?departmentId=${otherDepartmentId}`)).rows.map((r) => r.employeeNo),
    ).toEqual(['KF101']);
  });

  it("never answers another company's period, and an employee has no grid", async () => {
    refused(await m.supervisor.get(`/periods/${theirs.periodId}/grid`), 404, 'NOT_FOUND');
    refused(await m.t.owner.get(`/periods/${theirs.periodId}/grid`), 404, 'NOT_FOUND');
    refused(await m.employee.get(`/periods/${m.periodId}/grid`), 403, 'FORBIDDEN');
    refused(
      await m.employee.put(`/periods/${m.periodId}/grid`, {
        rows: [{ evaluationId: ids.KF001, revision: 1, cells: { calls_answered: 1 } }],
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('saving the grid', () => {
  it('one bad cell: nothing is written, and the cell is named in percent words', async () => {
    const g = await grid(m.supervisor);
    const before = await snapshot();
    const res = await m.supervisor.put(
      `/periods/${m.periodId}/grid`,
      {
        rows: ['KF001', 'KF002', 'KF003'].map((no) => ({
          evaluationId: ids[no],
          revision: rowOf(g, no).revision,
          // KF002's rate was typed as 96 instead of 96%.
          cells: { calls_answered: 1000, reply_in_30min: no === 'KF002' ? 96 : 0.96, exam: 90 },
        })),
      },
      { lang: 'zh-CN' },
    );
    const error = refused(res, 400, 'VALIDATION_FAILED');
    expect(error.message).toContain('没有保存任何单元格');
    expect(error.details).toEqual([
      {
        field: 'rows[1].cells.reply_in_30min',
        code: 'ratio_value_range',
        evaluationId: ids.KF002,
        indicator: 'reply_in_30min',
        message: '「30分钟内回复率」是比率，应在 0% 到 100% 之间，收到的是 9600%',
      },
    ]);
    expect(await snapshot(), 'no input, no revision, no audit entry').toEqual(before);
  });

  it('writes every cell of every row in one request, each as the caller’s own input', async () => {
    const g = await grid(m.supervisor);
    const audit = await auditCount(m.t.tenantId);
    const body = ok(
      await m.supervisor.put(`/periods/${m.periodId}/grid`, {
        rows: ['KF001', 'KF002'].map((no, i) => ({
          evaluationId: ids[no],
          revision: rowOf(g, no).revision,
          cells: { calls_answered: 1000 + i, reply_in_30min: 0.965, exam: 90, supervisor_rating: 8 },
        })),
      }),
    );
    expect(body.saved).toBe(2);
    expect(await auditCount(m.t.tenantId)).toBe(audit + 2);
    const after = await grid(m.supervisor);
    expect(rowOf(after, 'KF001').cells).toMatchObject({
      calls_answered: 1000,
      reply_in_30min: 0.965,
      exam: 90,
      supervisor_rating: 8,
      tickets_closed: null,
    });
    expect(rowOf(after, 'KF002').cells.calls_answered).toBe(1001);
    expect(rowOf(after, 'KF001').revision).toBe(rowOf(g, 'KF001').revision + 1);
    expect(rowOf(after, 'KF003').revision, 'a row not sent is untouched').toBe(rowOf(g, 'KF003').revision);
    const e = (await read(m.supervisor, ids.KF001!)).body;
    const rating = e.inputs.find((i: any) => i.indicator === 'exam');
    expect(rating).toMatchObject({ kind: 'rating', value: 90, recordedBy: m.supervisor.userId });
    expect(e.inputs.find((i: any) => i.indicator === 'reply_in_30min')).toMatchObject({ value: 0.965 });
  });

  it('a stale revision is named on its row with the current one, and nothing is written', async () => {
    const g = await grid(m.supervisor);
    // HR changes KF002 after the supervisor read the grid.
    ok(await act(m.t.owner, ids.KF002!, 'inputs', { metrics: [{ indicator: 'tickets_closed', value: 5 }] }));
    const current = rowOf(await grid(m.t.owner), 'KF002').revision;
    const before = await snapshot();
    const res = await m.supervisor.put(
      `/periods/${m.periodId}/grid`,
      {
        rows: ['KF001', 'KF002', 'KF003'].map((no) => ({
          evaluationId: ids[no],
          revision: rowOf(g, no).revision,
          cells: { calls_answered: 7 },
        })),
      },
      { lang: 'en' },
    );
    const error = refused(res, 409, 'CONFLICT');
    expect(error.details).toEqual([
      expect.objectContaining({
        field: 'rows[1]',
        code: 'stale_revision',
        evaluationId: ids.KF002,
        currentRevision: current,
      }),
    ]);
    expect(error.details[0].message).toContain(`now ${current}`);
    expect(await snapshot()).toEqual(before);
  });

  it("another department's or another company's row is refused as not found, and nothing is written", async () => {
    const g = await grid(m.supervisor);
    const hrView = await grid(m.t.owner);
    const theirGrid = await grid(theirs.t.owner, '', theirs.periodId);
    const theirsBefore = await stored(theirs.evaluationId);
    const before = await snapshot();
    const res = await m.supervisor.put(`/periods/${m.periodId}/grid`, {
      rows: [
        { evaluationId: ids.KF001, revision: rowOf(g, 'KF001').revision, cells: { calls_answered: 3 } },
        { evaluationId: ids.KF101, revision: rowOf(hrView, 'KF101').revision, cells: { calls_answered: 3 } },
        {
          evaluationId: theirs.evaluationId,
          revision: theirGrid.rows[0]!.revision,
          cells: { calls_answered: 3 },
        },
      ],
    });
    const error = refused(res, 409, 'CONFLICT');
    expect(error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['rows[1]', 'not_found'],
      ['rows[2]', 'not_found'],
    ]);
    expect(JSON.stringify(error)).not.toContain('赵工');
    expect(await snapshot()).toEqual(before);
    expect(await stored(theirs.evaluationId)).toEqual(theirsBefore);
  });

  it('a row that is no longer a draft is named with its state; a column its scheme lacks, per cell', async () => {
    const hr = m.t.owner;
    ok(await act(hr, ids.KF003!, 'inputs', COMPLETE));
    ok(await act(m.supervisor, ids.KF003!, 'submit'));
    const g = await grid(m.supervisor);
    expect(rowOf(g, 'KF003').allowedActions).not.toContain('record');
    const before = await snapshot();
    const res = await m.supervisor.put(
      `/periods/${m.periodId}/grid`,
      {
        rows: [
          { evaluationId: ids.KF003, revision: rowOf(g, 'KF003').revision, cells: { calls_answered: 3 } },
          { evaluationId: ids.KF001, revision: rowOf(g, 'KF001').revision, cells: { attendance: 1 } },
        ],
      },
      { lang: 'zh-CN' },
    );
    const error = refused(res, 409, 'CONFLICT');
    expect(error.details.map((d: any) => [d.field, d.code])).toEqual([
      ['rows[0]', 'wrong_state'],
      ['rows[1].cells.attendance', 'not_a_column'],
    ]);
    expect(error.details[0].message).toBe('KF003 员工KF003的考核状态为「已提交」，只有草稿可以录入');
    expect(await snapshot()).toEqual(before);
  });

  it('the ETag of the evaluation follows a grid save', async () => {
    const g = await grid(m.supervisor);
    const r = rowOf(g, 'KF001');
    const saved = ok(
      await m.supervisor.put(`/periods/${m.periodId}/grid`, {
        rows: [{ evaluationId: r.evaluationId, revision: r.revision, cells: { tickets_closed: 120 } }],
      }),
    );
    const { etag } = await read(m.supervisor, r.evaluationId);
    expect(saved.rows[0].etag).toBe(etag);
    // The single-value form keeps working on the revision the grid left.
    ok(
      await m.supervisor.post(
        `/evaluations/${r.evaluationId}/inputs`,
        { metrics: [{ indicator: 'tickets_closed', value: 121 }] },
        ifMatch(etag),
      ),
    );
  });
});
