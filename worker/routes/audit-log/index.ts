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

const entrySchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: isoTime,
    actor: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string() }),
    action: z.string().openapi({ example: 'user.update' }),
    entity: z.object({ type: z.string(), id: z.string() }),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

const filters = pageQuery.extend({
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
