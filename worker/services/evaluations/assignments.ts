import { and, asc, eq } from 'drizzle-orm';
import { departments, employees, positions, schemeAssignments, schemes } from '../../../db/schema';
import { assertMayAssign } from '../../access/policy';
import { commit } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';

type AssignmentRow = typeof schemeAssignments.$inferSelect;
export type TargetType = AssignmentRow['targetType'];

export const publicAssignment = (a: AssignmentRow) => ({
  id: a.id,
  targetType: a.targetType,
  targetId: a.targetId,
  schemeId: a.schemeId,
  updatedAt: a.updatedAt,
});

export async function listAssignments(scope: Scope) {
  const rows = await scope.db
    .select()
    .from(schemeAssignments)
    .where(eq(schemeAssignments.tenantId, scope.tenantId))
    .orderBy(asc(schemeAssignments.targetType), asc(schemeAssignments.targetId));
  return rows.map(publicAssignment);
}

const targetTables = { employee: employees, position: positions, department: departments } as const;

/** The target and the scheme must both be this tenant's (404 otherwise, like any missing id). */
async function assertOwned(scope: Scope, targetType: TargetType, targetId: string, schemeId: string) {
  const table = targetTables[targetType];
  const [target] = await scope.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, scope.tenantId), eq(table.id, targetId)));
  if (!target) throw new ApiError('NOT_FOUND', { field: 'targetId' });
  const [scheme] = await scope.db
    .select({ id: schemes.id, status: schemes.status })
    .from(schemes)
    .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.id, schemeId)));
  if (!scheme) throw new ApiError('NOT_FOUND', { field: 'schemeId' });
  if (scheme.status === 'archived')
    throw new ApiError('CONFLICT', { message: 'SCHEME_ARCHIVED', field: 'schemeId' });
}

/**
 * Applies a scheme to a position, a department, or one employee (an override). One scheme per
 * target: assigning again replaces it. Periods opened afterwards use it; open ones keep theirs.
 */
export async function assignScheme(
  scope: Scope,
  input: { targetType: TargetType; targetId: string; schemeId: string },
) {
  await assertOwned(scope, input.targetType, input.targetId, input.schemeId);
  await assertMayAssign(scope, input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsertAssignment(scope, input);
    } catch (err) {
      // Two first assignments of one target at once: the loser retries, now as a replacement.
      if (attempt < 3 && isUniqueViolation(err, TARGET_UNIQUE)) continue;
      throw err;
    }
  }
}

const TARGET_UNIQUE =
  'scheme_assignments.tenant_id, scheme_assignments.target_type, scheme_assignments.target_id';

async function upsertAssignment(
  scope: Scope,
  input: { targetType: TargetType; targetId: string; schemeId: string },
) {
  return commit(scope.db, scope.actor, async () => {
    const [before] = await scope.db
      .select()
      .from(schemeAssignments)
      .where(
        and(
          eq(schemeAssignments.tenantId, scope.tenantId),
          eq(schemeAssignments.targetType, input.targetType),
          eq(schemeAssignments.targetId, input.targetId),
        ),
      );
    const now = nowIso();
    const after: AssignmentRow = before
      ? { ...before, schemeId: input.schemeId, updatedAt: now }
      : { id: newId('asg'), tenantId: scope.tenantId, ...input, createdAt: now, updatedAt: now };
    const statement = before
      ? scope.db
          .update(schemeAssignments)
          .set(after)
          .where(and(eq(schemeAssignments.tenantId, scope.tenantId), eq(schemeAssignments.id, before.id)))
      : scope.db.insert(schemeAssignments).values(after);
    return {
      statements: [statement],
      audit: [
        {
          action: before ? 'scheme_assignment.update' : 'scheme_assignment.create',
          entityType: 'scheme_assignment',
          entityId: after.id,
          before: before ? publicAssignment(before) : undefined,
          after: publicAssignment(after),
        },
      ],
      result: publicAssignment(after),
    };
  });
}

export async function unassignScheme(scope: Scope, id: string) {
  await commit(scope.db, scope.actor, async () => {
    const [before] = await scope.db
      .select()
      .from(schemeAssignments)
      .where(and(eq(schemeAssignments.tenantId, scope.tenantId), eq(schemeAssignments.id, id)));
    if (!before) throw notFound();
    await assertMayAssign(scope, before);
    return {
      statements: [
        scope.db
          .delete(schemeAssignments)
          .where(and(eq(schemeAssignments.tenantId, scope.tenantId), eq(schemeAssignments.id, id))),
      ],
      audit: [
        {
          action: 'scheme_assignment.delete',
          entityType: 'scheme_assignment',
          entityId: id,
          before: publicAssignment(before),
        },
      ],
      result: undefined,
    };
  });
}
