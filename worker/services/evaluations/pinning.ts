import { and, desc, eq } from 'drizzle-orm';
import { type employees, positions, schemeAssignments, schemeVersions } from '../../../db/schema';
import type { SchemeContent } from '../../domain/scheme';
import type { Scope } from '../scope';

export type EmployeeRow = typeof employees.$inferSelect;
export interface PinnedVersion {
  schemeId: string;
  versionId: string;
  content: SchemeContent;
}

/**
 * The scheme that applies to each employee: their own override first, then their position's,
 * then their department's (a position says more about the job than the department does).
 */
export async function schemesFor(scope: Scope, staff: EmployeeRow[]): Promise<Map<string, string>> {
  const rows = await scope.db
    .select()
    .from(schemeAssignments)
    .where(eq(schemeAssignments.tenantId, scope.tenantId));
  const byTarget = new Map(rows.map((r) => [`${r.targetType}:${r.targetId}`, r.schemeId]));
  const out = new Map<string, string>();
  for (const e of staff) {
    const schemeId =
      byTarget.get(`employee:${e.id}`) ??
      byTarget.get(`position:${e.positionId}`) ??
      byTarget.get(`department:${e.departmentId}`);
    if (schemeId) out.set(e.id, schemeId);
  }
  return out;
}

/** The current (highest) published version of each scheme; schemes without one are absent. */
export async function currentVersions(
  scope: Scope,
  schemeIds: string[],
): Promise<Map<string, PinnedVersion>> {
  const out = new Map<string, PinnedVersion>();
  if (schemeIds.length === 0) return out;
  const rows = await scope.db
    .select()
    .from(schemeVersions)
    .where(and(eq(schemeVersions.tenantId, scope.tenantId), eq(schemeVersions.status, 'published')))
    .orderBy(desc(schemeVersions.version));
  // All published versions of the tenant: a handful of schemes, and no 100-parameter IN list.
  const wanted = new Set(schemeIds);
  for (const v of rows) {
    if (wanted.has(v.schemeId) && !out.has(v.schemeId)) {
      out.set(v.schemeId, { schemeId: v.schemeId, versionId: v.id, content: v.content as SchemeContent });
    }
  }
  return out;
}

/** A pinned version by id (evaluations keep pointing at it after newer versions appear). */
export async function versionById(scope: Scope, versionId: string): Promise<SchemeContent> {
  const [v] = await scope.db
    .select({ content: schemeVersions.content })
    .from(schemeVersions)
    .where(and(eq(schemeVersions.tenantId, scope.tenantId), eq(schemeVersions.id, versionId)));
  if (!v) throw new Error(`scheme version ${versionId} is missing`);
  return v.content as SchemeContent;
}

/** Pay of every position (a tenant has a few dozen at most). */
export async function positionPay(scope: Scope) {
  const rows = await scope.db.select().from(positions).where(eq(positions.tenantId, scope.tenantId));
  return new Map(rows.map((p) => [p.id, { baseSalaryFen: p.baseSalaryFen, bonusBaseFen: p.bonusBaseFen }]));
}
