import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type AuditRecord, hashRecord } from '../../../worker/audit/chain';
import { commit } from '../../../worker/audit/commit';
import type { TenantWriter } from '../../../worker/audit/writer';
import { dbFor } from '../../../worker/data/db';
import { through } from '../../helpers/app';
import type { Caller } from '../../helpers/client';
import { countingD1 } from '../../helpers/d1-counting';
import { writtenTable } from '../../helpers/d1-tap';
import { newTenant, type TestTenant } from '../../helpers/tenant';
import { writerOf } from '../../helpers/writer';
import { rows, show } from '../support';

/*
 * The tenant writer (worker/audit/writer.ts): a tenant's audited writes take turns, it holds the
 * chain head so that commit() does not read it per write, a holder that dies loses its turn,
 * and one that was taken for dead and commits after all cannot fork the chain.
 */

/** Lets a lease expire after `ms` in this tenant's writer (the production lease is 5 s). */
const shortLeases = (tenantId: string, ms: number) =>
  runInDurableObject(writerOf(tenantId), (writer: TenantWriter) => {
    writer.leaseMs = ms;
  });

async function expectVerified(t: TestTenant) {
  const chain = await rows<{ seq: number }>(
    'SELECT seq FROM audit_log WHERE tenant_id = ? ORDER BY seq',
    t.tenantId,
  );
  expect(
    chain.map((r) => r.seq),
    'seqs 1..n, no gap, no fork',
  ).toEqual(chain.map((_, i) => i + 1));
  const verify = await t.owner.get('/audit-log/verify');
  expect(verify.body, show(verify)).toMatchObject({ ok: true, checked: chain.length });
}

const newDepartment = (who: Caller, name: string) => who.post('/departments', { name, site: '一期' });

describe('the tenant writer', () => {
  it('hands the head to commit(): writes read no audit head from D1, and the writer read it once', async () => {
    const t = await newTenant();
    const counted = countingD1(env.DB);
    const owner = through(t.owner, { DB: counted.db });
    const before = await writerOf(t.tenantId).stats();
    for (let i = 0; i < 5; i++) expect((await newDepartment(owner, `部门${i}`)).status).toBe(201);
    const after = await writerOf(t.tenantId).stats();

    const auditReads = counted.statements.filter((s) => /\bfrom\s+"?audit_log"?/i.test(s.sql));
    expect(auditReads, 'no statement reads audit_log').toEqual([]);
    const appends = counted.statements.filter((s) => writtenTable(s.sql) === 'audit_log');
    expect(appends.map((s) => s.batch)).toEqual([1, 2, 3, 4, 5]);
    expect(after.granted - before.granted).toBe(5);
    // The head was read from D1 when the sign-up's write met a fresh writer, and not since.
    expect(after.headReads).toBe(1);
    expect(after.expired).toBe(0);
    await expectVerified(t);
  });

  it('a holder that never comes back loses its lease; the next write goes ahead', async () => {
    const t = await newTenant();
    await shortLeases(t.tenantId, 300);
    const writer = writerOf(t.tenantId);
    const dead = await writer.acquire(t.tenantId); // a Worker that died holding the lease
    const res = await newDepartment(t.owner, '客服部');
    expect(res.status, show(res)).toBe(201);
    const stats = await writer.stats();
    expect(stats).toMatchObject({ expired: 1, held: false, waiting: 0 });
    // Its release, should it come after all, is refused.
    expect(await writer.release(dead.id, 'unchanged')).toBe(false);
    await expectVerified(t);
  });

  it('a holder taken for dead that commits after all cannot fork the chain: the live write plans again', async () => {
    const t = await newTenant();
    await shortLeases(t.tenantId, 200);
    const writer = writerOf(t.tenantId);
    const zombie = await writer.acquire(t.tenantId);

    // The live write gets its turn once the zombie's lease expired, with the same head, and
    // is held inside its plan until the zombie has appended its entry after that head.
    let planned!: () => void;
    const inPlan = new Promise<void>((r) => {
      planned = r;
    });
    let resume!: () => void;
    const zombieDone = new Promise<void>((r) => {
      resume = r;
    });
    let runs = 0;
    const actor = {
      tenantId: t.tenantId,
      actorType: 'system' as const,
      actorId: 'test',
      requestId: 'req_live',
    };
    const live = commit(dbFor(env, t.tenantId), actor, async () => {
      runs += 1;
      planned();
      await zombieDone;
      return {
        statements: [],
        audit: [{ action: 'test.live', entityType: 'tenant', entityId: t.tenantId }],
        result: runs,
      };
    });
    await inPlan;

    const record: AuditRecord = {
      id: 'audit_zombie',
      tenantId: t.tenantId,
      seq: zombie.head.seq + 1,
      at: new Date().toISOString(),
      actorType: 'system',
      actorId: 'zombie',
      action: 'test.zombie',
      entityType: 'tenant',
      entityId: t.tenantId,
      before: null,
      after: null,
      requestId: 'req_zombie',
      prevHash: zombie.head.hash,
    };
    const hash = await hashRecord(record);
    await env.DB.prepare(
      `INSERT INTO audit_log (id, tenant_id, seq, at, actor_type, actor_id, action, entity_type, entity_id,
         before, after, request_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .bind(...Object.values(record), hash)
      .run();
    resume();

    expect(await live, 'the live plan ran again on the new head').toBe(2);
    const tail = await rows<{ action: string; prev_hash: string }>(
      'SELECT action, prev_hash FROM audit_log WHERE tenant_id = ? ORDER BY seq DESC LIMIT 2',
      t.tenantId,
    );
    expect(tail.map((r) => r.action)).toEqual(['test.live', 'test.zombie']);
    expect(tail[0]!.prev_hash).toBe(hash);
    expect(await writer.release(zombie.id, { seq: record.seq, hash })).toBe(false);
    await expectVerified(t);
  });

  it('writes of one tenant wait for each other, not for another tenant', async () => {
    const a = await newTenant();
    const b = await newTenant();
    const held = await writerOf(a.tenantId).acquire(a.tenantId);
    // b's writer is another object: its write goes through while a's lease is held.
    expect((await newDepartment(b.owner, '客服部')).status).toBe(201);
    const pending = newDepartment(a.owner, '客服部');
    await new Promise((r) => setTimeout(r, 100));
    expect(await writerOf(a.tenantId).stats()).toMatchObject({ waiting: 1, held: true });
    await writerOf(a.tenantId).release(held.id, 'unchanged');
    expect((await pending).status).toBe(201);
    await expectVerified(a);
    await expectVerified(b);
  });
});
