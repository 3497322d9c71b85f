import { z } from '@hono/zod-openapi';
import { ADMINS, EVERYONE } from '../../access/roles';
import { oneLine } from '../../lib/text';
import {
  closePeriod,
  findPeriod,
  listPeriods,
  openPeriod,
  publicPeriod,
} from '../../services/evaluations/periods';
import { skipReasons } from '../../services/evaluations/pinning';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { idParam, isoTime } from '../schemas';
import { gridRoutes } from './grid';
import { rosterRoutes } from './roster';
import { periodSummaryRoutes } from './summary';

const tags = ['Periods'];
const read = { roles: EVERYONE, scopes: ['evaluations:read', 'evaluations:write'] } as const;
const write = { roles: ADMINS, scopes: ['evaluations:write'] } as const;

export const periodSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    status: z.enum(['open', 'closed']),
    openedAt: isoTime,
    closedAt: isoTime.nullable(),
  })
  .openapi('Period');

const list = defineRoute({
  method: 'get',
  path: '/periods',
  tags,
  operationId: 'listPeriods',
  summary: 'All periods (考核周期), oldest first',
  access: read,
  responses: { 200: jsonResponse(z.object({ items: z.array(periodSchema) }), 'Periods') },
});
const get = defineRoute({
  method: 'get',
  path: '/periods/{id}',
  tags,
  operationId: 'getPeriod',
  summary: 'One period',
  access: read,
  request: { params: idParam('per') },
  responses: { 200: jsonResponse(periodSchema, 'The period'), ...errorResponses('NOT_FOUND') },
});
const open = defineRoute({
  method: 'post',
  path: '/periods',
  tags,
  operationId: 'openPeriod',
  summary: 'Open a month: one evaluation per active employee, pinned to the current published scheme version',
  access: write,
  request: {
    body: jsonBody(
      z
        .object({
          key: oneLine()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .openapi({ example: '2026-11', description: 'YYYY-MM' }),
        })
        .strict(),
    ),
  },
  responses: {
    201: jsonResponse(
      z.object({
        period: periodSchema,
        evaluations: z.number().int(),
        skipped: z.array(
          z.object({
            employeeId: z.string(),
            employeeNo: z.string(),
            reason: z.enum(skipReasons).openapi({ description: 'Why no evaluation was made' }),
          }),
        ),
      }),
      'Opened',
    ),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT'),
  },
});
const close = defineRoute({
  method: 'post',
  path: '/periods/{id}/close',
  tags,
  operationId: 'closePeriod',
  summary: 'Close a period: every evaluation must be approved; all are locked (each lock audited)',
  access: write,
  request: { params: idParam('per') },
  responses: {
    200: jsonResponse(z.object({ period: periodSchema, lockedEvaluations: z.number().int() }), 'Closed'),
    ...errorResponses('NOT_FOUND', 'CONFLICT'),
  },
});

export const periodRoutes = router()
  .openapi(list, async (c) => c.json({ items: await listPeriods(scopeOf(c)) }, 200))
  .openapi(get, async (c) => c.json(publicPeriod(await findPeriod(scopeOf(c), c.req.valid('param').id)), 200))
  .openapi(open, async (c) => c.json(await openPeriod(scopeOf(c), c.req.valid('json').key), 201))
  .openapi(close, async (c) => c.json(await closePeriod(scopeOf(c), c.req.valid('param').id), 200))
  .route('/', rosterRoutes)
  .route('/', periodSummaryRoutes)
  .route('/', gridRoutes);
