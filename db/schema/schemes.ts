import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SchemeContent } from '../../worker/domain/scheme';

export const schemeStatusValues = ['active', 'archived'] as const;
export type SchemeStatus = (typeof schemeStatusValues)[number];
export const schemeVersionStatusValues = ['draft', 'published'] as const;
export type SchemeVersionStatus = (typeof schemeVersionStatusValues)[number];

/** 考核方案: a name for a line of versions. Archived schemes stay readable but change no more. */
export const schemes = sqliteTable(
  'schemes',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: schemeStatusValues }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('schemes_tenant_status_ix').on(t.tenantId, t.status)],
);

/**
 * One version of a scheme. A draft's content may still be invalid (work in progress); publish
 * validates it and freezes it for good: evaluations point at the exact published row.
 */
export const schemeVersions = sqliteTable(
  'scheme_versions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    schemeId: text('scheme_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: schemeVersionStatusValues }).notNull(),
    content: text('content', { mode: 'json' }).$type<SchemeContent>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    publishedAt: text('published_at'),
    publishedBy: text('published_by'),
  },
  (t) => [
    uniqueIndex('scheme_versions_version_uq').on(t.tenantId, t.schemeId, t.version),
    // At most one draft per scheme, even under concurrent "new version" calls.
    uniqueIndex('scheme_versions_one_draft_uq').on(t.tenantId, t.schemeId).where(sql`status = 'draft'`),
  ],
);
