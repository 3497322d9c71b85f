import {
  createPosition,
  deletePosition,
  getPosition,
  listPositions,
  updatePosition,
} from '../../services/org/positions';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { ORG_READERS, ORG_WRITERS } from '../org-access';
import { router } from '../router';
import { idParam, pageOf, pageQuery } from '../schemas';
import { createPositionBody, positionSchema, updatePositionBody } from './schema';

const tags = ['Positions'];

const list = defineRoute({
  method: 'get',
  path: '/positions',
  tags,
  operationId: 'listPositions',
  summary: 'List positions (岗位) with their pay, by name',
  access: ORG_READERS,
  request: { query: pageQuery },
  responses: {
    200: jsonResponse(pageOf(positionSchema), 'A page of positions'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/positions/{id}',
  tags,
  operationId: 'getPosition',
  summary: 'One position',
  access: ORG_READERS,
  request: { params: idParam('pos') },
  responses: { 200: jsonResponse(positionSchema, 'The position'), ...errorResponses('NOT_FOUND') },
});
const create = defineRoute({
  method: 'post',
  path: '/positions',
  tags,
  operationId: 'createPosition',
  summary: 'Create a position with base salary and performance-bonus base in fen',
  access: ORG_WRITERS,
  request: { body: jsonBody(createPositionBody) },
  responses: {
    201: jsonResponse(positionSchema, 'Created'),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT'),
  },
});
const patch = defineRoute({
  method: 'patch',
  path: '/positions/{id}',
  tags,
  operationId: 'updatePosition',
  summary:
    'Rename a position or change its pay (unsettled evaluations of open periods are re-priced; approved, locked and closed ones keep theirs)',
  access: ORG_WRITERS,
  request: { params: idParam('pos'), body: jsonBody(updatePositionBody) },
  responses: {
    200: jsonResponse(positionSchema, 'Updated'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/positions/{id}',
  tags,
  operationId: 'deletePosition',
  summary: 'Delete an unused position (409 while employees, evaluations or schemes refer to it)',
  access: ORG_WRITERS,
  request: { params: idParam('pos') },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('NOT_FOUND', 'CONFLICT') },
});

export const positionRoutes = router()
  .openapi(list, async (c) => c.json(await listPositions(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getPosition(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await createPosition(scopeOf(c), c.req.valid('json')), 201))
  .openapi(patch, async (c) =>
    c.json(await updatePosition(scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(remove, async (c) => {
    await deletePosition(scopeOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
