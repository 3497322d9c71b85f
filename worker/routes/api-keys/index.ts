import { z } from '@hono/zod-openapi';
import { keyScopes } from '../../../db/schema';
import { keyActions } from '../../access/policy';
import { ADMINS } from '../../access/roles';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { createKey, getKey, handOverKey, listKeys, revokeKey } from '../../services/api-keys';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { idParam, isoTime, pageOf, pageQuery } from '../schemas';

// A key never mints or revokes keys: only owners and admins do, in the dashboard.
const access = { roles: ADMINS, scopes: [] } as const;
const tags = ['API keys'];

const keySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    start: z.string().openapi({ description: 'The first characters of the secret, to recognise it' }),
    scopes: z.array(z.enum(keyScopes)),
    expiresAt: isoTime.nullable(),
    revokedAt: isoTime.nullable(),
    lastUsedAt: isoTime.nullable(),
    createdBy: z
      .string()
      .openapi({ description: 'The admin the key acts for (its creator, or whom it was handed over to)' }),
    createdAt: isoTime,
    suspended: z.boolean().openapi({
      description:
        'The admin it acts for is deactivated or no longer an admin: it works again once handed over',
    }),
    allowedActions: z.array(z.enum(keyActions)),
  })
  .openapi('ApiKey');

const createBody = z
  .object({
    name: oneLine().trim().min(1).max(100).openapi({ example: '呼叫中心话务系统' }),
    scopes: z.array(z.enum(keyScopes)).min(1).max(keyScopes.length),
    expiresAt: z.iso
      .datetime()
      .refine((v) => Date.parse(v) > Date.now(), {
        params: { i18n: messages.KEY_EXPIRY_PAST },
      })
      .optional(),
  })
  .strict()
  .openapi('CreateApiKey');

const list = defineRoute({
  method: 'get',
  path: '/api-keys',
  tags,
  operationId: 'listApiKeys',
  summary: 'List API keys (secrets are never shown again)',
  access,
  request: { query: pageQuery },
  responses: { 200: jsonResponse(pageOf(keySchema), 'A page of keys'), ...errorResponses('BAD_REQUEST') },
});
const get = defineRoute({
  method: 'get',
  path: '/api-keys/{id}',
  tags,
  operationId: 'getApiKey',
  summary: 'One API key',
  access,
  request: { params: idParam('key') },
  responses: { 200: jsonResponse(keySchema, 'The key'), ...errorResponses('NOT_FOUND') },
});
const create = defineRoute({
  method: 'post',
  path: '/api-keys',
  tags,
  operationId: 'createApiKey',
  summary: 'Create a key; the answer holds the secret, shown this once',
  access,
  request: { body: jsonBody(createBody) },
  responses: {
    201: jsonResponse(
      z.object({ key: keySchema, secret: z.string().openapi({ example: 'pek_…' }) }),
      'Created',
    ),
    ...errorResponses('VALIDATION_FAILED'),
  },
});
const revoke = defineRoute({
  method: 'post',
  path: '/api-keys/{id}/revoke',
  tags,
  operationId: 'revokeApiKey',
  summary: 'Revoke a key at once',
  access,
  request: { params: idParam('key') },
  responses: { 200: jsonResponse(keySchema, 'Revoked'), ...errorResponses('NOT_FOUND') },
});

const handOver = defineRoute({
  method: 'post',
  path: '/api-keys/{id}/hand-over',
  tags,
  operationId: 'handOverApiKey',
  summary: 'Hand a key over to another admin',
  access: { roles: ['owner'], scopes: [] },
  request: {
    params: idParam('key'),
    body: jsonBody(
      z.object({ userId: oneLine().trim().min(1).max(64).openapi({ example: 'usr_4Lp8…' }) }).strict(),
    ),
  },
  responses: {
    200: jsonResponse(keySchema, 'Handed over'),
    ...errorResponses('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED'),
  },
});

export const apiKeyRoutes = router()
  .openapi(list, async (c) => c.json(await listKeys(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getKey(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await createKey(scopeOf(c), c.req.valid('json')), 201))
  .openapi(revoke, async (c) => c.json(await revokeKey(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(handOver, async (c) =>
    c.json(await handOverKey(scopeOf(c), c.req.valid('param').id, c.req.valid('json').userId), 200),
  );
