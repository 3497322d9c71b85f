import { z } from '@hono/zod-openapi';
import { evaluationStatusValues } from '../../../db/schema';
import { EVERYONE } from '../../access/roles';
import { recordInputsSchema } from '../../domain/scheme';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { addInputs, removeInput } from '../../services/evaluations/inputs';
import { getEvaluation, listEvaluations } from '../../services/evaluations/read';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { idParam, pageOf, pageQuery } from '../schemas';
import { answer } from './answer';
import { evaluationAnswer, evaluationSchema, ifMatchHeader } from './schema';
import { transitionRoutes } from './transitions';

const tags = ['Evaluations'];
const read = { roles: EVERYONE, scopes: ['evaluations:read', 'evaluations:write'] } as const;
const record = { roles: ['owner', 'admin', 'supervisor'], scopes: ['evaluations:write'] } as const;

const list = defineRoute({
  method: 'get',
  path: '/evaluations',
  tags,
  operationId: 'listEvaluations',
  summary:
    'Evaluations you may see, filtered; by month then 工号, or with sort=rank and periodId the ranking of that period',
  access: read,
  request: {
    query: pageQuery
      .extend({
        periodId: oneLine().max(64).optional(),
        employeeId: oneLine().max(64).optional(),
        departmentId: oneLine().max(64).optional(),
        status: z.enum(evaluationStatusValues).optional(),
        grade: oneLine().max(10).optional(),
        sort: z.enum(['rank', 'employeeNo']).optional(),
      })
      // A ranking compares colleagues within one month; across months it means nothing.
      .refine((q) => q.sort !== 'rank' || q.periodId !== undefined, {
        path: ['periodId'],
        params: {
          i18n: messages.RANK_NEEDS_PERIOD,
        },
      }),
  },
  responses: {
    200: jsonResponse(pageOf(evaluationSchema), 'A page of evaluations'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/evaluations/{id}',
  tags,
  operationId: 'getEvaluation',
  summary: 'One evaluation with its breakdown, inputs and appeals; the ETag header is for If-Match',
  access: read,
  request: { params: idParam('evl') },
  responses: { 200: evaluationAnswer('The evaluation'), ...errorResponses('NOT_FOUND') },
});
const add = defineRoute({
  method: 'post',
  path: '/evaluations/{id}/inputs',
  tags,
  operationId: 'addEvaluationInputs',
  summary: 'Record metrics, events (with evidence), ratings and checklist checks on a draft',
  access: record,
  request: { params: idParam('evl'), headers: ifMatchHeader, body: jsonBody(recordInputsSchema) },
  responses: {
    200: evaluationAnswer('Rescored'),
    ...errorResponses(
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'PRECONDITION_FAILED',
      'PRECONDITION_REQUIRED',
    ),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/evaluations/{id}/inputs/{inputId}',
  tags,
  operationId: 'removeEvaluationInput',
  summary: 'Delete a mistaken input from a draft',
  access: record,
  request: {
    params: idParam('evl').extend({
      inputId: oneLine()
        .max(64)
        .openapi({ param: { name: 'inputId', in: 'path' } }),
    }),
    headers: ifMatchHeader,
  },
  responses: {
    200: evaluationAnswer('Rescored'),
    ...errorResponses('NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED', 'PRECONDITION_REQUIRED'),
  },
});

export const evaluationRoutes = router()
  .openapi(list, async (c) => c.json(await listEvaluations(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => {
    const e = await getEvaluation(scopeOf(c), c.req.valid('param').id);
    c.header('ETag', e.etag);
    return c.json(e, 200);
  })
  .openapi(add, async (c) => {
    const e = await addInputs(
      scopeOf(c),
      c.req.valid('param').id,
      c.req.valid('header')['if-match'],
      c.req.valid('json'),
    );
    return c.json(answer(c, e), 200);
  })
  .openapi(remove, async (c) => {
    const { id, inputId } = c.req.valid('param');
    const e = await removeInput(scopeOf(c), id, c.req.valid('header')['if-match'], inputId);
    return c.json(answer(c, e), 200);
  })
  .route('/', transitionRoutes);
