import { z } from '@hono/zod-openapi';
import { ADMINS } from '../../access/roles';
import { evidenceSchema, keySchema } from '../../domain/scheme';
import { type IngestRow, ingest } from '../../services/evaluations/ingest';
import { claimIdempotencyKey } from '../../services/idempotency';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';

export const MAX_INGEST_ROWS = 1000;

const row = z
  .object({
    employeeNo: z.string().trim().min(1).max(40).openapi({ example: 'KF001', description: '工号' }),
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .openapi({ example: '2026-11' }),
    indicator: keySchema,
    value: z
      .number()
      .finite()
      .optional()
      .openapi({ description: 'A metric value (calls answered, a ratio …)' }),
    rule: keySchema.optional().openapi({ description: 'An event: the deduction / bonus / veto rule' }),
    count: z.int().min(1).max(10_000).optional(),
    evidence: evidenceSchema.optional(),
  })
  .strict()
  .refine((r) => (r.value === undefined) !== (r.rule === undefined), {
    params: {
      i18n: {
        'zh-CN': '每行须有 value（指标值）或 rule（事件）之一，且只能有一个',
        en: 'needs exactly one of value (a metric) or rule (an event)',
      },
    },
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
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    body: jsonBody(body),
  },
  responses: {
    200: jsonResponse(
      z.object({
        accepted: z.number().int(),
        evaluations: z.array(
          z.object({
            evaluationId: z.string(),
            employeeId: z.string(),
            total: z.number(),
            grade: z.string(),
            etag: z.string(),
          }),
        ),
      }),
      'Written (or replayed)',
    ),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT', 'UNPROCESSABLE'),
  },
});

export const ingestRoutes = router().openapi(route, async (c) => {
  const scope = scopeOf(c);
  const { rows } = c.req.valid('json');
  const key = c.req.valid('header')['idempotency-key'];
  if (!key) return c.json(await ingest(scope, rows as IngestRow[]), 200);
  const claimed = await claimIdempotencyKey(scope, key, { path: '/ingest', rows });
  if ('replay' in claimed) {
    c.header('Idempotent-Replayed', 'true');
    return c.json(claimed.replay.body as Awaited<ReturnType<typeof ingest>>, 200);
  }
  try {
    return c.json(await ingest(scope, rows as IngestRow[], claimed.claim), 200);
  } catch (err) {
    // Nothing was written: free the key so the caller can correct the rows and send again.
    await claimed.claim.release();
    throw err;
  }
});
