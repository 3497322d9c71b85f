import { z } from '@hono/zod-openapi';
import { evaluationStatusValues } from '../../../db/schema';
import { offeredActions } from '../../access/policy';
import { multiLine, oneLine } from '../../lib/text';
import { jsonResponse } from '../define';
import { isoTime } from '../schemas';
import { scoreResultSchema } from '../schemes/breakdown';

export const evaluationSchema = z
  .object({
    id: z.string(),
    periodId: z.string(),
    employeeId: z.string(),
    employeeNo: z.string().nullable(),
    employeeName: z.string().nullable(),
    departmentId: z.string(),
    positionId: z.string(),
    schemeId: z.string(),
    schemeVersionId: z.string(),
    status: z.enum(evaluationStatusValues),
    revision: z.number().int(),
    etag: z.string(),
    total: z.number().openapi({ description: 'Exact to 0.01' }),
    grade: z.string(),
    k: z.number(),
    vetoed: z.boolean(),
    pay: z.object({
      baseSalaryFen: z.number().int(),
      bonusBaseFen: z.number().int(),
      bonusFen: z.number().int(),
      totalFen: z.number().int().openapi({ description: '工资总额 = 基本工资 + 绩效奖金基数 × K, in fen' }),
    }),
    missingRequired: z.array(z.string()),
    allowedActions: z.array(z.enum(offeredActions)),
    updatedAt: isoTime,
    rank: z.number().int().optional(),
  })
  .openapi('Evaluation');

export const inputSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['metric', 'event', 'rating', 'check']),
    indicator: z.string(),
    rule: z.string().nullable(),
    value: z.number().nullable(),
    count: z.number().int().nullable(),
    passed: z.array(z.string()).nullable(),
    evidence: z.record(z.string(), z.string()).nullable(),
    source: z.enum(['person', 'integrator', 'import']),
    recordedBy: z.string(),
    enteredBy: z.string().nullable(),
    keyId: z.string().nullable(),
    voided: z.boolean(),
    voidedByAppeal: z.string().nullable(),
    createdAt: isoTime,
  })
  .openapi('EvaluationInput');

export const evaluationDetailSchema = evaluationSchema
  .extend({
    breakdown: scoreResultSchema,
    inputs: z.array(inputSchema),
    appeals: z.array(
      z.object({
        id: z.string(),
        reason: z.string(),
        disputedInputIds: z.array(z.string()),
        status: z.enum(['open', 'resolved']),
        answer: z.string().nullable(),
        voidedInputIds: z.array(z.string()).nullable(),
        createdBy: z.string(),
        createdAt: isoTime,
        resolvedBy: z.string().nullable(),
        resolvedAt: isoTime.nullable(),
      }),
    ),
  })
  .openapi('EvaluationDetail');

/** An answer with the evaluation in full and its version as ETag, for the next If-Match. */
export const evaluationAnswer = (description: string) => ({
  ...jsonResponse(evaluationDetailSchema, description),
  headers: {
    ETag: {
      description: 'The version of this evaluation: send it back as If-Match to change it',
      schema: { type: 'string' as const, example: '"evl_7Hq2….3"' },
    },
  },
});

export const ifMatchHeader = z.object({
  'if-match': oneLine()
    .max(200)
    .optional()
    .openapi({ description: 'The ETag read last (required: 428 without it, 412 when stale)' }),
});

/** A reason or an answer: a paragraph or several (LF line breaks). */
const text = (max: number) => multiLine().trim().min(1).max(max);
const ids = z.array(oneLine().max(64)).max(100);

/** The body each workflow step takes. */
export const transitionBodies = {
  submit: z.object({}).strict(),
  confirm: z.object({}).strict(),
  approve: z.object({}).strict(),
  appeal: z.object({ reason: text(2000), disputedInputIds: ids.optional() }).strict(),
  resolve: z.object({ answer: text(2000), voidInputIds: ids.optional() }).strict(),
  reopen: z.object({ reason: text(2000) }).strict(),
} as const;
