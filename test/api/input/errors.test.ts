import { SELF } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { authorize } from '../../../worker/access/authorize';
import { createApp } from '../../../worker/app';
import { call, ORIGIN } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { expectError, fetchApp } from '../support';

const none = { kind: 'none' } as const;

describe('unknown routes and internal errors', () => {
  it('unknown routes answer a JSON 404 in the envelope', async () => {
    const t = await newTenant();
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/users/x/y/z'],
      ['DELETE', '/me'],
      ['PUT', '/users'],
    ] as const) {
      const anon = await call(none, method, path, { lang: 'en' });
      expectError(anon, 404, 'NOT_FOUND', `${method} ${path}`);
      expect(anon.body.error.message).toBe(`No such endpoint: ${method} /api/v1${path}`);
      expectError(await call(t.owner.creds, method, path), 404, 'NOT_FOUND', `signed in: ${method} ${path}`);
    }
    const outside = await SELF.fetch(`${ORIGIN}/favicon.ico`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('Content-Type')).toMatch(/application\/json/);
    const body: any = await outside.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toBe('没有这个接口：GET /favicon.ico');
  });

  it('a 500 shows no internals: no message, stack, file or SQL', async () => {
    const app = createApp();
    app.get('/api/v1/__boom', authorize({ public: true }), () => {
      throw new Error('SQLITE_ERROR near "DROP": secret-internal-detail at /worker/services/users.ts:42');
    });
    app.post('/api/v1/__boom-async', authorize({ public: true }), async () => {
      await Promise.resolve();
      throw new TypeError("Cannot read properties of undefined (reading 'passwordHash')");
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const [method, path] of [
        ['GET', '/api/v1/__boom'],
        ['POST', '/api/v1/__boom-async'],
      ] as const) {
        for (const lang of ['zh-CN', 'en'] as const) {
          const res = await fetchApp(app, path, { method, headers: { 'Accept-Language': lang } });
          expectError(res, 500, 'INTERNAL', `${method} ${path}`);
          expect(res.body.error.message).toBe(
            lang === 'en' ? 'Internal error; please retry later' : '服务器内部错误，请稍后重试',
          );
          expect(res.body.error.details).toBeUndefined();
          const text = JSON.stringify(res.body);
          for (const leak of [
            'secret-internal-detail',
            'SQLITE',
            'users.ts',
            'passwordHash',
            'TypeError',
            'at ',
            'stack',
          ]) {
            expect(text, `the 500 body leaks "${leak}"`).not.toContain(leak);
          }
        }
      }
      // It is logged server-side, with the request id, for whoever operates the service.
      expect(logged).toHaveBeenCalled();
      expect(String(logged.mock.calls[0]?.[0])).toContain('secret-internal-detail');
    } finally {
      logged.mockRestore();
    }
  });
});

describe('API documentation', () => {
  it('GET /api/v1/openapi.json is an OpenAPI 3.1 document, public', async () => {
    const res = await call(none, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(res.body.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(res.body.paths).length).toBeGreaterThan(5);
    expect(res.body.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'jx_session' },
    });
    expect(res.body.components.schemas.Error).toBeDefined();
  });

  it('GET /api/v1/docs is an HTML page that loads nothing from another host', async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/v1/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    // Its script and style are its own files (a strict CSP allows nothing inline).
    const linked = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/gi)].map((m) => m[1]!);
    expect(linked.sort()).toEqual(['/api/v1/docs/docs.css', '/api/v1/docs/docs.js']);
    const script = await (await SELF.fetch(`${ORIGIN}/api/v1/docs/docs.js`)).text();
    const style = await (await SELF.fetch(`${ORIGIN}/api/v1/docs/docs.css`)).text();
    expect(script, 'it renders the live document').toContain("fetch('openapi.json'");
    for (const [what, text] of Object.entries({ html, script, style })) {
      expect(text.match(/https?:\/\/[^\s"'<>)]*/g) ?? [], `absolute URLs in the ${what}`).toEqual([]);
      expect(
        text.match(/(?:src|href)\s*=\s*["']?\/\//gi) ?? [],
        `protocol-relative URLs in the ${what}`,
      ).toEqual([]);
      expect(text.match(/@import|url\(/gi) ?? [], `CSS imports in the ${what}`).toEqual([]);
    }
    expect(html.match(/<(?:img|iframe)[^>]+(?:src|href)=/gi) ?? [], 'external resources').toEqual([]);
  });
});
