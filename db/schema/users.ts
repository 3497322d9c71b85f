import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const roles = ['owner', 'admin', 'supervisor', 'employee', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** People who log in to the dashboard. E-mail is unique within a tenant, not globally. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordSalt: text('password_salt').notNull(),
    passwordIterations: integer('password_iterations').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** A password someone else set: the person must choose their own before anything else. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_tenant_email_uq').on(t.tenantId, t.email),
    index('users_tenant_role_ix').on(t.tenantId, t.role),
  ],
);

/** Server-side sessions: only the SHA-256 of the cookie token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  // Looked up by token before the tenant is known, hence the global unique index.
  (t) => [
    uniqueIndex('sessions_token_uq').on(t.tokenHash),
    index('sessions_tenant_user_ix').on(t.tenantId, t.userId),
  ],
);

/** Failed logins, per account and per client address, for throttling (pre-tenant by nature). */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subject: text('subject').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_subject_at_ix').on(t.subject, t.at)],
);

/**
 * Who controls an account besides its holder: an admin who created it or set its password. They
 * knew the password, so they could have acted through it; the access policy counts its actions
 * on that admin's own evaluation as the admin's, for good (a later change of password by
 * "the person" could be the admin's too). The owner is the company's last resort and is not
 * recorded: otherwise no admin the owner made could ever handle the owner's own month.
 */
export const accountControllers = sqliteTable(
  'account_controllers',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    controllerId: text('controller_id').notNull(),
    /** `created` the account or `reset` its password. */
    how: text('how', { enum: ['created', 'reset'] }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.controllerId] })],
);

/**
 * 邀请: a link shown once, to paste into DingTalk or WeChat, with which a person sets their own
 * password. Only the SHA-256 of its token is stored; it expires, and works once.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    index('invitations_user_ix').on(t.tenantId, t.userId),
  ],
);
