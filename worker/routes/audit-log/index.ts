import { z } from '@hono/zod-openapi';
import { READERS } from '../../access/roles';
import { oneLine } from '../../lib/text';
import { verifyDigests } from '../../services/audit-digests';
import { listAudit, verifyAudit } from '../../services/audit-log';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonResponse } from '../define';
import { router } from '../router';
import { isoTime, pageOf, pageQuery } from '../schemas';
import { digestRoutes, digestStore } from './digests';

const access = { roles: READERS, scopes: ['audit:read'] } as const;
const tags = ['Audit log'];

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The object's names, resolved when read (worker/services/audit-describe.ts says why). */
const subjectSchema = z
  .object({
    name: z.string().optional(),
    employeeNo: z.string().optional(),
    periodKey: z.string().optional(),
    version: z.number().int().optional(),
    kind: z.string().optional(),
  })
  .nullable()
  .openapi('AuditSubject', {
    description: 'Who or what the entry is about: 工号 and name, month, scheme and version',
  });

const fieldChangeSchema = z
  .object({
    field: z.string().openapi({ description: 'The field, or `indicator` for an input' }),
    name: z.string().optional().openapi({ description: "The indicator's name, for an input" }),
    format: z.enum(['money', 'number', 'text', 'bool', 'status', 'role']),
    before: value,
    after: value,
  })
  .openapi('AuditFieldChange');

const schemeChangeSchema = z
  .object({
    what: z.enum(['category', 'indicator', 'band', 'scheme']),
    name: z.string(),
    kind: z.enum(['added', 'removed', 'changed']),
    fields: z.array(z.object({ field: z.string(), before: value, after: value })),
  })
  .openapi('SchemeChange');

const entrySchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: isoTime,
    actor: z.object({
      type: z.enum(['user', 'api_key', 'system']),
      id: z.string(),
      name: z
        .string()
        .nullable()
        .openapi({ description: "The user's or key's name; null for the system or one deleted" }),
    }),
    action: z.string().openapi({ example: 'user.update' }),
    entity: z.object({ type: z.string(), id: z.string() }),
    before: z.unknown(),
    after: z.unknown(),
    subject: subjectSchema,
    changes: z.array(fieldChangeSchema).openapi({ description: 'What changed, field by field, old → new' }),
    schemeChanges: z
      .array(schemeChangeSchema)
      .optional()
      .openapi({ description: 'A published version against the version before it, row by row' }),
    requestId: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

const filters = pageQuery.extend({
  action: oneLine().max(400).optional().openapi({
    description: 'Actions (position.update) or kinds of them (evaluation.inputs, position), comma-separated',
  }),
  employeeId: oneLine()
    .max(64)
    .optional()
    .openapi({ description: "The employee's record and all of their evaluations" }),
  entityType: oneLine().max(40).optional(),
  entityId: oneLine().max(64).optional(),
  actorId: oneLine().max(64).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});

const list = defineRoute({
  method: 'get',
  path: '/audit-log',
  tags,
  operationId: 'listAuditLog',
  summary: 'Audit entries, newest first, filtered by entity, actor and time',
  access,
  request: { query: filters },
  responses: {
    200: jsonResponse(pageOf(entrySchema), 'A page of entries'),
    ...errorResponses('BAD_REQUEST'),
  },
});

const verify = defineRoute({
  method: 'get',
  path: '/audit-log/verify',
  tags,
  operationId: 'verifyAuditLog',
  summary: 'Recompute the hash chain and check it against the signed digests; name what does not fit',
  description:
    '`firstBad` names the first entry whose hash or link is wrong. The chain alone cannot see a history that was ' +
    'rewritten and re-hashed to the end; the digests can: `digests.firstMismatch` names the first digest whose ' +
    'signature fails, whose link to the previous digest is broken, or whose head no longer matches the chain. ' +
    '`ok` is false when either check fails.',
  access,
  responses: {
    200: jsonResponse(
      z.object({
        ok: z.boolean(),
        checked: z.number().int(),
        headHash: z.string().optional(),
        firstBad: z
          .object({
            id: z.string(),
            seq: z.number().int(),
            reason: z.enum(['hash_mismatch', 'broken_link', 'missing_seq']),
          })
          .optional(),
        digests: z.object({
          checked: z.number().int(),
          ok: z.boolean(),
          firstMismatch: z
            .object({
              key: z.string(),
              at: isoTime,
              reason: z.enum([
                'signature_invalid',
                'digest_altered',
                'broken_link',
                'head_mismatch',
                'head_missing',
              ]),
            })
            .optional(),
        }),
      }),
      'The verdict',
    ),
    ...errorResponses(),
  },
});

export const auditRoutes = router()
  .openapi(verify, async (c) => {
    const scope = scopeOf(c);
    const [chain, digests] = await Promise.all([
      verifyAudit(scope),
      verifyDigests(scope.db, digestStore(c.env), scope.tenantId),
    ]);
    return c.json({ ...chain, ok: chain.ok && digests.ok, digests }, 200);
  })
  .route('/', digestRoutes)
  .openapi(list, async (c) => c.json(await listAudit(scopeOf(c), c.req.valid('query')), 200));
