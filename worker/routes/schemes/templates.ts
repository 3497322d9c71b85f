import { z } from '@hono/zod-openapi';
import { EVERYONE } from '../../access/roles';
import { templates } from '../../domain/scheme';
import { defineRoute, errorResponses, jsonResponse } from '../define';
import { router } from '../router';
import { templateSchema } from './schema';

const list = defineRoute({
  method: 'get',
  path: '/templates',
  tags: ['Schemes'],
  operationId: 'listSchemeTemplates',
  summary: 'Built-in schemes (zh-CN) to start from: POST /schemes with fromTemplate copies one',
  access: { roles: EVERYONE, scopes: ['schemes:read', 'schemes:write'] },
  responses: {
    200: jsonResponse(z.object({ items: z.array(templateSchema) }), 'Every built-in template'),
    ...errorResponses(),
  },
});

export const templateRoutes = router().openapi(list, (c) =>
  c.json(
    {
      items: templates.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        content: t.content,
      })),
    },
    200,
  ),
);
