import { z } from 'zod';
import { keySchema } from './content';

/*
 * An evaluation's inputs: what people, CSV imports and integrators record. The shape is
 * checked here; whether an input fits the evaluation's scheme (known indicator, right kind,
 * value in range) is checkInputs' job, because it needs the scheme version.
 */

const BIG = 1_000_000_000;
const ref = z.string().trim().min(1).max(100);

export const metricInputSchema = z.strictObject({
  indicator: keySchema,
  value: z.number().min(-BIG).max(BIG),
});

export const evidenceSchema = z.strictObject({
  recordingId: ref.optional(),
  complaintNo: ref.optional(),
  note: z.string().max(1000).optional(),
});

export const eventInputSchema = z.strictObject({
  id: ref.optional(),
  indicator: keySchema,
  rule: keySchema,
  count: z.int().min(1).max(10_000).default(1),
  evidence: evidenceSchema.optional(),
  // A voided event stays on record (who recorded what) but no longer counts.
  voided: z.boolean().optional(),
});

export const ratingInputSchema = z.strictObject({
  indicator: keySchema,
  value: z.number().min(-BIG).max(BIG),
  raterId: ref.optional(),
});

export const checkInputSchema = z.strictObject({
  indicator: keySchema,
  passed: z.array(keySchema).max(100),
  callId: ref.optional(),
});

export const evaluationInputsSchema = z.strictObject({
  // Per request: with the 1 MiB body limit these keep one audit entry (the inputs, as
  // recorded) under D1's 2 MB row limit.
  metrics: z.array(metricInputSchema).max(200).default([]),
  events: z.array(eventInputSchema).max(1000).default([]),
  ratings: z.array(ratingInputSchema).max(200).default([]),
  checks: z.array(checkInputSchema).max(500).default([]),
});

/** Inputs as stored and scored (defaults filled in). */
export type EvaluationInputs = z.output<typeof evaluationInputsSchema>;
/** Inputs as a client may send them. */
export type EvaluationInputsInput = z.input<typeof evaluationInputsSchema>;
export type MetricInput = z.output<typeof metricInputSchema>;
export type EventInput = z.output<typeof eventInputSchema>;
export type RatingInput = z.output<typeof ratingInputSchema>;
export type CheckInput = z.output<typeof checkInputSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
