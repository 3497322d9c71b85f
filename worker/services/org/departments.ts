import { and, asc, count, eq, gt } from 'drizzle-orm';
import {
  departmentSupervisors,
  departments,
  employees,
  evaluations,
  schemeAssignments,
  users,
} from '../../../db/schema';
import { commit, type Statement } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { chunk, rowsPerInsert } from '../../data/limits';
import { ApiError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { decodeCursor, page } from '../cursor';
import type { Scope } from '../scope';
import { invalid, issue, refTexts } from './issues';

type DepartmentRow = typeof departments.$inferSelect;

/** What the API and the audit log show of a department, with the supervisors scoped to it. */
export function publicDepartment(d: DepartmentRow, supervisorUserIds: string[]) {
  return {
    id: d.id,
    name: d.name,
    site: d.site,
    supervisorUserIds: [...supervisorUserIds].sort(),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
export type PublicDepartment = ReturnType<typeof publicDepartment>;

const nameTaken = (name: string) =>
  new ApiError('CONFLICT', { message: 'DEPARTMENT_NAME_TAKEN', params: { name }, field: 'name' });

async function findDepartment(scope: Scope, id: string): Promise<DepartmentRow> {
  const [row] = await scope.db
    .select()
    .from(departments)
    .where(and(eq(departments.tenantId, scope.tenantId), eq(departments.id, id)));
  if (!row) throw notFound();
  return row;
}

async function supervisorsOf(scope: Scope, departmentId?: string): Promise<Map<string, string[]>> {
  const rows = await scope.db
    .select()
    .from(departmentSupervisors)
    .where(
      and(
        eq(departmentSupervisors.tenantId, scope.tenantId),
        departmentId ? eq(departmentSupervisors.departmentId, departmentId) : undefined,
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.departmentId, [...(out.get(r.departmentId) ?? []), r.userId]);
  return out;
}

export async function getDepartment(scope: Scope, id: string): Promise<PublicDepartment> {
  const row = await findDepartment(scope, id);
  return publicDepartment(row, (await supervisorsOf(scope, id)).get(id) ?? []);
}

/** Ordered by name; the cursor is the last name seen (names are unique per tenant). */
export async function listDepartments(scope: Scope, q: { cursor?: string; limit: number }) {
  const after = decodeCursor<string>(q.cursor, 'string');
  const rows = await scope.db
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.tenantId, scope.tenantId),
        after !== undefined ? gt(departments.name, after) : undefined,
      ),
    )
    .orderBy(asc(departments.name))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (d) => d.name);
  const sups = p.items.length ? await supervisorsOf(scope) : new Map<string, string[]>();
  return { items: p.items.map((d) => publicDepartment(d, sups.get(d.id) ?? [])), nextCursor: p.nextCursor };
}

async function guardName<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (name !== undefined && isUniqueViolation(err, 'departments.tenant_id, departments.name'))
      throw nameTaken(name);
    throw err;
  }
}

export async function createDepartment(scope: Scope, input: { name: string; site?: string | null }) {
  const now = nowIso();
  const row: DepartmentRow = {
    id: newId('dep'),
    tenantId: scope.tenantId,
    name: input.name,
    site: input.site ?? null,
    parentId: null,
    active: true,
    createdAt: now,
    updatedAt: now,
  };
  const view = publicDepartment(row, []);
  return guardName(input.name, () =>
    commit(scope.db, scope.actor, async () => ({
      statements: [scope.db.insert(departments).values(row)],
      audit: [{ action: 'department.create', entityType: 'department', entityId: row.id, after: view }],
      result: view,
    })),
  );
}

export async function updateDepartment(
  scope: Scope,
  id: string,
  patch: { name?: string; site?: string | null },
) {
  return guardName(patch.name, () =>
    commit(scope.db, scope.actor, async () => {
      const before = await findDepartment(scope, id);
      const sups = (await supervisorsOf(scope, id)).get(id) ?? [];
      const after: DepartmentRow = {
        ...before,
        name: patch.name ?? before.name,
        site: patch.site === undefined ? before.site : patch.site,
        updatedAt: nowIso(),
      };
      const changed = after.name !== before.name || after.site !== before.site;
      if (!changed) return { statements: [], audit: [], result: publicDepartment(before, sups) };
      return {
        statements: [
          scope.db
            .update(departments)
            .set({ name: after.name, site: after.site, updatedAt: after.updatedAt })
            .where(and(eq(departments.tenantId, scope.tenantId), eq(departments.id, id))),
        ],
        audit: [
          {
            action: 'department.update',
            entityType: 'department',
            entityId: id,
            before: publicDepartment(before, sups),
            after: publicDepartment(after, sups),
          },
        ],
        result: publicDepartment(after, sups),
      };
    }),
  );
}

