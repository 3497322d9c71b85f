import { z } from '@hono/zod-openapi';
import { ADMINS } from '../../access/roles';
import { eventCountSchema, evidenceSchema, inputValueSchema, keySchema } from '../../domain/scheme';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { type IngestResult, type IngestRow, ingest, ingestAnswer } from '../../services/evaluations/ingest';
import { claimIdempotencyKey } from '../../services/idempotency';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';

export const MAX_INGEST_ROWS = 1000;

const row = z
  .object({
    employeeNo: oneLine().trim().min(1).max(40).openapi({ example: 'KF001', description: '工号' }),
    period: oneLine()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .openapi({ example: '2026-11' }),
    indicator: keySchema,
    value: inputValueSchema
      .optional()
      .openapi({ description: 'A metric value (calls answered, a ratio …); the same bounds as /inputs' }),
    rule: keySchema.optional().openapi({ description: 'An event: the deduction / bonus / veto rule' }),
    count: eventCountSchema.optional().openapi({ description: 'Times the event happened (events only)' }),
    evidence: evidenceSchema
      .optional()
      .openapi({ description: 'Recording, complaint or note (events only)' }),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.value === undefined) === (r.rule === undefined)) {
      ctx.addIssue({
        code: 'custom',
        params: {
          i18n: messages.INGEST_VALUE_OR_RULE,
        },
      });
      return;
    }
    // A metric row is the month's figure: a count (or evidence) beside it would be dropped or
    // guessed at (value × count?), so it is refused and the integrator learns at once.
    for (const field of ['count', 'evidence'] as const) {
      if (r.value !== undefined && r[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          params: {
            i18n: messages[field === 'count' ? 'INGEST_METRIC_NO_COUNT' : 'INGEST_METRIC_NO_EVIDENCE'],
          },
        });
      }
    }
  });

const body = z
  .object({ rows: z.array(row).min(1).max(MAX_INGEST_ROWS) })
  .strict()
  .openapi('IngestRequest');

const route = defineRoute({
  method: 'post',
  path: '/ingest',
  tags: ['Ingestion'],
  operationId: 'ingest',
  summary:
    'Push up to 1,000 metric values or events keyed by 工号 + period + indicator (+ rule); all or nothing',
  description:
    'Send `Idempotency-Key` to retry safely: a replay answers the first result and changes nothing; ' +
    'the same key with another body is 422; while the first is still running, 409.',
  access: { roles: ADMINS, scopes: ['metrics:write', 'evaluations:write'] },
  request: {
    headers: z.object({ 'idempotency-key': oneLine().min(1).max(200).optional() }),
    body: jsonBody(body),
  },
  responses: {
    200: {
      ...jsonResponse(
        z.object({
          accepted: z.number().int(),
          evaluations: z.array(
            z.object({
              evaluationId: z.string(),
              employeeId: z.string(),
              accepted: z.number().int().openapi({ description: 'Rows of this request that landed on it' }),
              total: z
                .number()
                .optional()
                .openapi({ description: 'Only for callers who may read evaluations' }),
              grade: z
                .string()
                .optional()
                .openapi({ description: 'Only for callers who may read evaluations' }),
              etag: z.string(),
            }),
          ),
        }),
        'Written (or replayed). A `metrics:write` key reads nothing, so it gets counts and ids, never scores.',
      ),
      headers: {
        'Idempotent-Replayed': {
          description: '`true` when this answers an earlier request with the same Idempotency-Key',
          schema: { type: 'string' as const, enum: ['true'] },
        },
      },
    },
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT', 'UNPROCESSABLE'),
  },
});

export const ingestRoutes = router().openapi(route, async (c) => {
  const scope = scopeOf(c);
  const { rows } = c.req.valid('json');
  const key = c.req.valid('header')['idempotency-key'];
  if (!key) return c.json(ingestAnswer(scope, await ingest(scope, rows as IngestRow[])), 200);
  const claimed = await claimIdempotencyKey(scope, key, { path: '/ingest', rows });
  if ('replay' in claimed) {
    c.header('Idempotent-Replayed', 'true');
    return c.json(ingestAnswer(scope, claimed.replay.body as IngestResult), 200);
  }
  try {
    return c.json(ingestAnswer(scope, await ingest(scope, rows as IngestRow[], claimed.claim)), 200);
  } catch (err) {
    // Nothing was written: free the key so the caller can correct the rows and send again.
    await claimed.claim.release();
    throw err;
  }
});
