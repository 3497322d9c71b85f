import { and, desc, eq, lt } from 'drizzle-orm';
import { schemeVersions } from '../../db/schema';
import { commit } from '../audit/commit';
import { isUniqueViolation } from '../data/constraint';
import {
  checkInputs,
  type EvaluationInputs,
  type SchemeContent,
  type SchemeError,
  schemeContentSchema,
  schemeErrorMessage,
  scoreEvaluation,
  validateScheme,
} from '../domain/scheme';
import { ApiError, type FieldIssue, notFound } from '../lib/errors';
import type { MessageKey } from '../lib/messages';
import { nowIso } from '../lib/time';
import { fieldIssues } from '../lib/zod-issues';
import { decodeCursor, page } from './cursor';
import {
  assertActive,
  emptyContent,
  findScheme,
  newVersionRow,
  publicVersion,
  type VersionRow,
  versionSummary,
} from './schemes';
import type { Scope } from './scope';

/*
 * Versions of a scheme. At most one draft exists, and it is always the newest version; a
 * published version is frozen for good, because evaluations point at it.
 */

const sv = schemeVersions;

/** `1`, `2` … in the path; anything else names no version (404, like a missing one). */
function versionNumber(v: string | number): number {
  const n = typeof v === 'number' ? v : /^[1-9]\d{0,8}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw notFound();
  return n;
}

async function findVersion(scope: Scope, schemeId: string, version: string | number): Promise<VersionRow> {
  const n = versionNumber(version);
  const [row] = await scope.db
    .select()
    .from(schemeVersions)
    .where(and(eq(sv.tenantId, scope.tenantId), eq(sv.schemeId, schemeId), eq(sv.version, n)));
  if (!row) throw notFound();
  return row;
}

const issue = (e: SchemeError, lang: Scope['lang']): FieldIssue => ({
  field: e.field,
  code: e.code,
  message: schemeErrorMessage(e, lang),
});

/**
 * What keeps content from being published or scored: its shape (stored content is re-checked,
 * in case it was saved under an older shape), then the cross-field rules of validateScheme.
 */
function checkContent(
  content: unknown,
  lang: Scope['lang'],
): { content?: SchemeContent; problems: FieldIssue[] } {
  const shape = schemeContentSchema.safeParse(content);
  if (!shape.success) return { problems: fieldIssues(shape.error, lang) };
  const v = validateScheme(shape.data);
  return { content: shape.data, problems: v.ok ? [] : v.errors.map((e) => issue(e, lang)) };
}

function validContent(row: VersionRow, lang: Scope['lang'], message: MessageKey): SchemeContent {
  const { content, problems } = checkContent(row.content, lang);
  if (!content || problems.length > 0) {
    throw new ApiError('VALIDATION_FAILED', {
      message,
      params: { version: row.version, count: problems.length },
      details: problems,
    });
  }
  return content;
}

/** The version with its content and, for a draft, what still blocks publishing. */
function versionDetail(row: VersionRow, lang: Scope['lang']) {
  const problems = row.status === 'draft' ? checkContent(row.content, lang).problems : [];
  return { ...publicVersion(row), publishable: row.status === 'draft' && problems.length === 0, problems };
}

export async function listVersions(scope: Scope, schemeId: string, q: { cursor?: string; limit: number }) {
  await findScheme(scope, schemeId);
  const before = decodeCursor<number>(q.cursor, 'number');
  const rows = await scope.db
    .select()
    .from(schemeVersions)
    .where(
      and(
        eq(sv.tenantId, scope.tenantId),
        eq(sv.schemeId, schemeId),
        before !== undefined ? lt(sv.version, before) : undefined,
      ),
    )
    .orderBy(desc(sv.version))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (row) => row.version);
  return { items: p.items.map(versionSummary), nextCursor: p.nextCursor };
}

export async function getVersion(scope: Scope, schemeId: string, version: string) {
  await findScheme(scope, schemeId);
  return versionDetail(await findVersion(scope, schemeId, version), scope.lang);
}

/** The newest version, or the newest with this status. */
async function latestVersion(scope: Scope, schemeId: string, status?: VersionRow['status']) {
  const [row] = await scope.db
    .select()
    .from(sv)
    .where(
      and(
        eq(sv.tenantId, scope.tenantId),
        eq(sv.schemeId, schemeId),
        status ? eq(sv.status, status) : undefined,
      ),
    )
    .orderBy(desc(sv.version))
    .limit(1);
  return row;
}

/** A new draft, copied from the newest version; refused while a draft is open. */
export async function createVersion(scope: Scope, schemeId: string) {
  let next = 0;
  try {
    return await commit(scope.db, scope.actor, async () => {
      const scheme = await findScheme(scope, schemeId);
      assertActive(scheme);
      const latest = await latestVersion(scope, schemeId);
      if (latest?.status === 'draft') {
        throw new ApiError('CONFLICT', { message: 'DRAFT_EXISTS', params: { version: latest.version } });
      }
      next = (latest?.version ?? 0) + 1;
      const content = latest ? structuredClone(latest.content) : emptyContent();
      const row = newVersionRow(scope, schemeId, next, content);
      return {
        statements: [scope.db.insert(sv).values(row)],
        audit: [
          {
            action: 'scheme_version.create',
            entityType: 'scheme_version',
            entityId: row.id,
            after: { ...publicVersion(row), copiedFrom: latest?.version ?? null },
          },
        ],
        result: versionDetail(row, scope.lang),
      };
    });
  } catch (err) {
    // Another call opened the draft between our read and our write.
    if (isUniqueViolation(err, 'scheme_versions.tenant_id, scheme_versions.scheme_id')) {
      throw new ApiError('CONFLICT', { message: 'DRAFT_EXISTS', params: { version: next } });
    }
    throw err;
  }
}

