import { and, asc, eq, gt } from 'drizzle-orm';
import { positions } from '../../../db/schema';
import { assertMayReprice } from '../../access/policy';
import { commit } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { decodeCursor, page } from '../cursor';
import type { Scope } from '../scope';
import { referencesTo } from './departments';
import { evaluationReprices } from './evaluation-moves';

type PositionRow = typeof positions.$inferSelect;

/** A position with its pay, money in integer fen. */
export function publicPosition(p: PositionRow) {
  return {
    id: p.id,
    name: p.name,
    baseSalaryFen: p.baseSalaryFen,
    bonusBaseFen: p.bonusBaseFen,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
export type PublicPosition = ReturnType<typeof publicPosition>;

export interface PositionInput {
  name: string;
  baseSalaryFen: number;
  bonusBaseFen: number;
}

async function findPosition(scope: Scope, id: string): Promise<PositionRow> {
  const [row] = await scope.db
    .select()
    .from(positions)
    .where(and(eq(positions.tenantId, scope.tenantId), eq(positions.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function getPosition(scope: Scope, id: string) {
  return publicPosition(await findPosition(scope, id));
}

/** Ordered by name; the cursor is the last name seen (names are unique per tenant). */
export async function listPositions(scope: Scope, q: { cursor?: string; limit: number }) {
  const after = decodeCursor<string>(q.cursor, 'string');
  const rows = await scope.db
    .select()
    .from(positions)
    .where(
      and(
        eq(positions.tenantId, scope.tenantId),
        after !== undefined ? gt(positions.name, after) : undefined,
      ),
    )
    .orderBy(asc(positions.name))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => r.name);
  return { items: p.items.map(publicPosition), nextCursor: p.nextCursor };
}

async function guardName<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (name !== undefined && isUniqueViolation(err, 'positions.tenant_id, positions.name')) {
      throw new ApiError('CONFLICT', { message: 'POSITION_NAME_TAKEN', params: { name }, field: 'name' });
    }
    throw err;
  }
}

export async function createPosition(scope: Scope, input: PositionInput) {
  const now = nowIso();
  const row: PositionRow = {
    id: newId('pos'),
    tenantId: scope.tenantId,
    ...input,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  return guardName(input.name, () =>
    commit(scope.db, scope.actor, async () => ({
      statements: [scope.db.insert(positions).values(row)],
      audit: [
        { action: 'position.create', entityType: 'position', entityId: row.id, after: publicPosition(row) },
      ],
      result: publicPosition(row),
    })),
  );
}

/**
 * Changes name or pay. A pay change also re-prices, in the same batch, every unsettled
 * evaluation of an open period held at this position (at its own K); approved and locked
 * evaluations and closed periods keep the pay they were judged with.
 */
export async function updatePosition(scope: Scope, id: string, patch: Partial<PositionInput>) {
  return guardName(patch.name, () =>
    commit(scope.db, scope.actor, async () => {
      const before = await findPosition(scope, id);
      const after: PositionRow = {
        ...before,
        name: patch.name ?? before.name,
        baseSalaryFen: patch.baseSalaryFen ?? before.baseSalaryFen,
        bonusBaseFen: patch.bonusBaseFen ?? before.bonusBaseFen,
        updatedAt: nowIso(),
      };
      const changed =
        after.name !== before.name ||
        after.baseSalaryFen !== before.baseSalaryFen ||
        after.bonusBaseFen !== before.bonusBaseFen;
      if (!changed) return { statements: [], audit: [], result: publicPosition(before) };
      const repricing =
        after.baseSalaryFen !== before.baseSalaryFen || after.bonusBaseFen !== before.bonusBaseFen;
      if (repricing) await assertMayReprice(scope, id);
      const repriced = repricing ? await evaluationReprices(scope, id, after) : { statements: [], audit: [] };
      return {
        statements: [
          scope.db
            .update(positions)
            .set({
              name: after.name,
              baseSalaryFen: after.baseSalaryFen,
              bonusBaseFen: after.bonusBaseFen,
              updatedAt: after.updatedAt,
            })
            .where(and(eq(positions.tenantId, scope.tenantId), eq(positions.id, id))),
          ...repriced.statements,
        ],
        audit: [
          {
            action: 'position.update',
            entityType: 'position',
            entityId: id,
            before: publicPosition(before),
            after: publicPosition(after),
          },
          ...repriced.audit,
        ],
        result: publicPosition(after),
      };
    }),
  );
}

/** Only an unused position can go: one held by staff, evaluations or a scheme is a 409. */
export async function deletePosition(scope: Scope, id: string): Promise<void> {
  await commit(scope.db, scope.actor, async () => {
    const before = await findPosition(scope, id);
    const refs = await referencesTo(scope, 'position', id);
    if (refs.employees + refs.evaluations + refs.schemeAssignments > 0) {
      throw new ApiError('CONFLICT', {
        message: 'POSITION_IN_USE',
        params: { name: before.name, ...refs },
        details: { references: refs },
      });
    }
    return {
      statements: [
        scope.db.delete(positions).where(and(eq(positions.tenantId, scope.tenantId), eq(positions.id, id))),
      ],
      audit: [
        { action: 'position.delete', entityType: 'position', entityId: id, before: publicPosition(before) },
      ],
      result: undefined,
    };
  });
}
