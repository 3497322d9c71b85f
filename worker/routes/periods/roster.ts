import { z } from '@hono/zod-openapi';
import { ADMINS } from '../../access/roles';
import { multiLine, oneLine } from '../../lib/text';
import { addToPeriod, removeFromPeriod } from '../../services/evaluations/roster';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody } from '../define';
import { answer } from '../evaluations/answer';
import { evaluationAnswer } from '../evaluations/schema';
import { router } from '../router';
import { idParam } from '../schemas';

const tags = ['Periods'];
// A late joiner can come from an HR system as well; removing a leaver's month is HR's own call.
const join = { roles: ADMINS, scopes: ['evaluations:write'] } as const;
const leave = { roles: ADMINS, scopes: [] } as const;

const add = defineRoute({
  method: 'post',
  path: '/periods/{id}/evaluations',
  tags,
  operationId: 'addPeriodEvaluation',
  summary:
    'A late joiner: add the evaluation of an active employee to an open period, pinned as opening pins',
  access: join,
  request: {
    params: idParam('per'),
    body: jsonBody(
      z.object({ employeeId: oneLine().trim().min(1).max(64).openapi({ example: 'emp_7Hq2…' }) }).strict(),
    ),
  },
  responses: {
    201: evaluationAnswer('Added (draft, scored on no inputs yet)'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});

const remove = defineRoute({
  method: 'delete',
  path: '/periods/{id}/evaluations/{evaluationId}',
  tags,
  operationId: 'removePeriodEvaluation',
  summary:
    'A leaver: remove an evaluation that is not approved or locked, with its inputs and appeals; the audit log keeps it all',
  access: leave,
  request: {
    params: idParam('per').extend({
      evaluationId: oneLine()
        .max(64)
        .openapi({ param: { name: 'evaluationId', in: 'path' }, example: 'evl_7Hq2…' }),
    }),
    body: jsonBody(
      z
        .object({
          reason: multiLine().trim().min(1).max(2000).openapi({
            example: '11月15日离职',
            description: 'Why the evaluation goes (kept in the audit log)',
          }),
        })
        .strict(),
    ),
  },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});

export const rosterRoutes = router()
  .openapi(add, async (c) => {
    const e = await addToPeriod(scopeOf(c), c.req.valid('param').id, c.req.valid('json').employeeId);
    return c.json(answer(c, e), 201);
  })
  .openapi(remove, async (c) => {
    const { id, evaluationId } = c.req.valid('param');
    await removeFromPeriod(scopeOf(c), id, evaluationId, c.req.valid('json').reason);
    return c.body(null, 204);
  });
