import { evaluationInputsSchema } from '../../domain/scheme';
import {
  createVersion,
  getVersion,
  listVersions,
  previewVersion,
  publishVersion,
  updateDraft,
} from '../../services/scheme-versions';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { pageOf, pageQuery } from '../schemas';
import { read, tags, write } from './access';
import {
  draftBody,
  schemeParams,
  scoreResultSchema,
  versionParams,
  versionSchema,
  versionSummarySchema,
} from './schema';

const list = defineRoute({
  method: 'get',
  path: '/schemes/{id}/versions',
  tags,
  operationId: 'listSchemeVersions',
  summary: 'Versions of a scheme, newest first (without content)',
  access: read,
  request: { params: schemeParams, query: pageQuery },
  responses: {
    200: jsonResponse(pageOf(versionSummarySchema), 'A page of versions'),
    ...errorResponses('BAD_REQUEST', 'NOT_FOUND'),
  },
});
const create = defineRoute({
  method: 'post',
  path: '/schemes/{id}/versions',
  tags,
  operationId: 'createSchemeVersion',
  summary: 'Open a new draft, a copy of the newest version (409 while a draft is open or when archived)',
  access: write,
  request: { params: schemeParams },
  responses: {
    201: jsonResponse(versionSchema, 'The new draft'),
    ...errorResponses('NOT_FOUND', 'CONFLICT'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/schemes/{id}/versions/{version}',
  tags,
  operationId: 'getSchemeVersion',
  summary: 'One version with its content; a draft also lists what blocks publishing it',
  access: read,
  request: { params: versionParams },
  responses: { 200: jsonResponse(versionSchema, 'The version'), ...errorResponses('NOT_FOUND') },
});
const put = defineRoute({
  method: 'put',
  path: '/schemes/{id}/versions/{version}',
  tags,
  operationId: 'updateSchemeDraft',
  summary:
    'Replace a draft’s content. Only the shape is checked, so work in progress saves; a published ' +
    'version never changes (409)',
  access: write,
  request: { params: versionParams, body: jsonBody(draftBody) },
  responses: {
    200: jsonResponse(versionSchema, 'The draft as saved'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const publish = defineRoute({
  method: 'post',
  path: '/schemes/{id}/versions/{version}/publish',
  tags,
  operationId: 'publishSchemeVersion',
  summary: 'Validate the draft and freeze it; 400 names every field that breaks a rule',
  access: write,
  request: { params: versionParams },
  responses: {
    200: jsonResponse(versionSchema, 'The published version'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const preview = defineRoute({
  method: 'post',
  path: '/schemes/{id}/versions/{version}/preview',
  tags,
  operationId: 'previewSchemeVersion',
  summary: 'Score sample inputs with this version (draft or published) without saving anything',
  access: read,
  request: { params: versionParams, body: jsonBody(evaluationInputsSchema, 'Sample evaluation inputs') },
  responses: {
    200: jsonResponse(scoreResultSchema, 'The score with its per-indicator breakdown'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND'),
  },
});

export const versionRoutes = router()
  .openapi(list, async (c) =>
    c.json(await listVersions(scopeOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(create, async (c) => c.json(await createVersion(scopeOf(c), c.req.valid('param').id), 201))
  .openapi(get, async (c) => {
    const p = c.req.valid('param');
    return c.json(await getVersion(scopeOf(c), p.id, p.version), 200);
  })
  .openapi(put, async (c) => {
    const p = c.req.valid('param');
    return c.json(await updateDraft(scopeOf(c), p.id, p.version, c.req.valid('json').content), 200);
  })
  .openapi(publish, async (c) => {
    const p = c.req.valid('param');
    return c.json(await publishVersion(scopeOf(c), p.id, p.version), 200);
  })
  .openapi(preview, async (c) => {
    const p = c.req.valid('param');
    return c.json(await previewVersion(scopeOf(c), p.id, p.version, c.req.valid('json')), 200);
  });
