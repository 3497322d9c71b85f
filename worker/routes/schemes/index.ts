import { z } from '@hono/zod-openapi';
import { schemeStatusValues } from '../../../db/schema';
import { archiveScheme, createScheme, getScheme, listSchemes, updateScheme } from '../../services/schemes';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { pageOf, pageQuery } from '../schemas';
import { read, tags, write } from './access';
import { createBody, patchBody, schemeDetailSchema, schemeParams, schemeSchema } from './schema';
import { templateRoutes } from './templates';
import { versionRoutes } from './versions';

const list = defineRoute({
  method: 'get',
  path: '/schemes',
  tags,
  operationId: 'listSchemes',
  summary: 'Schemes of the company, with their current (published) and draft version numbers',
  access: read,
  request: { query: pageQuery.extend({ status: z.enum(schemeStatusValues).optional() }) },
  responses: {
    200: jsonResponse(pageOf(schemeSchema), 'A page of schemes'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const create = defineRoute({
  method: 'post',
  path: '/schemes',
  tags,
  operationId: 'createScheme',
  summary: 'Create a scheme with a version 1 draft: given content, a copy of a template, or empty',
  access: write,
  request: { body: jsonBody(createBody) },
  responses: { 201: jsonResponse(schemeDetailSchema, 'Created'), ...errorResponses('VALIDATION_FAILED') },
});
const get = defineRoute({
  method: 'get',
  path: '/schemes/{id}',
  tags,
  operationId: 'getScheme',
  summary: 'One scheme with the summary of every version; currentVersion is the highest published',
  access: read,
  request: { params: schemeParams },
  responses: { 200: jsonResponse(schemeDetailSchema, 'The scheme'), ...errorResponses('NOT_FOUND') },
});
const patch = defineRoute({
  method: 'patch',
  path: '/schemes/{id}',
  tags,
  operationId: 'updateScheme',
  summary: 'Rename or re-describe a scheme (content changes go through versions)',
  access: write,
  request: { params: schemeParams, body: jsonBody(patchBody) },
  responses: {
    200: jsonResponse(schemeSchema, 'Updated'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND'),
  },
});
const archive = defineRoute({
  method: 'post',
  path: '/schemes/{id}/archive',
  tags,
  operationId: 'archiveScheme',
  summary: 'Archive: still readable, but no new versions, draft edits or publishing',
  access: write,
  request: { params: schemeParams },
  responses: { 200: jsonResponse(schemeSchema, 'Archived'), ...errorResponses('NOT_FOUND') },
});

export const schemeRoutes = router()
  .openapi(list, async (c) => c.json(await listSchemes(scopeOf(c), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await createScheme(scopeOf(c), c.req.valid('json')), 201))
  .openapi(get, async (c) => c.json(await getScheme(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(patch, async (c) =>
    c.json(await updateScheme(scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(archive, async (c) => c.json(await archiveScheme(scopeOf(c), c.req.valid('param').id), 200))
  .route('/', versionRoutes)
  .route('/', templateRoutes);
