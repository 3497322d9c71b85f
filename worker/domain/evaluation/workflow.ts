/**
 * The life of one evaluation (DOMAIN.md): who may move it, from which state, to which.
 * Pure: the service supplies the caller's relation to the evaluation and applies the result.
 */
export const evaluationStatuses = [
  'draft',
  'submitted',
  'confirmed',
  'appealed',
  'approved',
  'locked',
] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export const transitions = ['submit', 'confirm', 'appeal', 'resolve', 'approve', 'reopen', 'lock'] as const;
export type Transition = (typeof transitions)[number];

/** How the caller stands to this evaluation; computed by the service from role and org. */
export type Relation =
  | 'hr' // owner or admin
  | 'supervisor' // a supervisor of the employee's department
  | 'self' // the evaluated employee
  | 'integrator' // an API key with evaluations:write
  | 'system' // closing a period
  | 'none';

interface Rule {
  from: readonly EvaluationStatus[];
  to: EvaluationStatus;
  by: readonly Relation[];
}

const rules: Record<Transition, Rule> = {
  submit: { from: ['draft'], to: 'submitted', by: ['hr', 'supervisor', 'integrator'] },
  confirm: { from: ['submitted'], to: 'confirmed', by: ['self'] },
  appeal: { from: ['submitted'], to: 'appealed', by: ['self'] },
  resolve: { from: ['appealed'], to: 'submitted', by: ['hr'] },
  // HR may approve without the employee's word: people leave, go on holiday, do not answer.
  approve: { from: ['submitted', 'confirmed'], to: 'approved', by: ['hr'] },
  reopen: { from: ['approved', 'locked'], to: 'draft', by: ['hr'] },
  lock: { from: ['approved'], to: 'locked', by: ['system'] },
};

export type TransitionCheck =
  | { ok: true; to: EvaluationStatus }
  | { ok: false; reason: 'wrong_state'; status: EvaluationStatus; allowedFrom: readonly EvaluationStatus[] }
  | { ok: false; reason: 'not_allowed'; relation: Relation };

/** Whether `relation` may apply `transition` to an evaluation in `status`. */
export function checkTransition(
  transition: Transition,
  status: EvaluationStatus,
  relation: Relation,
): TransitionCheck {
  const rule = rules[transition];
  if (!rule.by.includes(relation)) return { ok: false, reason: 'not_allowed', relation };
  if (!rule.from.includes(status))
    return { ok: false, reason: 'wrong_state', status, allowedFrom: rule.from };
  return { ok: true, to: rule.to };
}

/** Inputs change only while the evaluation is a draft (an appeal's resolution voids events itself). */
export const inputsEditable = (status: EvaluationStatus) => status === 'draft';
