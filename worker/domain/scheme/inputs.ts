import { z } from 'zod';
import { messages } from '../../lib/messages';
import { multiLine, oneLine } from '../../lib/text';
import { keySchema } from './content';

/*
 * An evaluation's inputs: what people, CSV imports and integrators record. The shape is
 * checked here; whether an input fits the evaluation's scheme (known indicator, right kind,
 * value in range) is checkInputs' job, because it needs the scheme version.
 */

const BIG = 1_000_000_000;
const ref = oneLine().trim().min(1).max(100);

/**
 * The numeric bounds of every figure anyone sends: `/evaluations/{id}/inputs`, `/ingest` and
 * preview all use these, so a value one path refuses no other path stores.
 */
export const inputValueSchema = z.number().min(-BIG).max(BIG);
/** How many times an event happened in one entry. */
export const eventCountSchema = z.int().min(1).max(10_000);

export const metricInputSchema = z.strictObject({
  indicator: keySchema,
  value: inputValueSchema,
});

export const evidenceSchema = z.strictObject({
  recordingId: ref.optional(),
  complaintNo: ref.optional(),
  note: multiLine().max(1000).optional(),
});

/** An event as it is recorded: the server gives it its id, and only an appeal voids it. */
export const recordedEventSchema = z.strictObject({
  indicator: keySchema,
  rule: keySchema,
  count: eventCountSchema.default(1),
  evidence: evidenceSchema.optional(),
});

/** An event as preview scores it: stored events come back with their id and voided flag. */
export const eventInputSchema = recordedEventSchema.extend({
  id: ref.optional(),
  // A voided event stays on record (who recorded what) but no longer counts.
  voided: z.boolean().optional(),
});

export const ratingInputSchema = z.strictObject({
  indicator: keySchema,
  value: inputValueSchema,
  raterId: ref.optional(),
});

export const checkInputSchema = z.strictObject({
  indicator: keySchema,
  passed: z.array(keySchema).max(100),
  callId: ref.optional(),
});

// Per request: with the 1 MiB body limit these keep one audit entry (the inputs, as
// recorded) under D1's 2 MB row limit.
const lists = {
  metrics: z.array(metricInputSchema).max(200).default([]),
  ratings: z.array(ratingInputSchema).max(200).default([]),
  checks: z.array(checkInputSchema).max(500).default([]),
};

/** Sample inputs for preview: what scoring reads, stored events' id and voided flag included. */
export const evaluationInputsSchema = z.strictObject({
  ...lists,
  events: z.array(eventInputSchema).max(1000).default([]),
});

/**
 * What `POST /evaluations/{id}/inputs` keeps, and nothing else: an unknown field (an event's
 * `id` or `voided`) is a 400 naming it, and a body that records nothing is a 400 too.
 */
export const recordInputsSchema = z
  .strictObject({ ...lists, events: z.array(recordedEventSchema).max(1000).default([]) })
  .refine((i) => i.metrics.length + i.events.length + i.ratings.length + i.checks.length > 0, {
    // Only a body that is otherwise valid: an unknown field is its own 400.
    when: (payload) => payload.issues.length === 0,
    params: {
      i18n: messages.INPUTS_EMPTY,
    },
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
