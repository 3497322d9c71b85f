import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { KeyScope } from './key-scopes';

export { type KeyScope, keyScopes } from './key-scopes';

/** Integrator keys. The secret is shown once; only its SHA-256 and a short visible start are kept. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    start: text('start').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<KeyScope[]>().notNull(),
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
    lastUsedAt: text('last_used_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  // The bearer secret arrives without a tenant, so its hash is globally unique.
  (t) => [
    uniqueIndex('api_keys_hash_uq').on(t.keyHash),
    index('api_keys_tenant_ix').on(t.tenantId, t.createdAt),
  ],
);
