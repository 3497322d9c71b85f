import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { auditLog, tenants } from '../../db/schema';
import { GENESIS_HASH } from '../audit/chain';
import { checkDigest, type SignedDigest, signDigest } from '../audit/digest';
import type { Db } from '../data/db';
import { chunk, IDS_PER_STATEMENT } from '../data/limits';
import { ApiError } from '../lib/errors';

/** Where a tenant's digests live in R2 (DESIGN.md): one JSON object each, named by its time. */
const prefixOf = (tenantId: string) => `tenants/${tenantId}/audit-digests/`;

export interface DigestStore {
  bucket: R2Bucket;
  secret: string;
}

/** All of a tenant's digest keys, oldest first (R2 lists in key order, and keys are ISO times). */
async function* digestKeys(bucket: R2Bucket, tenantId: string) {
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: prefixOf(tenantId), cursor, limit: 1000 });
    for (const o of page.objects) yield o.key;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}

async function readDigest(bucket: R2Bucket, key: string): Promise<SignedDigest> {
  const object = await bucket.get(key);
  if (!object) throw new Error(`digest ${key} vanished while being read`);
  return object.json<SignedDigest>();
}

const publicDigest = (key: string, d: SignedDigest, signatureValid?: boolean) => ({
  key,
  at: d.at,
  head: d.head,
  previousDigestHash: d.previousDigestHash,
  digestHash: d.digestHash,
  ...(signatureValid !== undefined && { signatureValid }),
});

/**
 * The tenant's last digest, as a small object beside the digests (outside their prefix): it
 * saves listing them all, and its ETag lets only one of two concurrent writers link a digest
 * to the same predecessor, so the digests stay one line.
 */
const latestKeyOf = (tenantId: string) => `tenants/${tenantId}/audit-digests.latest`;
interface Latest {
  key: string;
  at: string;
  digestHash: string;
}

const WRITE_ATTEMPTS = 10;

/**
 * Writes a digest of the tenant's chain as it stands: its head, linked to the last digest.
 * Not an audited change itself: an entry for it would move the head it has just recorded.
 * If another digest was written meanwhile (the cron and HR at once), this one is withdrawn
 * and made again on top of that one.
 */
export async function createDigest(db: Db, store: DigestStore, tenantId: string) {
  for (let attempt = 1; ; attempt++) {
    const latest = await store.bucket.get(latestKeyOf(tenantId));
    const previous = latest ? await latest.json<Latest>() : undefined;
    const [head] = await db
      .select({ seq: auditLog.seq, hash: auditLog.hash, at: auditLog.at })
      .from(auditLog)
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    // Strictly after the last one, whatever the clocks: key order is the digests' order.
    const at = new Date(Math.max(Date.now(), previous ? Date.parse(previous.at) + 1 : 0)).toISOString();
    const digest = await signDigest(
      {
        version: 1,
        tenantId,
        at,
        head: head ?? { seq: 0, hash: GENESIS_HASH, at: null },
        previousDigestHash: previous?.digestHash ?? null,
      },
      store.secret,
    );
    const key = `${prefixOf(tenantId)}${at}.json`;
    // Created only if absent: a writer racing with the same predecessor picks the same time.
    const created = await store.bucket.put(key, JSON.stringify(digest), {
      httpMetadata: { contentType: 'application/json' },
      customMetadata: { tenantId, seq: String(digest.head.seq), digestHash: digest.digestHash },
      onlyIf: { etagDoesNotMatch: '*' },
    });
    const moved =
      created &&
      (await store.bucket.put(
        latestKeyOf(tenantId),
        JSON.stringify({ key, at, digestHash: digest.digestHash } satisfies Latest),
        { onlyIf: latest ? { etagMatches: latest.etag } : { etagDoesNotMatch: '*' } },
      ));
    if (moved) return publicDigest(key, digest, true);
    if (created) await store.bucket.delete(key); // ours alone, and linked to a stale predecessor
    if (attempt >= WRITE_ATTEMPTS) throw new ApiError('CONFLICT', { message: 'AUDIT_BUSY' });
    await new Promise((r) => setTimeout(r, Math.random() * 50 * attempt));
  }
}

