import { z } from '@hono/zod-openapi';
import { ADMINS, READERS } from '../../access/roles';
import type { Env } from '../../env';
import { oneLine } from '../../lib/text';
import { createDigest, type DigestStore, listDigests } from '../../services/audit-digests';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonResponse } from '../define';
import { router } from '../router';
import { isoTime, pageOf } from '../schemas';

const tags = ['Audit log'];

/** The digests' bucket and key, from the Worker's bindings (the key is a secret). */
export const digestStore = (env: Env): DigestStore => ({ bucket: env.REPORTS, secret: env.AUDIT_DIGEST_KEY });

export const digestSchema = z
  .object({
    key: z.string().openapi({ description: 'The R2 object: tenants/{tenantId}/audit-digests/{at}.json' }),
    at: isoTime,
    head: z.object({
      seq: z.number().int().openapi({ description: 'The last audit entry the digest covers (0: none yet)' }),
      hash: z.string(),
      at: isoTime.nullable(),
    }),
    previousDigestHash: z.string().nullable(),
    digestHash: z
      .string()
      .openapi({ description: 'SHA-256 of the digest body: what the next digest links to' }),
    signatureValid: z
      .boolean()
      .optional()
      .openapi({ description: 'The HMAC-SHA-256 signature checks out with the service key' }),
  })
  .openapi('AuditDigest');

const digestQuery = z.object({
  cursor: oneLine().max(1000).optional().openapi({ description: 'Opaque cursor from the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const create = defineRoute({
  method: 'post',
  path: '/audit-log/digests',
  tags,
  operationId: 'createAuditDigest',
  summary: "Sign the audit chain's head now and keep it in R2",
  description:
    "Writes a digest of the company's audit chain, as CloudTrail's digest files do: the head (seq, hash, time), the " +
    'hash of the previous digest, an HMAC-SHA-256 signature with a key D1 never holds. The daily cron writes one too. ' +
    'A history rewritten in D1 and re-hashed afterwards no longer matches the digests (GET /audit-log/verify).',
  access: { roles: ADMINS, scopes: [] },
  responses: { 201: jsonResponse(digestSchema, 'The digest written'), ...errorResponses() },
});
const list = defineRoute({
  method: 'get',
  path: '/audit-log/digests',
  tags,
  operationId: 'listAuditDigests',
  summary: 'The audit digests, oldest first, each with whether its signature is valid',
  description: 'Digests are kept in R2 under the company’s prefix and listed in the order they were written.',
  access: { roles: READERS, scopes: ['audit:read'] },
  request: { query: digestQuery },
  responses: {
    200: jsonResponse(pageOf(digestSchema), 'A page of digests'),
    ...errorResponses('BAD_REQUEST'),
  },
});

export const digestRoutes = router()
  .openapi(create, async (c) => {
    const scope = scopeOf(c);
    return c.json(await createDigest(scope.db, digestStore(c.env), scope.tenantId), 201);
  })
  .openapi(list, async (c) =>
    c.json(await listDigests(digestStore(c.env), scopeOf(c).tenantId, c.req.valid('query')), 200),
  );
