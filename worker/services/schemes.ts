import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { type SchemeStatus, schemes, schemeVersions } from '../../db/schema';
import { commit } from '../audit/commit';
import { findTemplate, type SchemeContent } from '../domain/scheme';
import { ApiError, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { nowIso } from '../lib/time';
import { decodeCursor, page } from './cursor';
import type { Scope } from './scope';

/*
 * Schemes (考核方案) and what every scheme answer shows of its versions. Version verbs live in
 * scheme-versions.ts, which builds on the helpers exported here.
 */

export type SchemeRow = typeof schemes.$inferSelect;
export type VersionRow = typeof schemeVersions.$inferSelect;

/** Highest published version (the one new evaluations use) and the open draft, if any. */
export interface VersionStats {
  currentVersion: number | null;
  draftVersion: number | null;
}
const noVersions: VersionStats = { currentVersion: null, draftVersion: null };

/** The empty content a blank scheme starts from: saved as a draft, not publishable until filled. */
export const emptyContent = (): SchemeContent => ({
  maxScore: 100,
  categories: [],
  indicators: [],
  bands: [],
});

export function publicScheme(s: SchemeRow, stats: VersionStats = noVersions) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    status: s.status,
    currentVersion: stats.currentVersion,
    draftVersion: stats.draftVersion,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type PublicScheme = ReturnType<typeof publicScheme>;

/** A version without its content: what lists and the scheme's own answer show. */
export function versionSummary(v: VersionRow) {
  return {
    id: v.id,
    schemeId: v.schemeId,
    version: v.version,
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
  };
}

/** A version with its content (the form audit entries record). */
export const publicVersion = (v: VersionRow) => ({ ...versionSummary(v), content: v.content });

export function newVersionRow(
  scope: Scope,
  schemeId: string,
  version: number,
  content: SchemeContent,
): VersionRow {
  const now = nowIso();
  return {
    id: newId('scv'),
    tenantId: scope.tenantId,
    schemeId,
    version,
    status: 'draft',
    content,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    publishedBy: null,
  };
}

export async function findScheme(scope: Scope, id: string): Promise<SchemeRow> {
  const [row] = await scope.db
    .select()
    .from(schemes)
    .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.id, id)));
  if (!row) throw notFound();
  return row;
}

/** Archived schemes are read-only: no new versions, no draft edits, no publishing. */
export function assertActive(s: SchemeRow) {
  if (s.status === 'archived')
    throw new ApiError('CONFLICT', { message: 'SCHEME_FROZEN', params: { name: s.name } });
}

/** Per scheme of the tenant (one grouped query, no IN list), or of one scheme. */
async function versionStats(scope: Scope, schemeId?: string): Promise<Map<string, VersionStats>> {
  const v = schemeVersions;
  const rows = await scope.db
    .select({
      schemeId: v.schemeId,
      currentVersion: sql<number | null>`max(case when ${v.status} = 'published' then ${v.version} end)`,
      draftVersion: sql<number | null>`max(case when ${v.status} = 'draft' then ${v.version} end)`,
    })
    .from(v)
    .where(and(eq(v.tenantId, scope.tenantId), schemeId ? eq(v.schemeId, schemeId) : undefined))
    .groupBy(v.schemeId);
  return new Map(
    rows.map((r) => [r.schemeId, { currentVersion: r.currentVersion, draftVersion: r.draftVersion }]),
  );
}

