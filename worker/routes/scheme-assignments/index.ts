import { z } from '@hono/zod-openapi';
import { ADMINS, READERS } from '../../access/roles';
import { oneLine } from '../../lib/text';
import { assignScheme, listAssignments, unassignScheme } from '../../services/evaluations/assignments';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { idParam, isoTime } from '../schemas';

const tags = ['Scheme assignments'];
const assignmentSchema = z
  .object({
    id: z.string(),
    targetType: z.enum(['employee', 'position', 'department']),
    targetId: z.string(),
    schemeId: z.string(),
    updatedAt: isoTime,
  })
  .openapi('SchemeAssignment');

const list = defineRoute({
  method: 'get',
  path: '/scheme-assignments',
  tags,
  operationId: 'listSchemeAssignments',
  summary: 'Which scheme applies to which position, department or employee',
  access: { roles: READERS, scopes: ['schemes:read', 'schemes:write'] },
  responses: { 200: jsonResponse(z.object({ items: z.array(assignmentSchema) }), 'Assignments') },
});
const put = defineRoute({
  method: 'put',
  path: '/scheme-assignments',
  tags,
  operationId: 'assignScheme',
  summary: 'Apply a scheme to a position or department, or override it for one employee',
  description: 'Precedence when a period opens: employee override, then position, then department.',
  access: { roles: ADMINS, scopes: ['schemes:write'] },
  request: {
    body: jsonBody(
      z
        .object({
          targetType: z.enum(['employee', 'position', 'department']),
          targetId: oneLine().min(1).max(64),
          schemeId: oneLine().min(1).max(64),
        })
        .strict(),
    ),
  },
  responses: {
    200: jsonResponse(assignmentSchema, 'Assigned'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/scheme-assignments/{id}',
  tags,
  operationId: 'unassignScheme',
  summary: 'Remove an assignment',
  access: { roles: ADMINS, scopes: ['schemes:write'] },
  request: { params: idParam('asg') },
  responses: { 204: { description: 'Removed' }, ...errorResponses('NOT_FOUND') },
});

export const assignmentRoutes = router()
  .openapi(list, async (c) => c.json({ items: await listAssignments(scopeOf(c)) }, 200))
  .openapi(put, async (c) => c.json(await assignScheme(scopeOf(c), c.req.valid('json')), 200))
  .openapi(remove, async (c) => {
    await unassignScheme(scopeOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
