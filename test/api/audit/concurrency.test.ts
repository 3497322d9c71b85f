import { describe, expect, it } from 'vitest';
import { newTenant, PASSWORD, type TestTenant } from '../../helpers/tenant';
import { rows, show } from '../support';

async function expectOneUnbrokenChain(t: TestTenant, expectedEntries: number) {
  const chain = await rows<{ seq: number; prev_hash: string; hash: string }>(
    'SELECT seq, prev_hash, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq',
    t.tenantId,
  );
  expect(
    chain.map((r) => r.seq),
    'seqs 1..n without gaps',
  ).toEqual(Array.from({ length: expectedEntries }, (_, i) => i + 1));
  chain.forEach((r, i) => {
    if (i > 0) expect(r.prev_hash, `seq ${r.seq} links to seq ${i}`).toBe(chain[i - 1]!.hash);
  });
  const verify = await t.owner.get('/audit-log/verify');
  expect(verify.body, show(verify)).toEqual({
    ok: true,
    checked: expectedEntries,
    headHash: chain.at(-1)!.hash,
    digests: { checked: 0, ok: true },
  });
}

describe('concurrent writes', () => {
  it('20 user creations at once all succeed and leave one unbroken chain', async () => {
    const t = await newTenant();
    const before = (await rows('SELECT id FROM audit_log WHERE tenant_id = ?', t.tenantId)).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.owner.post('/users', {
          email: `c${i}@x.example`,
          name: `并发${i}`,
          role: 'employee',
          password: PASSWORD,
        }),
      ),
    );
    for (const [i, r] of results.entries()) expect(r.status, `creation ${i}: ${show(r)}`).toBe(201);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(20);

    const entries = await rows<{ entity_id: string; request_id: string }>(
      "SELECT entity_id, request_id FROM audit_log WHERE tenant_id = ? AND action = 'user.create'",
      t.tenantId,
    );
    for (const r of results) {
      const mine = entries.filter((e) => e.entity_id === r.body.id);
      expect(mine, `exactly one entry for ${r.body.id}`).toHaveLength(1);
      expect(mine[0]!.request_id).toBe(r.headers.get('X-Request-Id'));
    }
    await expectOneUnbrokenChain(t, before + 20);
  });

  it('20 key creations at once, mixed with revocations, in two tenants, leave two unbroken chains', async () => {
    const a = await newTenant();
    const b = await newTenant();
    const startA = (await rows('SELECT id FROM audit_log WHERE tenant_id = ?', a.tenantId)).length;
    const startB = (await rows('SELECT id FROM audit_log WHERE tenant_id = ?', b.tenantId)).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).owner.post('/api-keys', { name: `k${i}`, scopes: ['org:read'] }),
      ),
    );
    for (const [i, r] of results.entries()) expect(r.status, `key ${i}: ${show(r)}`).toBe(201);
    const revokes = await Promise.all(
      results.slice(0, 10).map((r, i) => (i % 2 ? a : b).owner.post(`/api-keys/${r.body.key.id}/revoke`)),
    );
    for (const [i, r] of revokes.entries()) expect(r.status, `revoke ${i}: ${show(r)}`).toBe(200);
    await expectOneUnbrokenChain(a, startA + 10 + 5);
    await expectOneUnbrokenChain(b, startB + 10 + 5);
  });
});
