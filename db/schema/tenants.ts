import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A tenant is one property company (物业公司); every other row carries its id. */
export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_slug_uq').on(t.slug)],
);