/**
 * The one way a draft changes (edit or publish): refused when published (409 naming the state)
 * or when the scheme is archived; the UPDATE also requires `draft`, as a last guard.
 *
 * Audit decision: a draft's edits are NOT audited one by one; its publish is, with the diff
 * against the version it replaces. The editor autosaves every pause, so an entry per save buried
 * the log in dozens of "edited a draft" rows nobody could read. A draft scores nobody (evaluations
 * only ever pin published versions, which never change), so what matters to an inspector is what
 * went into force and how it differed from before: the publish entry holds the previous published
 * version as `before` and the published one as `after`, and the log shows the change row by row,
 * old → new. Collapsing saves per editing session would need an entry rewritten later, which an
 * append-only hash chain cannot do. Starting a draft (scheme_version.create) stays audited.
 */
async function changeDraft(
  scope: Scope,
  schemeId: string,
  version: string,
  action: 'update' | 'publish',
  change: (before: VersionRow) => VersionRow,
) {
  return commit(scope.db, scope.actor, async () => {
    const scheme = await findScheme(scope, schemeId);
    const before = await findVersion(scope, schemeId, version);
    if (before.status === 'published')
      throw new ApiError('CONFLICT', { message: 'VERSION_PUBLISHED', params: { version: before.version } });
    assertActive(scheme);
    const after = change(before);
    const { content, status, updatedAt, publishedAt, publishedBy } = after;
    const previous =
      action === 'publish' ? await previousPublished(scope, schemeId, before.version) : undefined;
    return {
      statements: [
        scope.db
          .update(sv)
          .set({ content, status, updatedAt, publishedAt, publishedBy })
          .where(and(eq(sv.tenantId, scope.tenantId), eq(sv.id, before.id), eq(sv.status, 'draft'))),
      ],
      audit:
        action === 'publish'
          ? [
              {
                action: 'scheme_version.publish',
                entityType: 'scheme_version',
                entityId: before.id,
                before: previous ? publicVersion(previous) : null,
                after: publicVersion(after),
              },
            ]
          : [],
      result: versionDetail(after, scope.lang),
    };
  });
}

/** The newest published version below `version`: what a publish replaces. */
async function previousPublished(scope: Scope, schemeId: string, version: number) {
  const [row] = await scope.db
    .select()
    .from(sv)
    .where(
      and(
        eq(sv.tenantId, scope.tenantId),
        eq(sv.schemeId, schemeId),
        eq(sv.status, 'published'),
        lt(sv.version, version),
      ),
    )
    .orderBy(desc(sv.version))
    .limit(1);
  return row;
}

/** Replaces a draft's content (shape-checked by the route; the rules wait for publish). */
export async function updateDraft(scope: Scope, schemeId: string, version: string, content: SchemeContent) {
  return changeDraft(scope, schemeId, version, 'update', (before) => ({
    ...before,
    content,
    updatedAt: nowIso(),
  }));
}

/** Validates the draft and freezes it: from now on it is the scheme's current version. */
export async function publishVersion(scope: Scope, schemeId: string, version: string) {
  return changeDraft(scope, schemeId, version, 'publish', (before) => {
    const now = nowIso();
    return {
      ...before,
      content: validContent(before, scope.lang, 'SCHEME_NOT_PUBLISHABLE'),
      status: 'published',
      updatedAt: now,
      publishedAt: now,
      publishedBy: scope.actor.actorId,
    };
  });
}

/** Scores sample inputs with a version (draft or published) and saves nothing. */
export async function previewVersion(
  scope: Scope,
  schemeId: string,
  version: string,
  inputs: EvaluationInputs,
) {
  await findScheme(scope, schemeId);
  const row = await findVersion(scope, schemeId, version);
  const content = validContent(row, scope.lang, 'SCHEME_NOT_SCORABLE');
  const errors = checkInputs(content, inputs);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', {
      message: 'PREVIEW_INPUTS_INVALID',
      params: { count: errors.length },
      details: errors.map((e) => issue(e, scope.lang)),
    });
  }
  return scoreEvaluation(content, inputs);
}

export interface PublishedVersion {
  id: string;
  schemeId: string;
  version: number;
  content: SchemeContent;
  /** The scheme is archived: existing evaluations keep it, new ones should not start on it. */
  archived: boolean;
}

/**
 * For evaluations: a published version of this tenant's scheme, the newest when `version` is
 * omitted. 404 for another tenant's or a missing scheme/version; 409 when nothing is published
 * yet or the version asked for is still a draft.
 */
export async function getPublishedVersion(
  scope: Scope,
  schemeId: string,
  version?: number,
): Promise<PublishedVersion> {
  const scheme = await findScheme(scope, schemeId);
  let row: VersionRow | undefined;
  if (version !== undefined) {
    row = await findVersion(scope, schemeId, version);
    if (row.status !== 'published') {
      throw new ApiError('CONFLICT', { message: 'VERSION_NOT_PUBLISHED', params: { version: row.version } });
    }
  } else {
    row = await latestVersion(scope, schemeId, 'published');
    if (!row)
      throw new ApiError('CONFLICT', { message: 'NO_PUBLISHED_VERSION', params: { name: scheme.name } });
  }
  return {
    id: row.id,
    schemeId,
    version: row.version,
    content: row.content,
    archived: scheme.status === 'archived',
  };
}
