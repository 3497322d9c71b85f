import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained per tenant. `seq` is unique per tenant: two writers that read the
 * same chain head collide on it, one batch fails whole and is retried on the new head, so the
 * chain never forks.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    requestId: text('request_id').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_tenant_seq_uq').on(t.tenantId, t.seq),
    index('audit_tenant_entity_ix').on(t.tenantId, t.entityType, t.entityId, t.seq),
    index('audit_tenant_actor_ix').on(t.tenantId, t.actorId, t.seq),
    index('audit_tenant_at_ix').on(t.tenantId, t.at),
  ],
);