export async function listSchemes(
  scope: Scope,
  q: { cursor?: string; limit: number; status?: SchemeStatus },
) {
  const after = decodeCursor<string>(q.cursor, 'string');
  const rows = await scope.db
    .select()
    .from(schemes)
    .where(
      and(
        eq(schemes.tenantId, scope.tenantId),
        q.status ? eq(schemes.status, q.status) : undefined,
        after ? gt(schemes.id, after) : undefined,
      ),
    )
    .orderBy(asc(schemes.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (s) => s.id);
  const stats = p.items.length > 0 ? await versionStats(scope) : new Map<string, VersionStats>();
  return { items: p.items.map((s) => publicScheme(s, stats.get(s.id))), nextCursor: p.nextCursor };
}

async function schemeDetail(scope: Scope, s: SchemeRow) {
  const versions = await scope.db
    .select()
    .from(schemeVersions)
    .where(and(eq(schemeVersions.tenantId, scope.tenantId), eq(schemeVersions.schemeId, s.id)))
    .orderBy(desc(schemeVersions.version));
  const stats: VersionStats = {
    currentVersion: versions.find((v) => v.status === 'published')?.version ?? null,
    draftVersion: versions.find((v) => v.status === 'draft')?.version ?? null,
  };
  return { ...publicScheme(s, stats), versions: versions.map(versionSummary) };
}

/** The scheme with the summary of every version, newest first. */
export async function getScheme(scope: Scope, id: string) {
  return schemeDetail(scope, await findScheme(scope, id));
}

export async function schemeWithStats(scope: Scope, s: SchemeRow) {
  return publicScheme(s, (await versionStats(scope, s.id)).get(s.id));
}

export interface NewScheme {
  name?: string;
  description?: string;
  content?: SchemeContent;
  fromTemplate?: string;
}

/**
 * A scheme and its version 1 draft: the given content, a copy of a built-in template (whose
 * name and description are the defaults), or empty. Nothing is validated until publish.
 */
export async function createScheme(scope: Scope, input: NewScheme) {
  const template = input.fromTemplate === undefined ? undefined : findTemplate(input.fromTemplate);
  if (template === null) throw new ApiError('VALIDATION_FAILED', { field: 'fromTemplate' });
  const name = input.name ?? template?.name;
  if (!name) throw new ApiError('VALIDATION_FAILED', { field: 'name' });
  const now = nowIso();
  const scheme: SchemeRow = {
    id: newId('sch'),
    tenantId: scope.tenantId,
    name,
    description: input.description ?? template?.description ?? '',
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  const content = input.content ?? (template ? structuredClone(template.content) : emptyContent());
  const v1 = newVersionRow(scope, scheme.id, 1, content);
  return commit(scope.db, scope.actor, async () => ({
    statements: [scope.db.insert(schemes).values(scheme), scope.db.insert(schemeVersions).values(v1)],
    audit: [
      {
        action: 'scheme.create',
        entityType: 'scheme',
        entityId: scheme.id,
        after: { ...publicScheme(scheme), fromTemplate: template?.id ?? null },
      },
      {
        action: 'scheme_version.create',
        entityType: 'scheme_version',
        entityId: v1.id,
        after: publicVersion(v1),
      },
    ],
    result: {
      ...publicScheme(scheme, { currentVersion: null, draftVersion: 1 }),
      versions: [versionSummary(v1)],
    },
  }));
}

/** Name and description; allowed on an archived scheme too (they describe, they do not score). */
export async function updateScheme(scope: Scope, id: string, patch: { name?: string; description?: string }) {
  return commit(scope.db, scope.actor, async () => {
    const before = await findScheme(scope, id);
    const after: SchemeRow = {
      ...before,
      name: patch.name ?? before.name,
      description: patch.description ?? before.description,
    };
    if (after.name === before.name && after.description === before.description) {
      return { statements: [], audit: [], result: await schemeWithStats(scope, before) };
    }
    after.updatedAt = nowIso();
    return {
      statements: [
        scope.db
          .update(schemes)
          .set({ name: after.name, description: after.description, updatedAt: after.updatedAt })
          .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.id, id))),
      ],
      audit: [
        {
          action: 'scheme.update',
          entityType: 'scheme',
          entityId: id,
          before: publicScheme(before),
          after: publicScheme(after),
        },
      ],
      result: await schemeWithStats(scope, after),
    };
  });
}

/** Archiving keeps the scheme and its versions readable; archiving twice is harmless. */
export async function archiveScheme(scope: Scope, id: string) {
  return commit(scope.db, scope.actor, async () => {
    const before = await findScheme(scope, id);
    if (before.status === 'archived') {
      return { statements: [], audit: [], result: await schemeWithStats(scope, before) };
    }
    const after: SchemeRow = { ...before, status: 'archived', updatedAt: nowIso() };
    return {
      statements: [
        scope.db
          .update(schemes)
          .set({ status: after.status, updatedAt: after.updatedAt })
          .where(and(eq(schemes.tenantId, scope.tenantId), eq(schemes.id, id))),
      ],
      audit: [
        {
          action: 'scheme.archive',
          entityType: 'scheme',
          entityId: id,
          before: publicScheme(before),
          after: publicScheme(after),
        },
      ],
      result: await schemeWithStats(scope, after),
    };
  });
}
