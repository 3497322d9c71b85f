import { and, eq } from 'drizzle-orm';
import { sessions, tenants, users } from '../../db/schema';
import { commit } from '../audit/commit';
import { isUniqueViolation } from '../data/constraint';
import type { Db } from '../data/db';
import { verifyAgainstNothing, verifyPassword } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { assertNotBuiltFromAccount } from '../lib/password-policy';
import { nowIso } from '../lib/time';
import { newSession } from './sessions';
import { assertNotThrottled, beginAttempt, forgetOnSuccess, throttleSubjects } from './throttle';
import { newUserRow, publicUser } from './users';

export interface SignupInput {
  companyName: string;
  slug: string;
  adminName: string;
  email: string;
  password: string;
}

const slugTaken = (slug: string) =>
  new ApiError('CONFLICT', { message: 'SLUG_TAKEN', params: { slug }, field: 'slug' });

type TenantRow = typeof tenants.$inferSelect;
export const publicTenant = (t: TenantRow) => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  createdAt: t.createdAt,
});

/** A company signs up: tenant, its owner, the first session and their audit entries, in one batch. */
export async function signup(db: Db, requestId: string, input: SignupInput) {
  assertNotBuiltFromAccount(input.password, { ...input, name: input.adminName });
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug));
  if (existing) throw slugTaken(input.slug);
  const tenant: TenantRow = {
    id: newId('tenant'),
    slug: input.slug,
    name: input.companyName,
    confirmWindowDays: 3,
    createdAt: nowIso(),
  };
  const owner = await newUserRow(tenant.id, {
    email: input.email,
    name: input.adminName,
    role: 'owner',
    password: input.password,
  });
  const session = await newSession(db, tenant.id, owner.id);
  const actor = { tenantId: tenant.id, actorType: 'user' as const, actorId: owner.id, requestId };
  try {
    await commit(db, actor, async () => ({
      statements: [db.insert(tenants).values(tenant), db.insert(users).values(owner), session.insert],
      audit: [
        { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after: publicTenant(tenant) },
        { action: 'user.create', entityType: 'user', entityId: owner.id, after: publicUser(owner) },
      ],
      result: undefined,
    }));
  } catch (err) {
    if (isUniqueViolation(err, 'tenants.slug')) throw slugTaken(input.slug);
    throw err;
  }
  return { tenant: publicTenant(tenant), user: publicUser(owner), session };
}

export interface LoginInput {
  slug: string;
  email: string;
  password: string;
}

/** Checks the password under throttling; a wrong slug, e-mail or password all look the same. */
export async function login(db: Db, requestId: string, input: LoginInput, clientIp: string) {
  const subjects = throttleSubjects(input.slug, input.email, clientIp);
  const attempt = await beginAttempt(db, subjects);
  await assertNotThrottled(db, attempt);
  const [row] = await db
    .select({ tenant: tenants, user: users })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(tenants.slug, input.slug), eq(users.email, input.email)));
  const ok =
    row?.user.active === true
      ? await verifyPassword(input.password, {
          hash: row.user.passwordHash,
          salt: row.user.passwordSalt,
          iterations: row.user.passwordIterations,
        })
      : await verifyAgainstNothing(input.password);
  // A failure keeps the attempt's rows: they are the failure record.
  if (!ok || !row) {
    throw new ApiError('UNAUTHORIZED', { message: 'LOGIN_FAILED' });
  }
  const session = await newSession(db, row.tenant.id, row.user.id);
  const actor = { tenantId: row.tenant.id, actorType: 'user' as const, actorId: row.user.id, requestId };
  await commit(db, actor, async () => ({
    statements: [session.insert, forgetOnSuccess(db, subjects, attempt)],
    audit: [
      {
        action: 'session.create',
        entityType: 'session',
        entityId: session.sessionId,
        // Whose session and until when; never its token or CSRF token.
        after: { id: session.sessionId, userId: row.user.id, expiresAt: session.expiresAt },
      },
    ],
    result: undefined,
  }));
  return { tenant: publicTenant(row.tenant), user: publicUser(row.user), session };
}

/** Ends the caller's session (the cookie is cleared by the route). */
export async function logout(
  db: Db,
  actor: { tenantId: string; actorId: string; requestId: string },
  sessionId: string,
) {
  await commit(db, { ...actor, actorType: 'user' }, async () => ({
    statements: [
      db.delete(sessions).where(and(eq(sessions.tenantId, actor.tenantId), eq(sessions.id, sessionId))),
    ],
    audit: [
      {
        action: 'session.delete',
        entityType: 'session',
        entityId: sessionId,
        before: { id: sessionId, userId: actor.actorId },
      },
    ],
    result: undefined,
  }));
}

export async function loadTenant(db: Db, tenantId: string) {
  const [t] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!t) throw new ApiError('NOT_FOUND');
  return publicTenant(t);
}