/** How many rows still point at a department or position; deleting either would orphan them. */
export async function referencesTo(scope: Scope, kind: 'department' | 'position', id: string) {
  const t = scope.tenantId;
  const [staff] = await scope.db
    .select({ n: count() })
    .from(employees)
    .where(
      and(
        eq(employees.tenantId, t),
        kind === 'department' ? eq(employees.departmentId, id) : eq(employees.positionId, id),
      ),
    );
  const [evals] = await scope.db
    .select({ n: count() })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.tenantId, t),
        kind === 'department' ? eq(evaluations.departmentId, id) : eq(evaluations.positionId, id),
      ),
    );
  const [assigned] = await scope.db
    .select({ n: count() })
    .from(schemeAssignments)
    .where(
      and(
        eq(schemeAssignments.tenantId, t),
        eq(schemeAssignments.targetType, kind),
        eq(schemeAssignments.targetId, id),
      ),
    );
  return { employees: staff?.n ?? 0, evaluations: evals?.n ?? 0, schemeAssignments: assigned?.n ?? 0 };
}

/** Only an unused department can go: one with staff, evaluations or a scheme is a 409. */
export async function deleteDepartment(scope: Scope, id: string): Promise<void> {
  await commit(scope.db, scope.actor, async () => {
    const before = await findDepartment(scope, id);
    const sups = (await supervisorsOf(scope, id)).get(id) ?? [];
    const refs = await referencesTo(scope, 'department', id);
    if (refs.employees + refs.evaluations + refs.schemeAssignments > 0) {
      throw new ApiError('CONFLICT', {
        message: 'DEPARTMENT_IN_USE',
        params: { name: before.name, ...refs },
        details: { references: refs },
      });
    }
    return {
      statements: [
        scope.db
          .delete(departmentSupervisors)
          .where(
            and(
              eq(departmentSupervisors.tenantId, scope.tenantId),
              eq(departmentSupervisors.departmentId, id),
            ),
          ),
        scope.db
          .delete(departments)
          .where(and(eq(departments.tenantId, scope.tenantId), eq(departments.id, id))),
      ],
      audit: [
        {
          action: 'department.delete',
          entityType: 'department',
          entityId: id,
          before: publicDepartment(before, sups),
        },
      ],
      result: undefined,
    };
  });
}

/**
 * Replaces the supervisors scoped to a department. Each must be a user of this company with the
 * supervisor role; every one that is not is named (`userIds[2]`).
 */
export async function setDepartmentSupervisors(scope: Scope, id: string, userIds: string[]) {
  const wanted = [...new Set(userIds)];
  return commit(scope.db, scope.actor, async () => {
    const dept = await findDepartment(scope, id);
    const before = (await supervisorsOf(scope, id)).get(id) ?? [];
    const supervisors = await scope.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, scope.tenantId), eq(users.role, 'supervisor')));
    const known = new Set(supervisors.map((u) => u.id));
    const issues = userIds.flatMap((u, i) =>
      known.has(u) ? [] : [issue(scope.lang, `userIds[${i}]`, 'not_supervisor', refTexts.notSupervisor)],
    );
    if (issues.length) throw invalid(issues);
    const result = publicDepartment(dept, wanted);
    if (sameSet(before, wanted)) return { statements: [], audit: [], result };
    const statements: Statement[] = [
      scope.db
        .delete(departmentSupervisors)
        .where(
          and(eq(departmentSupervisors.tenantId, scope.tenantId), eq(departmentSupervisors.departmentId, id)),
        ),
      ...chunk(wanted, rowsPerInsert(3)).map((ids) =>
        scope.db
          .insert(departmentSupervisors)
          .values(ids.map((userId) => ({ tenantId: scope.tenantId, departmentId: id, userId }))),
      ),
    ];
    return {
      statements,
      audit: [
        {
          action: 'department.supervisors',
          entityType: 'department',
          entityId: id,
          before: { supervisorUserIds: [...before].sort() },
          after: { supervisorUserIds: result.supervisorUserIds },
        },
      ],
      result,
    };
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