/** A page of digests, oldest first, each with whether its signature is the key's. */
export async function listDigests(
  store: DigestStore,
  tenantId: string,
  q: { cursor?: string; limit: number },
) {
  // R2's own cursor, passed through; one it does not know is the caller's mistake, not ours.
  const page = await store.bucket
    .list({ prefix: prefixOf(tenantId), cursor: q.cursor, limit: q.limit })
    .catch((err) => {
      if (q.cursor === undefined) throw err;
      throw new ApiError('BAD_REQUEST', { message: 'INVALID_CURSOR' });
    });
  const items = await Promise.all(
    page.objects.map(async (o) => {
      const d = await readDigest(store.bucket, o.key);
      return publicDigest(o.key, d, (await checkDigest(d, store.secret)) === 'ok');
    }),
  );
  return { items, nextCursor: page.truncated ? page.cursor : null };
}

export type DigestMismatch =
  | 'signature_invalid'
  | 'digest_altered'
  | 'broken_link'
  | 'head_mismatch'
  | 'head_missing';

export interface DigestVerdict {
  checked: number;
  ok: boolean;
  firstMismatch?: { key: string; at: string; reason: DigestMismatch };
}

const DIGESTS_PER_CHECK = IDS_PER_STATEMENT;

/**
 * Checks every digest, oldest first: its signature, its link to the one before, and that the
 * chain row at its head's seq still has the hash it saw. A chain rewritten in D1 and re-hashed
 * passes the chain check, but not this: the first digest whose head changed is named.
 */
export async function verifyDigests(db: Db, store: DigestStore, tenantId: string): Promise<DigestVerdict> {
  let checked = 0;
  let previousHash: string | null = null;
  let batch: { key: string; d: SignedDigest }[] = [];
  const flush = async (): Promise<DigestVerdict | undefined> => {
    const seqs = batch.map((b) => b.d.head.seq).filter((s) => s > 0);
    const found = new Map<number, string>();
    for (const part of chunk(seqs, DIGESTS_PER_CHECK)) {
      const rows = await db
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenantId), inArray(auditLog.seq, part)));
      for (const r of rows) found.set(r.seq, r.hash);
    }
    for (const { key, d } of batch) {
      const bad = (reason: DigestMismatch): DigestVerdict => ({
        checked,
        ok: false,
        firstMismatch: { key, at: d.at, reason },
      });
      const signature = await checkDigest(d, store.secret);
      if (signature !== 'ok') return bad(signature);
      if (d.tenantId !== tenantId || d.previousDigestHash !== previousHash) return bad('broken_link');
      if (d.head.seq > 0) {
        const hash = found.get(d.head.seq);
        if (hash === undefined) return bad('head_missing');
        if (hash !== d.head.hash) return bad('head_mismatch');
      }
      previousHash = d.digestHash;
      checked++;
    }
    batch = [];
    return undefined;
  };
  for await (const key of digestKeys(store.bucket, tenantId)) {
    batch.push({ key, d: await readDigest(store.bucket, key) });
    if (batch.length === DIGESTS_PER_CHECK) {
      const verdict = await flush();
      if (verdict) return verdict;
    }
  }
  return (await flush()) ?? { checked, ok: true };
}

const TENANTS_PER_PAGE = 100;

/** The daily cron: one digest per tenant, tenants read in pages. */
export async function digestEveryTenant(db: Db, store: DigestStore): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const page = await db
      .select({ id: tenants.id })
      .from(tenants)
      .where(after ? gt(tenants.id, after) : undefined)
      .orderBy(tenants.id)
      .limit(TENANTS_PER_PAGE);
    for (const t of page) {
      // One tenant's failure (its digests unreadable, say) must not cost the others theirs.
      try {
        await createDigest(db, store, t.id);
        written++;
      } catch (err) {
        console.error('audit digest failed', t.id, err);
      }
    }
    if (page.length < TENANTS_PER_PAGE) return written;
    after = page.at(-1)!.id;
  }
}
