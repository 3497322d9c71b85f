import { describe, expect, it } from 'vitest';
import {
  apply,
  type Change,
  type ChangeContext,
  type EvaluationState,
  join,
  type Outcome,
} from '../../../worker/domain/evaluation/aggregate';
import { derive } from '../../../worker/domain/evaluation/scoring';
import type { Relation } from '../../../worker/domain/evaluation/workflow';
import { findTemplate } from '../../../worker/domain/scheme/templates';

const content = findTemplate('cs-monthly')!.content;
const none = { metrics: [], events: [], ratings: [], checks: [] };

let ids = 0;
const ctx: ChangeContext = {
  now: '2026-11-20T08:00:00.000Z',
  actorId: 'usr_sup',
  enteredBy: 'usr_sup',
  keyId: null,
  newId: (p) => `${p}_${++ids}`,
};

/** A draft with no inputs, as opening the period makes it, seen with `relation`. */
function draft(relation: Relation, status: EvaluationState['row']['status'] = 'draft'): EvaluationState {
  const pay = { baseSalaryFen: 300_000, bonusBaseFen: 100_000 };
  return {
    row: {
      id: 'evl_1',
      tenantId: 'ten_1',
      periodId: 'per_1',
      employeeId: 'emp_1',
      departmentId: 'dep_1',
      positionId: 'pos_1',
      schemeId: 'sch_1',
      schemeVersionId: 'ver_1',
      status,
      revision: 1,
      ...pay,
      ...derive(content, [], pay),
      complete: false,
      submittedAt: null,
      confirmDueAt: null,
      confirmedAt: null,
      confirmedHow: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    },
    period: { id: 'per_1', key: '2026-11', status: 'open' },
    employee: { employeeNo: 'KF001', name: '张敏', active: true },
    relation,
    detail: { inputs: [], appeals: [], content },
  };
}

const accepted = (o: Outcome) => {
  if (!o.ok) throw new Error(`refused: ${JSON.stringify(o.refusal)}`);
  return o;
};
const rating = (value: number): Change => ({
  kind: 'record',
  via: 'record',
  source: 'person',
  inputs: { ...none, ratings: [{ indicator: 'supervisor_rating', value }] },
});

describe('the evaluation aggregate', () => {
  it('records inputs: rescored, one revision step, the rows to write and the audit entry', () => {
    const o = accepted(apply(draft('supervisor'), rating(8), ctx));
    expect(o.state.row.revision).toBe(2);
    expect(o.writes.insertInputs).toHaveLength(1);
    expect(o.writes.update).toMatchObject({ totalCenti: o.state.row.totalCenti });
    expect(o.audit).toEqual([
      expect.objectContaining({
        action: 'evaluation.inputs.add',
        before: expect.objectContaining({ revision: 1 }),
      }),
    ]);
  });

  it("a rater's new rating replaces theirs; another rater's stays", () => {
    const first = accepted(apply(draft('supervisor'), rating(2), ctx)).state;
    const second = accepted(apply(first, rating(10), ctx));
    expect(second.writes.deleteInputIds).toEqual([first.detail!.inputs[0]!.id]);
    expect(second.state.detail!.inputs.map((r) => r.value)).toEqual([10]);
    const byHr = accepted(apply(second.state, rating(6), { ...ctx, actorId: 'usr_hr' }));
    expect(byHr.state.detail!.inputs.map((r) => [r.recordedBy, r.value])).toEqual([
      ['usr_sup', 10],
      ['usr_hr', 6],
    ]);
  });

  it('refuses, naming the rule: own evaluation, the wrong state, another role, inputs that do not fit', () => {
    const refusal = (o: Outcome) => (o.ok ? undefined : o.refusal);
    for (const change of [rating(8), { kind: 'submit' }, { kind: 'leave', reason: 'x' }] as Change[]) {
      expect(refusal(apply(draft('self'), change, ctx))).toMatchObject({ rule: 'own_evaluation' });
    }
    expect(refusal(join(draft('self')))).toMatchObject({ rule: 'own_evaluation', action: 'join' });
    expect(refusal(apply(draft('hr', 'approved'), rating(8), ctx))).toMatchObject({
      rule: 'wrong_state',
      status: 'approved',
    });
    expect(refusal(apply(draft('supervisor', 'submitted'), { kind: 'approve' }, ctx))).toEqual({
      rule: 'not_allowed',
      action: 'approve',
    });
    const wrong = { ...none, metrics: [{ indicator: 'no_such_thing', value: 1 }] };
    expect(
      refusal(apply(draft('hr'), { kind: 'record', via: 'ingest', source: 'import', inputs: wrong }, ctx)),
    ).toMatchObject({ rule: 'inputs_invalid' });
    expect(refusal(apply(draft('hr'), { kind: 'submit' }, ctx))).toMatchObject({ rule: 'missing_required' });
  });

  it('an org change moves and reprices unsettled evaluations only, in one revision step', () => {
    const to = {
      kind: 'follow',
      departmentId: 'dep_2',
      position: { id: 'pos_2', pay: { baseSalaryFen: 320_000, bonusBaseFen: 100_000 } },
    } as const;
    const moved = accepted(apply(draft('system'), to, ctx));
    expect(moved.state.row).toMatchObject({
      departmentId: 'dep_2',
      positionId: 'pos_2',
      baseSalaryFen: 320_000,
      revision: 2,
    });
    expect(moved.audit.map((a) => a.action)).toEqual(['evaluation.move', 'evaluation.reprice']);
    const settled = accepted(apply(draft('system', 'approved'), to, ctx));
    expect(settled.writes).toEqual({});
    expect(settled.audit).toEqual([]);
  });
});
