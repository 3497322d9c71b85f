import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import { departmentSupervisors, type Role, sessions, users } from '../../db/schema';
import { commit, type Statement } from '../audit/commit';
import { isUniqueViolation } from '../data/constraint';
import { hashPassword } from '../lib/crypto';
import { ApiError, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { nowIso } from '../lib/time';
import { assertAccountPassword } from './account-password';
import { decodeCursor, page } from './cursor';
import type { Scope } from './scope';

type UserRow = typeof users.$inferSelect;

/** What the API and the audit log show of a user: never the password hash or salt. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    active: u.active,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

const emailTaken = (email: string) =>
  new ApiError('CONFLICT', { message: 'EMAIL_TAKEN', params: { email }, field: 'email' });

/** Builds the row for a new user (hashing the password); used by sign-up and by admins. */
export async function newUserRow(
  tenantId: string,
  input: { email: string; name: string; role: Role; password: string },
): Promise<UserRow> {
  const pw = await hashPassword(input.password);
  const now = nowIso();
  return {
    id: newId('user'),
    tenantId,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: pw.hash,
    passwordSalt: pw.salt,
    passwordIterations: pw.iterations,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
}

export async function findUser(scope: Scope, id: string): Promise<UserRow> {
  const [row] = await scope.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listUsers(scope: Scope, q: { cursor?: string; limit: number }) {
  const after = decodeCursor<string>(q.cursor, 'string');
  const rows = await scope.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, scope.tenantId), after ? gt(users.id, after) : undefined))
    .orderBy(asc(users.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (u) => u.id);
  return { items: p.items.map(publicUser), nextCursor: p.nextCursor };
}

/** Owner rights stay with owners: only an owner grants, changes or removes the owner role. */
function assertMayTouchRole(scope: Scope, from: Role | undefined, to: Role | undefined) {
  const callerRole = scope.principal.kind === 'user' ? scope.principal.role : undefined;
  if ((from === 'owner' || to === 'owner') && callerRole !== 'owner') {
    throw new ApiError('FORBIDDEN', { message: 'OWNER_ONLY' });
  }
}

/**
 * The departments a user is linked to as supervisor, and the statement that unlinks them.
 * Links mean something only for the supervisor role: left behind, they would hand a user
 * promoted back later the departments of their old job without anyone assigning them.
 */
async function supervisorLinks(scope: Scope, userId: string) {
  const where = and(
    eq(departmentSupervisors.tenantId, scope.tenantId),
    eq(departmentSupervisors.userId, userId),
  );
  const rows = await scope.db
    .select({ id: departmentSupervisors.departmentId })
    .from(departmentSupervisors)
    .where(where);
  return {
    departmentIds: rows.map((r) => r.id).sort(),
    drop: scope.db.delete(departmentSupervisors).where(where),
  };
}

async function otherActiveOwners(scope: Scope, exceptId: string): Promise<number> {
  const [row] = await scope.db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.tenantId, scope.tenantId),
        eq(users.role, 'owner'),
        eq(users.active, true),
        ne(users.id, exceptId),
      ),
    );
  return row?.n ?? 0;
}

export async function createUser(
  scope: Scope,
  input: { email: string; name: string; role: Role; password: string },
): Promise<PublicUser> {
  assertMayTouchRole(scope, undefined, input.role);
  await assertAccountPassword(scope, input.password, input);
  const row = await newUserRow(scope.tenantId, input);
  try {
    return await commit(scope.db, scope.actor, async () => ({
      statements: [scope.db.insert(users).values(row)],
      audit: [{ action: 'user.create', entityType: 'user', entityId: row.id, after: publicUser(row) }],
      result: publicUser(row),
    }));
  } catch (err) {
    if (isUniqueViolation(err, 'users.tenant_id, users.email')) throw emailTaken(input.email);
    throw err;
  }
}

export interface UserPatch {
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

export async function updateUser(scope: Scope, id: string, patch: UserPatch): Promise<PublicUser> {
  const pw = patch.password ? await hashPassword(patch.password) : undefined;
  return commit(scope.db, scope.actor, async () => {
    const before = await findUser(scope, id);
    if (patch.password) await assertAccountPassword(scope, patch.password, { ...before, ...patch });
    assertMayTouchRole(scope, before.role, patch.role);
    const losesOwner =
      before.role === 'owner' &&
      ((patch.role !== undefined && patch.role !== 'owner') || patch.active === false);
    if (losesOwner && (await otherActiveOwners(scope, id)) < 1)
      throw new ApiError('CONFLICT', { message: 'LAST_OWNER' });
    const after: UserRow = {
      ...before,
      name: patch.name ?? before.name,
      role: patch.role ?? before.role,
      active: patch.active ?? before.active,
      ...(pw && { passwordHash: pw.hash, passwordSalt: pw.salt, passwordIterations: pw.iterations }),
      updatedAt: nowIso(),
    };
    const statements: Statement[] = [
      scope.db
        .update(users)
        .set(after)
        .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, id))),
    ];
    // A new role, a deactivation or a new password must not leave old sessions working.
    if (patch.role || patch.active === false || pw) {
      statements.push(
        scope.db.delete(sessions).where(and(eq(sessions.tenantId, scope.tenantId), eq(sessions.userId, id))),
      );
    }
    // Whoever is not a supervisor loses their links (also links left behind by earlier demotions).
    const links = after.role === 'supervisor' ? undefined : await supervisorLinks(scope, id);
    const dropped = links?.departmentIds.length ? links.departmentIds : undefined;
    if (links && dropped) statements.push(links.drop);
    const changes = {
      ...publicUser(after),
      ...(pw && { passwordChanged: true }),
      ...(dropped && { droppedDepartmentIds: dropped }),
    };
    return {
      statements,
      audit: [
        {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          before: publicUser(before),
          after: changes,
        },
      ],
      result: publicUser(after),
    };
  });
}

export async function deleteUser(scope: Scope, id: string): Promise<void> {
  if (scope.principal.kind === 'user' && scope.principal.userId === id) {
    throw new ApiError('CONFLICT', { message: 'SELF_DELETE' });
  }
  await commit(scope.db, scope.actor, async () => {
    const before = await findUser(scope, id);
    assertMayTouchRole(scope, before.role, undefined);
    if (before.role === 'owner' && (await otherActiveOwners(scope, id)) < 1) {
      throw new ApiError('CONFLICT', { message: 'LAST_OWNER' });
    }
    const links = await supervisorLinks(scope, id);
    const dropped = links.departmentIds;
    return {
      statements: [
        scope.db.delete(sessions).where(and(eq(sessions.tenantId, scope.tenantId), eq(sessions.userId, id))),
        links.drop,
        scope.db.delete(users).where(and(eq(users.tenantId, scope.tenantId), eq(users.id, id))),
      ],
      audit: [
        {
          action: 'user.delete',
          entityType: 'user',
          entityId: id,
          before: publicUser(before),
          after: dropped.length ? { droppedDepartmentIds: dropped } : undefined,
        },
      ],
      result: undefined,
    };
  });
}
