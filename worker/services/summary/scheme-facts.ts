import { and, eq, inArray, sql } from 'drizzle-orm';
import { evaluations, schemeVersions } from '../../../db/schema';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import type { Band, Category } from '../../domain/scheme';
import type { Scope } from '../scope';

/** What the scheme versions used in a period share: their categories, bands and top score. */
export interface SchemeFacts {
  /** Categories in scheme order, the first version's name for a key used twice. */
  categories: Category[];
  /** Every band of every version, each grade once, high to low. */
  bands: Band[];
  maxScore: number;
}

/**
 * Reads the pinned versions of a period's evaluations, but only their bands and categories
 * (json_extract): a version's indicators can be large and are not needed here.
 */
export async function schemeFactsOf(scope: Scope, periodId: string): Promise<SchemeFacts> {
  const used = await scope.db
    .selectDistinct({ id: evaluations.schemeVersionId })
    .from(evaluations)
    .where(and(eq(evaluations.tenantId, scope.tenantId), eq(evaluations.periodId, periodId)));
  const categories = new Map<string, Category>();
  const bands = new Map<string, Band>();
  let maxScore = 100;
  for (const ids of chunk(
    used.map((u) => u.id),
    IDS_PER_STATEMENT,
  )) {
    const rows = await scope.db
      .select({
        categories: sql<string>`json_extract(${schemeVersions.content}, '$.categories')`,
        bands: sql<string>`json_extract(${schemeVersions.content}, '$.bands')`,
        maxScore: sql<number | null>`json_extract(${schemeVersions.content}, '$.maxScore')`,
      })
      .from(schemeVersions)
      .where(and(eq(schemeVersions.tenantId, scope.tenantId), inArray(schemeVersions.id, ids)))
      .orderBy(schemeVersions.createdAt);
    for (const row of rows) {
      for (const c of JSON.parse(row.categories) as Category[])
        if (!categories.has(c.key)) categories.set(c.key, c);
      for (const b of JSON.parse(row.bands) as Band[]) if (!bands.has(b.grade)) bands.set(b.grade, b);
      maxScore = Math.max(maxScore, row.maxScore ?? 100);
    }
  }
  return {
    categories: [...categories.values()],
    bands: [...bands.values()].sort((a, b) => b.min - a.min),
    maxScore,
  };
}
