import { z } from '@hono/zod-openapi';
import { indicatorTypes } from '../../domain/scheme';

/*
 * The breakdown of a score (domain/scheme/score.ts ScoreResult), as the preview and every
 * evaluation answer it: per indicator the inputs used, the formula applied with its numbers,
 * and a sentence in both languages. Field descriptions: worker/openapi/fields.
 */

const texts = z.object({ 'zh-CN': z.string(), en: z.string() });

const usedInputs = z.union([
  z.object({ value: z.number().nullable() }),
  z.object({
    events: z.array(
      z.object({
        id: z.string().optional(),
        indicator: z.string(),
        rule: z.string(),
        count: z.number().int(),
        voided: z.boolean().optional(),
      }),
    ),
  }),
  z.object({
    ratings: z.array(z.object({ indicator: z.string(), value: z.number(), raterId: z.string().optional() })),
  }),
  z.object({
    checks: z.array(
      z.object({
        callId: z.string().optional(),
        passed: z.array(z.string()),
        failedCritical: z.array(z.string()),
        score: z.number(),
      }),
    ),
  }),
]);

const ruleLine = z.object({ rule: z.string(), name: z.string(), count: z.number().int(), each: z.number() });

const formulaRule = z.discriminatedUnion('formula', [
  z.object({ formula: z.literal('missing'), type: z.enum(indicatorTypes) }),
  z.object({
    formula: z.literal('quantity'),
    value: z.number(),
    target: z.number(),
    capRatio: z.number(),
    ratio: z.number(),
    applied: z.number(),
  }),
  z.object({
    formula: z.literal('ratio'),
    value: z.number(),
    floor: z.number(),
    target: z.number(),
    fraction: z.number(),
  }),
  z.object({
    formula: z.literal('deduction'),
    lines: z.array(ruleLine),
    deducted: z.number(),
    floored: z.boolean(),
  }),
  z.object({ formula: z.literal('bonus'), lines: z.array(ruleLine), added: z.number(), capped: z.boolean() }),
  z.object({ formula: z.literal('rating'), scale: z.number(), count: z.number().int(), mean: z.number() }),
  z.object({
    formula: z.literal('checklist'),
    checks: z.number().int(),
    mean: z.number(),
    applied: z.enum(['checks', 'whenNone']),
    whenNone: z.enum(['full', 'zero']),
  }),
  z.object({
    formula: z.literal('veto'),
    triggered: z.boolean(),
    rule: z.string().nullable(),
    grade: z.string(),
  }),
]);

export const scoreResultSchema = z
  .object({
    indicators: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        category: z.string(),
        type: z.enum(indicatorTypes),
        points: z.number(),
        centi: z.number().int(),
        maxPoints: z.number(),
        inputs: usedInputs,
        rule: formulaRule,
        explanation: texts,
        missing: z.boolean(),
      }),
    ),
    categories: z.array(
      z.object({ key: z.string(), name: z.string(), points: z.number(), maxPoints: z.number() }),
    ),
    maxScore: z.number(),
    total: z.number(),
    totalCenti: z.number().int(),
    grade: z.string(),
    label: z.string(),
    k: z.number(),
    veto: z.object({ indicator: z.string(), rule: z.string(), grade: z.string() }).nullable(),
    missingRequired: z.array(z.string()),
  })
  .openapi('ScoreResult');
