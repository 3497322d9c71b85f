import { describe, expect, it } from 'vitest';
import { payFor } from '../../../worker/domain/evaluation/pay';
import {
  checkTransition,
  type EvaluationStatus,
  evaluationStatuses,
  type Relation,
  type Transition,
} from '../../../worker/domain/evaluation/workflow';

describe('evaluation workflow', () => {
  it('walks draft → submitted → appealed → submitted → confirmed → approved → locked', () => {
    const steps: [Transition, Relation, EvaluationStatus][] = [
      ['submit', 'supervisor', 'submitted'],
      ['appeal', 'self', 'appealed'],
      ['resolve', 'hr', 'submitted'],
      ['confirm', 'self', 'confirmed'],
      ['approve', 'hr', 'approved'],
      ['lock', 'system', 'locked'],
      ['reopen', 'hr', 'draft'],
    ];
    let status: EvaluationStatus = 'draft';
    for (const [transition, relation, expected] of steps) {
      const r = checkTransition(transition, status, relation);
      expect(r, `${transition} from ${status}`).toEqual({ ok: true, to: expected });
      status = expected;
    }
  });

  it('names the state when a transition does not apply to it', () => {
    expect(checkTransition('approve', 'draft', 'hr')).toEqual({
      ok: false,
      reason: 'wrong_state',
      status: 'draft',
      allowedFrom: ['submitted', 'confirmed'],
    });
    expect(checkTransition('confirm', 'approved', 'self')).toMatchObject({ ok: false, status: 'approved' });
  });

  it('refuses roles that do not own a step, whatever the state', () => {
    for (const status of evaluationStatuses) {
      expect(checkTransition('confirm', status, 'supervisor')).toMatchObject({
        ok: false,
        reason: 'not_allowed',
      });
      expect(checkTransition('approve', status, 'supervisor')).toMatchObject({
        ok: false,
        reason: 'not_allowed',
      });
      expect(checkTransition('appeal', status, 'hr')).toMatchObject({ ok: false, reason: 'not_allowed' });
      expect(checkTransition('reopen', status, 'supervisor')).toMatchObject({
        ok: false,
        reason: 'not_allowed',
      });
      expect(checkTransition('lock', status, 'hr')).toMatchObject({ ok: false, reason: 'not_allowed' });
    }
  });

  it('refuses the evaluated person every step but confirming and appealing, naming that rule', () => {
    for (const t of ['submit', 'resolve', 'approve', 'reopen'] as const) {
      for (const status of evaluationStatuses) {
        expect(checkTransition(t, status, 'self'), `${t} from ${status}`).toEqual({
          ok: false,
          reason: 'own_evaluation',
          action: t,
        });
      }
    }
    expect(checkTransition('confirm', 'submitted', 'self')).toEqual({ ok: true, to: 'confirmed' });
  });

  it('lets only approved or locked evaluations be reopened', () => {
    const reopenable = evaluationStatuses.filter((s) => checkTransition('reopen', s, 'hr').ok);
    expect(reopenable).toEqual(['approved', 'locked']);
  });
});

describe('pay', () => {
  it('is base + bonus base × K in fen, rounded half-up once', () => {
    expect(payFor(300_000, 100_000, 1.1)).toMatchObject({ bonusFen: 110_000, totalFen: 410_000 });
    expect(payFor(300_000, 100_001, 0.5)).toMatchObject({ bonusFen: 50_001, totalFen: 350_001 }); // 50000.5 → 50001
    expect(payFor(280_000, 99_999, 0.9)).toMatchObject({ bonusFen: 89_999, totalFen: 369_999 }); // 89999.1 → 89999
    expect(payFor(0, 123_456, 0)).toMatchObject({ bonusFen: 0, totalFen: 0 });
  });

  it('does not drift for K values that are inexact in binary', () => {
    // 1.15 * 100 = 114.99999999999999 in floating point; K is read as 115 hundredths.
    expect(payFor(0, 200_000, 1.15).bonusFen).toBe(230_000);
    expect(payFor(0, 333_333, 0.7).bonusFen).toBe(233_333); // 233333.1
  });
});
