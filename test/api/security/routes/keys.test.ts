import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { caller } from '../../../helpers/client';
import { newTenant } from '../../../helpers/tenant';
import { expectError, show } from '../../support';

describe('revoked and expired keys', () => {
  it('a revoked key is 401 at once, on every route it could reach', async () => {
    const t = await newTenant();
    const key = await t.keyWith('audit:read');
    expect((await key.get('/audit-log')).status).toBe(200);
    const revoked = await t.owner.post(`/api-keys/${key.keyId}/revoke`);
    expect(revoked.status, show(revoked)).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    for (const path of ['/me', '/audit-log', '/audit-log/verify']) {
      const res = await key.get(path, { lang: 'en' });
      expectError(res, 401, 'UNAUTHORIZED', `revoked key → GET ${path}`);
      expect(res.body.error.message).toBe('The API key is revoked');
    }
  });

  it('a key past its expiresAt is 401 (expiry set in D1)', async () => {
    const t = await newTenant();
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const created = await t.owner.post('/api-keys', {
      name: 'short-lived',
      scopes: ['audit:read'],
      expiresAt,
    });
    expect(created.status, show(created)).toBe(201);
    expect(created.body.key.expiresAt).toBe(expiresAt);
    const key = caller({ kind: 'key', secret: created.body.secret });
    expect((await key.get('/audit-log')).status).toBe(200);
    await env.DB.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), created.body.key.id)
      .run();
    for (const path of ['/me', '/audit-log']) {
      const res = await key.get(path, { lang: 'en' });
      expectError(res, 401, 'UNAUTHORIZED', `expired key → GET ${path}`);
      expect(res.body.error.message).toBe('The API key has expired');
    }
  });

  it('a key expires by the clock, to the millisecond (no D1 edit)', async () => {
    const t = await newTenant();
    // Whole seconds without milliseconds, the way an integrator may well write it.
    const expiresAt = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000)
      .toISOString()
      .replace('.000Z', 'Z');
    const created = await t.owner.post('/api-keys', { name: 'ticking', scopes: ['org:read'], expiresAt });
    expect(created.status, show(created)).toBe(201);
    expect(created.body.key.expiresAt, 'stored in the canonical form').toBe(expiresAt.replace('Z', '.000Z'));
    const key = caller({ kind: 'key', secret: created.body.secret });
    expect((await key.get('/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 5));
    expectError(await key.get('/me'), 401, 'UNAUTHORIZED', 'after expiresAt');
  });

  it('a key cannot be created already expired', async () => {
    const t = await newTenant();
    const res = await t.owner.post(
      '/api-keys',
      { name: 'stale', scopes: ['org:read'], expiresAt: '2000-01-01T00:00:00.000Z' },
      { lang: 'en' },
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { field: 'expiresAt', code: 'custom', message: 'expiresAt must be in the future' },
    ]);
  });
});
