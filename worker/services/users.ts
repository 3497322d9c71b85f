import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import { accountControllers, departmentSupervisors, type Role, sessions, users } from '../../db/schema';
import {
  allowedAccountActions,
  assertMayManageAccount,
  assignableRoles,
  controlTaken,
} from '../access/policy';
import { commit, type Statement } from '../audit/commit';
import { isUniqueViolation } from '../data/constraint';
import { hashPassword, verifyPassword } from '../lib/crypto';
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
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
export type PublicUser = ReturnType<typeof publicUser>;

/** A user as the users routes answer: with what the caller may do to the account. */
export function userAnswer(scope: Scope, u: UserRow) {
  return {
    ...publicUser(u),
    allowedActions: allowedAccountActions(scope.principal, u),
    assignableRoles: assignableRoles(scope.principal, u),
  };
}
export type UserAnswer = ReturnType<typeof userAnswer>;

const emailTaken = (email: string) =>
  new ApiError('CONFLICT', { message: 'EMAIL_TAKEN', params: { email }, field: 'email' });

/**
 * Builds the row for a new user (hashing the password); used by sign-up and by admins. A
 * password someone else set (`setBySomeoneElse`) is a reset the person completes at first sign-in.
 */
export async function newUserRow(
  tenantId: string,
  input: { email: string; name: string; role: Role; password: string },
  setBySomeoneElse = false,
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
    mustChangePassword: setBySomeoneElse,
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
  return { items: p.items.map((u) => userAnswer(scope, u)), nextCursor: p.nextCursor };
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
): Promise<UserAnswer> {
  assertMayManageAccount(scope, { role: input.role });
  await assertAccountPassword(scope, input.password, input);
  const row = await newUserRow(scope.tenantId, input, true);
  const control = controlTaken(scope, row.id, 'created', row.createdAt);
  try {
    return await commit(scope.db, scope.actor, async () => ({
      statements: [
        scope.db.insert(users).values(row),
        ...(control ? [scope.db.insert(accountControllers).values(control).onConflictDoNothing()] : []),
      ],
      audit: [
        {
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          after: { ...publicUser(row), ...(control && { controlledBy: control.controllerId }) },
        },
      ],
      result: userAnswer(scope, row),
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

export async function updateUser(scope: Scope, id: string, patch: UserPatch): Promise<UserAnswer> {
  const pw = patch.password ? await hashPassword(patch.password) : undefined;
  return commit(scope.db, scope.actor, async () => {
    const before = await findUser(scope, id);
    assertMayManageAccount(scope, {
      target: before,
      role: patch.role,
      password: pw !== undefined,
      active: patch.active,
    });
    if (patch.password) await assertAccountPassword(scope, patch.password, { ...before, ...patch });
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
      // A password set for someone else is a reset: theirs to complete, and ours to control till then.
      ...(pw && {
        passwordHash: pw.hash,
        passwordSalt: pw.salt,
        passwordIterations: pw.iterations,
        mustChangePassword: true,
      }),
      updatedAt: nowIso(),
    };
    const statements: Statement[] = [
      scope.db
        .update(users)
        .set(after)
        .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, id))),
    ];
    const control = pw && controlTaken(scope, id, 'reset', after.updatedAt);
    if (control) statements.push(scope.db.insert(accountControllers).values(control).onConflictDoNothing());
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
      ...(pw && { passwordReset: true }),
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
      result: userAnswer(scope, after),
    };
  });
}

export async function deleteUser(scope: Scope, id: string): Promise<void> {
  await commit(scope.db, scope.actor, async () => {
    const before = await findUser(scope, id);
    assertMayManageAccount(scope, { target: before, remove: true });
    if (before.role === 'owner' && (await otherActiveOwners(scope, id)) < 1) {
      throw new ApiError('CONFLICT', { message: 'LAST_OWNER' });
    }
    const links = await supervisorLinks(scope, id);
    const dropped = links.departmentIds;
    return {
      statements: [
        scope.db.delete(sessions).where(and(eq(sessions.tenantId, scope.tenantId), eq(sessions.userId, id))),
        links.drop,
        scope.db
          .delete(accountControllers)
          .where(and(eq(accountControllers.tenantId, scope.tenantId), eq(accountControllers.userId, id))),
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

/**
 * The person sets their own password, proving the current one. This completes a reset (so the
 * account works again) and ends every other session of theirs. Whoever created the account or
 * set the old password keeps counting as its controller (duties.ts): they could be the one typing.
 */
export async function changeOwnPassword(scope: Scope, current: string, next: string): Promise<void> {
  const p = scope.principal;
  if (p.kind !== 'user') throw new ApiError('FORBIDDEN');
  await assertAccountPassword(scope, next, await findUser(scope, p.userId));
  const pw = await hashPassword(next);
  await commit(scope.db, scope.actor, async () => {
    const before = await findUser(scope, p.userId);
    const ok = await verifyPassword(current, {
      hash: before.passwordHash,
      salt: before.passwordSalt,
      iterations: before.passwordIterations,
    });
    if (!ok) throw new ApiError('FORBIDDEN', { message: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' });
    const now = nowIso();
    return {
      statements: [
        scope.db
          .update(users)
          .set({
            passwordHash: pw.hash,
            passwordSalt: pw.salt,
            passwordIterations: pw.iterations,
            mustChangePassword: false,
            updatedAt: now,
          })
          .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, p.userId))),
        scope.db
          .delete(sessions)
          .where(
            and(
              eq(sessions.tenantId, scope.tenantId),
              eq(sessions.userId, p.userId),
              ne(sessions.id, p.sessionId),
            ),
          ),
      ],
      audit: [
        {
          action: 'user.password_change',
          entityType: 'user',
          entityId: p.userId,
          before: { mustChangePassword: before.mustChangePassword },
          after: { mustChangePassword: false },
        },
      ],
      result: undefined,
    };
  });
}
