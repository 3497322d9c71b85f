import { and, desc, eq } from 'drizzle-orm';
import {
  type employees,
  type evaluations,
  positions,
  schemeAssignments,
  schemes,
  schemeVersions,
} from '../../../db/schema';
import { derive } from '../../domain/evaluation/scoring';
import type { SchemeContent } from '../../domain/scheme';
import { newId } from '../../lib/ids';
import type { Scope } from '../scope';

export type EmployeeRow = typeof employees.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;
export interface PinnedVersion {
  schemeId: string;
  versionId: string;
  content: SchemeContent;
}
export interface PositionPay {
  baseSalaryFen: number;
  bonusBaseFen: number;
}

/** Why an employee gets no evaluation: said to HR, never guessed around. */
export const skipReasons = [
  'no_scheme',
  'scheme_archived',
  'no_published_version',
  'no_position_pay',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** What an employee would be pinned to now, or why nothing can be. */
export type Pinning =
  | { ok: true; version: PinnedVersion; pay: PositionPay }
  | { ok: false; reason: SkipReason; schemeId?: string };

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

/**
 * The current (highest) published version of each scheme that is still active; archived
 * schemes and schemes without a published version are absent.
 */
export async function currentVersions(
  scope: Scope,
  schemeIds: string[],
): Promise<Map<string, PinnedVersion>> {
  const out = new Map<string, PinnedVersion>();
  if (schemeIds.length === 0) return out;
  const rows = await scope.db
    .select({ id: schemeVersions.id, schemeId: schemeVersions.schemeId, content: schemeVersions.content })
    .from(schemeVersions)
    .innerJoin(
      schemes,
      and(eq(schemes.tenantId, schemeVersions.tenantId), eq(schemes.id, schemeVersions.schemeId)),
    )
    .where(
      and(
        eq(schemeVersions.tenantId, scope.tenantId),
        eq(schemeVersions.status, 'published'),
        eq(schemes.status, 'active'),
      ),
    )
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

/** The tenant's archived schemes (a tenant has a handful of schemes). */
async function archivedSchemes(scope: Scope): Promise<Set<string>> {
  const rows = await scope.db
    .select({ id: schemes.id })
    .from(schemes)
    .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.status, 'archived')));
  return new Set(rows.map((r) => r.id));
}

/** Pay of every position (a tenant has a few dozen at most). */
export async function positionPay(scope: Scope): Promise<Map<string, PositionPay>> {
  const rows = await scope.db.select().from(positions).where(eq(positions.tenantId, scope.tenantId));
  return new Map(rows.map((p) => [p.id, { baseSalaryFen: p.baseSalaryFen, bonusBaseFen: p.bonusBaseFen }]));
}

/**
 * How each employee would be pinned today: the applicable scheme (by precedence), its current
 * published version, the position's pay. Opening a period and adding a late joiner both use it.
 */
export async function pinningsFor(scope: Scope, staff: EmployeeRow[]): Promise<Map<string, Pinning>> {
  const schemeOf = await schemesFor(scope, staff);
  const [versions, archived, pay] = await Promise.all([
    currentVersions(scope, [...new Set(schemeOf.values())]),
    archivedSchemes(scope),
    positionPay(scope),
  ]);
  const out = new Map<string, Pinning>();
  for (const e of staff) {
    const schemeId = schemeOf.get(e.id);
    const version = schemeId ? versions.get(schemeId) : undefined;
    const money = pay.get(e.positionId);
    if (!schemeId) out.set(e.id, { ok: false, reason: 'no_scheme' });
    else if (archived.has(schemeId)) out.set(e.id, { ok: false, reason: 'scheme_archived', schemeId });
    else if (!version) out.set(e.id, { ok: false, reason: 'no_published_version', schemeId });
    else if (!money) out.set(e.id, { ok: false, reason: 'no_position_pay', schemeId });
    else out.set(e.id, { ok: true, version, pay: money });
  }
  return out;
}

/** A new draft evaluation of `e` in the period, pinned as `pinning` says, scored on no inputs yet. */
export function pinnedEvaluation(
  scope: Scope,
  periodId: string,
  e: EmployeeRow,
  pinning: Extract<Pinning, { ok: true }>,
  now: string,
): EvaluationRow {
  const { version, pay } = pinning;
  const score = derive(version.content, [], pay);
  return {
    id: newId('evl'),
    tenantId: scope.tenantId,
    periodId,
    employeeId: e.id,
    departmentId: e.departmentId,
    positionId: e.positionId,
    schemeId: version.schemeId,
    schemeVersionId: version.versionId,
    status: 'draft',
    revision: 1,
    totalCenti: score.totalCenti,
    grade: score.grade,
    k: score.k,
    vetoed: score.vetoed,
    baseSalaryFen: pay.baseSalaryFen,
    bonusBaseFen: pay.bonusBaseFen,
    bonusFen: score.bonusFen,
    payTotalFen: score.payTotalFen,
    breakdown: score.breakdown,
    missingRequired: score.missingRequired,
    complete: false,
    submittedAt: null,
    confirmDueAt: null,
    confirmedAt: null,
    confirmedHow: null,
    createdAt: now,
    updatedAt: now,
  };
}
