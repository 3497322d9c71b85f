import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { evaluationStatuses } from '../../worker/domain/evaluation/workflow';

/** A published scheme applies to a position or a department; an employee may be overridden. */
export const schemeAssignments = sqliteTable(
  'scheme_assignments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    targetType: text('target_type', { enum: ['employee', 'position', 'department'] }).notNull(),
    targetId: text('target_id').notNull(),
    schemeId: text('scheme_id').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('scheme_assignments_target_uq').on(t.tenantId, t.targetType, t.targetId),
    index('scheme_assignments_scheme_ix').on(t.tenantId, t.schemeId),
  ],
);

/** 考核周期: monthly `YYYY-MM`. Closing locks every evaluation in it. */
export const periods = sqliteTable(
  'periods',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    /** The day (YYYY-MM-DD) by which the month's inputs are due; none set: no deadline. */
    inputsDueOn: text('inputs_due_on'),
    openedAt: text('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
  },
  (t) => [uniqueIndex('periods_key_uq').on(t.tenantId, t.key)],
);

/** The workflow's states (worker/domain/evaluation/workflow.ts is their one definition). */
export const evaluationStatusValues = evaluationStatuses;

/**
 * One per employee per period, pinned to the scheme version it is scored with. Score, grade,
 * K and pay are derived from the inputs on every change and stored with the breakdown;
 * `revision` is the ETag.
 */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    periodId: text('period_id').notNull(),
    employeeId: text('employee_id').notNull(),
    departmentId: text('department_id').notNull(),
    positionId: text('position_id').notNull(),
    schemeId: text('scheme_id').notNull(),
    schemeVersionId: text('scheme_version_id').notNull(),
    status: text('status', { enum: evaluationStatusValues }).notNull(),
    revision: integer('revision').notNull(),
    totalCenti: integer('total_centi').notNull(),
    grade: text('grade').notNull(),
    k: real('k').notNull(),
    vetoed: integer('vetoed', { mode: 'boolean' }).notNull(),
    baseSalaryFen: integer('base_salary_fen').notNull(),
    bonusBaseFen: integer('bonus_base_fen').notNull(),
    bonusFen: integer('bonus_fen').notNull(),
    payTotalFen: integer('pay_total_fen').notNull(),
    breakdown: text('breakdown', { mode: 'json' }).notNull(),
    missingRequired: text('missing_required', { mode: 'json' }).$type<string[]>().notNull(),
    /**
     * Every required indicator has its input, and there is at least one input: until then the
     * score is provisional and there is no grade, K or pay (DOMAIN.md, completeness).
     */
    complete: integer('complete', { mode: 'boolean' }).notNull().default(false),
    /** When it was last submitted, and the end of the employee's window to confirm or appeal. */
    submittedAt: text('submitted_at'),
    confirmDueAt: text('confirm_due_at'),
    /** How it came to be confirmed: by the employee, by the window expiring, or by HR's override. */
    confirmedAt: text('confirmed_at'),
    confirmedHow: text('confirmed_how', { enum: ['employee', 'expired', 'override'] }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('evaluations_period_employee_uq').on(t.tenantId, t.periodId, t.employeeId),
    index('evaluations_period_dept_ix').on(t.tenantId, t.periodId, t.departmentId),
    index('evaluations_employee_ix').on(t.tenantId, t.employeeId),
  ],
);

/**
 * Everything recorded on an evaluation: metric values, events (deduction, bonus, veto) with
 * evidence, ratings with their rater, checklist checks with the checked call.
 */
export const evaluationInputs = sqliteTable(
  'evaluation_inputs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    evaluationId: text('evaluation_id').notNull(),
    kind: text('kind', { enum: ['metric', 'event', 'rating', 'check'] }).notNull(),
    indicator: text('indicator').notNull(),
    rule: text('rule'),
    value: real('value'),
    count: integer('count'),
    passed: text('passed', { mode: 'json' }).$type<string[]>(),
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, string>>(),
    source: text('source', { enum: ['person', 'integrator', 'import'] }).notNull(),
    /** The rater of a rating; otherwise whoever recorded it (a user, or the key). */
    recordedBy: text('recorded_by').notNull(),
    /** The person who entered it: the signed-in user, or the creator of the key it came through. */
    enteredBy: text('entered_by'),
    /** The API key it came through, if any. */
    keyId: text('key_id'),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
    voidedByAppeal: text('voided_by_appeal'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('evaluation_inputs_eval_ix').on(t.tenantId, t.evaluationId, t.kind)],
);

/** 申诉: the employee's reason, the inputs disputed, and HR's written answer. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    evaluationId: text('evaluation_id').notNull(),
    reason: text('reason').notNull(),
    disputedInputIds: text('disputed_input_ids', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    answer: text('answer'),
    voidedInputIds: text('voided_input_ids', { mode: 'json' }).$type<string[]>(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('appeals_eval_ix').on(t.tenantId, t.evaluationId)],
);
