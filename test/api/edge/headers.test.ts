import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { show } from '../support';

const none = { kind: 'none' } as const;

/** What every API answer carries, whoever asks and however it ends. */
function expectApiHeaders(h: Headers, what: string) {
  expect(h.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(h.get('X-Frame-Options'), what).toBe('DENY');
  expect(h.get('Content-Security-Policy'), what).toMatch(/frame-ancestors 'none'/);
  expect(h.get('Referrer-Policy'), what).toBe('no-referrer');
  expect(h.get('Strict-Transport-Security'), what).toMatch(/max-age=\d+/);
}

describe('API headers (Hono secure-headers)', () => {
  it('authenticated answers, by session and by key, success or error, are no-store and nosniff', async () => {
    const t = await newTenant();
    const key = await t.keyWith('metrics:write');
    const answers = {
      'GET /me (session)': await t.owner.get('/me'),
      'GET /me (key)': await key.get('/me'),
      'GET /departments/nope (404)': await t.owner.get('/departments/dep_nope'),
      'GET /audit-log (key: 403)': await key.get('/audit-log'),
      'POST /departments (400)': await t.owner.post('/departments', {}),
    };
    for (const [what, res] of Object.entries(answers)) {
      expectApiHeaders(res.headers, `${what}: ${show(res)}`);
      expect(res.headers.get('Cache-Control'), what).toBe('no-store');
      expect(res.headers.get('Content-Security-Policy'), what).toMatch(/default-src 'none'/);
    }
  });

  it('sign-in answers (they carry the CSRF token) and refusals are no-store too', async () => {
    const noKey = await call(none, 'GET', '/me');
    expect(noKey.status).toBe(401);
    expectApiHeaders(noKey.headers, show(noKey));
    expect(noKey.headers.get('Cache-Control')).toBe('no-store');
    const t = await newTenant();
    const login = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: t.email, password: 'correct-horse-42' },
    });
    expect(login.status, show(login)).toBe(200);
    expect(login.headers.get('Cache-Control')).toBe('no-store');
  });

  it('the API reference page runs under its own strict CSP: no inline script or style', async () => {
    const res = await SELF.fetch('http://localhost/api/v1/docs');
    const html = await res.text();
    expect(res.status).toBe(200);
    expectApiHeaders(res.headers, 'docs');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html, 'every <script> has a src').not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html, 'no <style> element').not.toMatch(/<style/);
    expect(html, 'no style attribute').not.toMatch(/\sstyle=/);
    expect(html, 'no inline event handler').not.toMatch(/\son[a-z]+=/);
    for (const [path, type] of [
      ['/api/v1/docs/docs.js', 'text/javascript'],
      ['/api/v1/docs/docs.css', 'text/css'],
    ] as const) {
      const asset = await SELF.fetch(`http://localhost${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('Content-Type'), path).toContain(type);
      expect(asset.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect((await asset.text()).length, path).toBeGreaterThan(100);
    }
  });
});
