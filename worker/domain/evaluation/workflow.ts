/**
 * The life of one evaluation (DOMAIN.md): who may change it, from which state, to which. This
 * table is the one place that says so; the aggregate (aggregate.ts) consults it for every
 * change, whichever path (API, ingest, org changes, roster, period close) the change came by.
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

/** Every kind of change an evaluation can undergo: the workflow's steps and the rest. */
export const actions = [
  ...transitions,
  'record', // inputs recorded through the API
  'removeInput',
  'ingest', // rows pushed by an integrator or HR
  'follow', // the employee moved department or position (move, reprice)
  'join', // a late joiner's evaluation is added to an open period
  'leave', // a leaver's evaluation is removed from an open period
] as const;
export type Action = (typeof actions)[number];

/** How the caller stands to this evaluation; computed by the service from role and org. */
export type Relation =
  | 'hr' // owner or admin
  | 'supervisor' // a supervisor of the employee's department
  | 'self' // the evaluated employee, whatever their role
  | 'integrator' // an API key with evaluations:write (or metrics:write, for ingest)
  | 'system' // a consequence of another change: closing a period, an org change
  | 'none';

interface Rule {
  from: readonly EvaluationStatus[];
  by: readonly Relation[];
  to?: EvaluationStatus;
}

/** Results people rely on (payroll reads them); HR reopens one before it changes again. */
const UNSETTLED = ['draft', 'submitted', 'confirmed', 'appealed'] as const;
/** What a period needs of every evaluation before it closes: HR's approval (or a lock already). */
export const SETTLED: readonly EvaluationStatus[] = ['approved', 'locked'];
const RECORDERS = ['hr', 'supervisor', 'integrator'] as const;

const rules: Record<Action, Rule> = {
  // Inputs change only while the evaluation is a draft (an appeal's resolution voids events).
  record: { from: ['draft'], by: RECORDERS },
  removeInput: { from: ['draft'], by: RECORDERS },
  ingest: { from: ['draft'], by: ['hr', 'integrator'] },
  submit: { from: ['draft'], to: 'submitted', by: RECORDERS },
  confirm: { from: ['submitted'], to: 'confirmed', by: ['self'] },
  appeal: { from: ['submitted'], to: 'appealed', by: ['self'] },
  resolve: { from: ['appealed'], to: 'submitted', by: ['hr'] },
  // HR may approve without the employee's word: people leave, go on holiday, do not answer.
  approve: { from: ['submitted', 'confirmed'], to: 'approved', by: ['hr'] },
  reopen: { from: ['approved', 'locked'], to: 'draft', by: ['hr'] },
  lock: { from: ['approved'], to: 'locked', by: ['system'] },
  // Approved and locked evaluations keep the department and pay they were judged with.
  follow: { from: UNSETTLED, by: ['system'] },
  // A new evaluation starts as a draft (there is no state to check); an HR system may add one.
  join: { from: [], to: 'draft', by: ['hr', 'integrator'] },
  leave: { from: UNSETTLED, by: ['hr'] },
};

/**
 * Nobody records on, submits, approves, resolves, moves, re-prices, removes or re-adds their
 * own evaluation: another HR person must. The evaluated person only confirms or appeals.
 */
const SELF_REFUSED = new Set<Action>([
  'record',
  'removeInput',
  'ingest',
  'submit',
  'resolve',
  'approve',
  'reopen',
  'follow', // their own department or position (and so pay), changed by themselves
  'join',
  'leave',
]);

export type TransitionCheck =
  | { ok: true; to: EvaluationStatus | undefined }
  | { ok: false; reason: 'own_evaluation'; action: Action }
  | { ok: false; reason: 'wrong_state'; status: EvaluationStatus; allowedFrom: readonly EvaluationStatus[] }
  | { ok: false; reason: 'not_allowed'; relation: Relation };

/**
 * Whether `relation` may apply `action` to an evaluation in `status` (`undefined`: none exists
 * yet, as for a joiner). The person's own evaluation is refused first, naming that rule.
 */
export function checkAction(
  action: Action,
  status: EvaluationStatus | undefined,
  relation: Relation,
): TransitionCheck {
  const rule = rules[action];
  if (relation === 'self' && SELF_REFUSED.has(action)) return { ok: false, reason: 'own_evaluation', action };
  if (!rule.by.includes(relation)) return { ok: false, reason: 'not_allowed', relation };
  if (status !== undefined && !rule.from.includes(status))
    return { ok: false, reason: 'wrong_state', status, allowedFrom: rule.from };
  return { ok: true, to: rule.to };
}

/** The workflow steps, as before: whether `relation` may apply `transition` in `status`. */
export const checkTransition = (transition: Transition, status: EvaluationStatus, relation: Relation) =>
  checkAction(transition, status, relation);
