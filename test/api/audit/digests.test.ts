import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type AuditRecord, hashRecord } from '../../../worker/audit/chain';
import worker from '../../../worker/index';
import { digestSchema } from '../../../worker/routes/audit-log/digests';
import { newTenant, PASSWORD, type TestTenant } from '../../helpers/tenant';
import { expectError, rows, show } from '../support';

// This file drops the append-only triggers to play an attacker with write access to D1 (but
// not to the digest key). Storage is per test file, so no other file sees the change.

async function addUsers(t: TestTenant, from: number, n: number) {
  for (let i = from; i < from + n; i++) {
    const res = await t.owner.post('/users', {
      email: `u${i}@x.example`,
      name: `员工${i}`,
      role: 'employee',
      password: PASSWORD,
    });
    expect(res.status, show(res)).toBe(201);
  }
}

const digest = async (t: TestTenant) => {
  const res = await t.owner.post('/audit-log/digests');
  expect(res.status, show(res)).toBe(201);
  expect(digestSchema.safeParse(res.body).error).toBeUndefined();
  return res.body;
};

const verify = async (t: TestTenant) => {
  const res = await t.owner.get('/audit-log/verify');
  expect(res.status, show(res)).toBe(200);
  return res.body;
};

/** Rewrites entry `seq` and re-hashes every later entry, as someone with D1 access could. */
async function rewriteAndRehash(t: TestTenant, seq: number, edit: (after: string) => string) {
  const chain = await rows<Record<string, any>>(
    'SELECT * FROM audit_log WHERE tenant_id = ? AND seq >= ? ORDER BY seq',
    t.tenantId,
    seq,
  );
  let prevHash = chain[0]!.prev_hash as string;
  for (const r of chain) {
    const record: AuditRecord = {
      id: r.id,
      tenantId: r.tenant_id,
      seq: r.seq,
      at: r.at,
      actorType: r.actor_type,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.seq === seq ? edit(r.after) : r.after,
      requestId: r.request_id,
      prevHash,
    };
    const hash = await hashRecord(record);
    await rows(
      'UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE id = ?',
      record.after,
      prevHash,
      hash,
      r.id,
    );
    prevHash = hash;
  }
}

describe('audit digests', () => {
  it('a chain rewritten in D1 and re-hashed passes the chain check but not the digests, which name the digest', async () => {
    const t = await newTenant();
    await addUsers(t, 1, 3);
    const first = await digest(t);
    expect(first.previousDigestHash).toBeNull();
    expect(first.key).toBe(`tenants/${t.tenantId}/audit-digests/${first.at}.json`);
    const [head] = await rows<any>(
      'SELECT seq, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1',
      t.tenantId,
    );
    expect(first.head).toMatchObject({ seq: head.seq, hash: head.hash });
    await addUsers(t, 4, 2);
    const second = await digest(t);
    expect(second.previousDigestHash).toBe(first.digestHash);
    expect(second.head.seq).toBe(first.head.seq + 2);

    const listed = await t.owner.get('/audit-log/digests');
    expect(listed.body.items.map((d: any) => [d.key, d.signatureValid])).toEqual([
      [first.key, true],
      [second.key, true],
    ]);
    expect(await verify(t)).toMatchObject({ ok: true, digests: { checked: 2, ok: true } });

    await env.DB.prepare('DROP TRIGGER IF EXISTS audit_log_no_update').run();
    // Entry 3 (the first employee's creation) now says someone else was created.
    await rewriteAndRehash(t, 3, (after) => after.replace('员工1', '别人'));
    const verdict = await verify(t);
    expect(verdict.firstBad, 'the chain itself is consistent again').toBeUndefined();
    expect(verdict.checked).toBe(second.head.seq);
    expect(verdict.ok).toBe(false);
    expect(verdict.digests).toEqual({
      checked: 0,
      ok: false,
      firstMismatch: { key: first.key, at: first.at, reason: 'head_mismatch' },
    });
  });

  it('a digest edited in R2 fails its hash; one re-hashed without the key fails its signature', async () => {
    const t = await newTenant();
    await addUsers(t, 1, 1);
    const a = await digest(t);
    const b = await digest(t);
    const stored = await (await env.REPORTS.get(b.key))!.json<any>();
    await env.REPORTS.put(b.key, JSON.stringify({ ...stored, head: { ...stored.head, seq: 1 } }));
    expect((await verify(t)).digests).toEqual({
      checked: 1,
      ok: false,
      firstMismatch: { key: b.key, at: b.at, reason: 'digest_altered' },
    });
    // Without the key, a forger can keep the body and hash intact but cannot sign.
    const first = await (await env.REPORTS.get(a.key))!.json<any>();
    await env.REPORTS.put(a.key, JSON.stringify({ ...first, signature: 'ab'.repeat(32) }));
    const listed = (await t.owner.get('/audit-log/digests')).body.items;
    expect(listed[0]).toMatchObject({ key: a.key, signatureValid: false });
    expect((await verify(t)).digests.firstMismatch).toEqual({
      key: a.key,
      at: a.at,
      reason: 'signature_invalid',
    });
  });

  it('digests written at once (HR and the cron, say) still form one line', async () => {
    const t = await newTenant();
    const made = await Promise.all(Array.from({ length: 5 }, () => t.owner.post('/audit-log/digests')));
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const listed = (await t.owner.get('/audit-log/digests')).body.items;
    expect(listed).toHaveLength(5);
    expect(listed.map((d: any) => d.previousDigestHash)).toEqual([
      null,
      ...listed.slice(0, -1).map((d: any) => d.digestHash),
    ]);
    expect(await verify(t)).toMatchObject({ ok: true, digests: { checked: 5, ok: true } });
  });

  it('HR writes digests, readers list them, nobody sees another tenant’s; the daily cron writes one per tenant', async () => {
    const t = await newTenant();
    const other = await newTenant();
    await digest(t);
    const supervisor = await t.userWith('supervisor');
    expectError(await supervisor.post('/audit-log/digests'), 403, 'FORBIDDEN');
    const auditor = await t.userWith('auditor');
    expectError(await auditor.post('/audit-log/digests'), 403, 'FORBIDDEN');
    expect((await auditor.get('/audit-log/digests')).body.items).toHaveLength(1);
    const key = await t.keyWith('audit:read');
    expect((await key.get('/audit-log/digests')).body.items).toHaveLength(1);
    expectError(await key.post('/audit-log/digests'), 403, 'FORBIDDEN');
    expect((await other.owner.get('/audit-log/digests')).body.items).toEqual([]);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect((await t.owner.get('/audit-log/digests')).body.items).toHaveLength(2);
    const cron = (await other.owner.get('/audit-log/digests')).body.items;
    expect(cron).toHaveLength(1);
    expect(cron[0]).toMatchObject({ previousDigestHash: null, signatureValid: true });
    expect(await verify(t)).toMatchObject({ ok: true, digests: { checked: 2, ok: true } });
  });
});
