import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const reportKinds = [
  'period-scores',
  'payroll',
  'department-summary',
  'employee-history',
  'audit-log',
] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportFormats = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];
export const reportStatuses = ['queued', 'running', 'ready', 'failed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** What a report was asked for: a period, a range of months or of time, one employee. */
export interface ReportParams {
  periodId?: string;
  from?: string;
  to?: string;
  employeeId?: string;
  includeOpen?: boolean;
}

/**
 * An export to R2, made by the report queue's consumer. The file itself is at `objectKey`;
 * this row is its status, its checksum and who asked for it. `attempt` grows with every retry,
 * so a queue message of an earlier attempt can tell that it is stale.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    kind: text('kind', { enum: reportKinds }).notNull(),
    format: text('format', { enum: reportFormats }).notNull(),
    status: text('status', { enum: reportStatuses }).notNull(),
    params: text('params', { mode: 'json' }).$type<ReportParams>().notNull(),
    /** The language of headers and file name: the creator's Accept-Language. */
    lang: text('lang', { enum: ['zh-CN', 'en'] }).notNull(),
    fileName: text('file_name').notNull(),
    objectKey: text('object_key').notNull(),
    rows: integer('rows'),
    bytes: integer('bytes'),
    sha256: text('sha256'),
    /** A failure as a message key and its parameters, rendered in the reader's language. */
    errorCode: text('error_code'),
    errorParams: text('error_params', { mode: 'json' }).$type<Record<string, string | number>>(),
    attempt: integer('attempt').notNull(),
    createdByType: text('created_by_type', { enum: ['user', 'api_key'] }).notNull(),
    createdById: text('created_by_id').notNull(),
    createdAt: text('created_at').notNull(),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [
    index('reports_tenant_created_ix').on(t.tenantId, t.createdAt, t.id),
    index('reports_tenant_creator_ix').on(t.tenantId, t.createdById, t.createdAt),
    // The daily cron finds expired reports of every tenant at once; the one index not led by
    // tenant_id, as the sessions' expiry scan is not either.
    index('reports_expiry_ix').on(t.expiresAt),
  ],
);
