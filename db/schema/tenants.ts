import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A tenant is one property company (物业公司); every other row carries its id. */
export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Days an employee has to confirm or appeal a submitted evaluation (逾期未确认视为确认). */
    confirmWindowDays: integer('confirm_window_days').notNull().default(3),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_slug_uq').on(t.slug)],
);
