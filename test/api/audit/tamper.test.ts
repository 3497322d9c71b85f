import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type AuditRecord, hashRecord } from '../../../worker/audit/chain';
import { newTenant, PASSWORD, type TestTenant } from '../../helpers/tenant';
import { rows, show } from '../support';

// This file drops the append-only triggers to play an attacker with raw database access.
// Storage is per test file, so no other file sees the change; the trigger test runs first.

async function tenantWithHistory(): Promise<TestTenant> {
  const t = await newTenant();
  for (let i = 1; i <= 3; i++) {
    const res = await t.owner.post('/users', {
      email: `u${i}@x.example`,
      name: `员工${i}`,
      role: 'employee',
      password: PASSWORD,
    });
    expect(res.status, show(res)).toBe(201);
  }
  return t; // seq 1 tenant.create, 2 user.create (owner), 3..5 user.create
}

const rowAt = async (t: TestTenant, seq: number) =>
  (
    await rows<Record<string, any>>(
      'SELECT * FROM audit_log WHERE tenant_id = ? AND seq = ?',
      t.tenantId,
      seq,
    )
  )[0]!;

/** These tenants never wrote a digest (test/api/audit/digests.test.ts covers them). */
const NO_DIGESTS = { checked: 0, ok: true };

async function verify(t: TestTenant) {
  const res = await t.owner.get('/audit-log/verify');
  expect(res.status, show(res)).toBe(200);
  return res.body;
}

describe('audit log tampering', () => {
  it('the database itself refuses UPDATE and DELETE on audit_log', async () => {
    const t = await tenantWithHistory();
    const first = await rowAt(t, 1);
    await expect(
      env.DB.prepare(`UPDATE audit_log SET after = '{"name":"forged"}' WHERE id = ?`).bind(first.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM audit_log WHERE id = ?').bind(first.id).run()).rejects.toThrow(
      /append-only/,
    );
    expect(await rowAt(t, 1), 'the row is untouched').toEqual(first);
    expect(await verify(t)).toMatchObject({ ok: true, checked: 5 });
  });

  it('with the triggers dropped, verify names exactly the edited row, the broken link and the gap', async () => {
    await env.DB.prepare('DROP TRIGGER IF EXISTS audit_log_no_update').run();
    await env.DB.prepare('DROP TRIGGER IF EXISTS audit_log_no_delete').run();

    const edited = await tenantWithHistory();
    const relinked = await tenantWithHistory();
    const rehashed = await tenantWithHistory();
    const gapped = await tenantWithHistory();
    const untouched = await tenantWithHistory();
    for (const t of [edited, relinked, rehashed, gapped, untouched]) {
      expect(await verify(t), 'every chain starts intact').toMatchObject({ ok: true, checked: 5 });
    }

    // 1. Someone rewrites what an entry says.
    const e3 = await rowAt(edited, 3);
    await env.DB.prepare('UPDATE audit_log SET after = ? WHERE id = ?')
      .bind(e3.after.replace('员工1', '别人'), e3.id)
      .run();
    expect(await verify(edited)).toEqual({
      ok: false,
      checked: 2,
      firstBad: { id: e3.id, seq: 3, reason: 'hash_mismatch' },
      digests: NO_DIGESTS,
    });

    // 2. In another tenant, someone breaks a prev_hash link.
    const r4 = await rowAt(relinked, 4);
    await env.DB.prepare('UPDATE audit_log SET prev_hash = ? WHERE id = ?').bind('f'.repeat(64), r4.id).run();
    expect(await verify(relinked)).toEqual({
      ok: false,
      checked: 3,
      firstBad: { id: r4.id, seq: 4, reason: 'broken_link' },
      digests: NO_DIGESTS,
    });

    // 3. A careful attacker edits an entry and recomputes its hash: the next entry no longer links.
    const h2 = await rowAt(rehashed, 2);
    const forged: AuditRecord = {
      id: h2.id,
      tenantId: h2.tenant_id,
      seq: h2.seq,
      at: h2.at,
      actorType: h2.actor_type,
      actorId: h2.actor_id,
      action: h2.action,
      entityType: h2.entity_type,
      entityId: h2.entity_id,
      before: h2.before,
      after: h2.after.replace('"owner"', '"employee"'),
      requestId: h2.request_id,
      prevHash: h2.prev_hash,
    };
    await env.DB.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE id = ?')
      .bind(forged.after, await hashRecord(forged), h2.id)
      .run();
    const h3 = await rowAt(rehashed, 3);
    expect(await verify(rehashed)).toEqual({
      ok: false,
      checked: 2,
      firstBad: { id: h3.id, seq: 3, reason: 'broken_link' },
      digests: NO_DIGESTS,
    });

    // 4. Someone deletes an entry.
    await env.DB.prepare('DELETE FROM audit_log WHERE tenant_id = ? AND seq = 2').bind(gapped.tenantId).run();
    const g3 = await rowAt(gapped, 3);
    expect(await verify(gapped)).toEqual({
      ok: false,
      checked: 1,
      firstBad: { id: g3.id, seq: 3, reason: 'missing_seq' },
      digests: NO_DIGESTS,
    });

    // The other tenant's chain is not affected by any of it.
    const ok = await verify(untouched);
    expect(ok).toEqual({
      ok: true,
      checked: 5,
      headHash: (await rowAt(untouched, 5)).hash,
      digests: NO_DIGESTS,
    });

    // Auditors see the same verdict.
    const auditor = await edited.userWith('auditor');
    expect((await auditor.get('/audit-log/verify')).body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: 'hash_mismatch' },
    });
  });
});
