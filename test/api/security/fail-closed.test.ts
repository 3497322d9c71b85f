import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { keyScopes, roles } from '../../../db/schema';
import { type Access, authorize, declaredAccess } from '../../../worker/access/authorize';
import { EVERYONE } from '../../../worker/access/roles';
import { type App, createApp } from '../../../worker/app';
import { newTenant } from '../../helpers/tenant';
import { expectError, fetchApp, label, operations, show } from '../support';

interface RouteGroup {
  method: string;
  path: string;
  access: Access[];
}

/**
 * Every route of an app, grouped by method and path, with the access its handlers declare.
 * Middleware registered with `use` (method ALL on a wildcard path) is not a route; `app.all`
 * on a concrete path is.
 */
function routeGroups(app: App | OpenAPIHono): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const r of app.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue;
    const k = `${r.method} ${r.path}`;
    const g = groups.get(k) ?? { method: r.method, path: r.path, access: [] };
    const a = declaredAccess(r.handler);
    if (a) g.access.push(a);
    groups.set(k, g);
  }
  return [...groups.values()];
}

const undeclared = (app: App | OpenAPIHono) => routeGroups(app).filter((g) => g.access.length === 0);

describe('no route without declared access', () => {
  it('every route of createApp() has an authorizer among its handlers', () => {
    const groups = routeGroups(createApp());
    expect(groups.length).toBeGreaterThan(10);
    expect(
      undeclared(createApp()).map((g) => `${g.method} ${g.path}`),
      'routes without authorize(...) / defineRoute({ access })',
    ).toEqual([]);
  });

  it('public routes are exactly sign-up, login, the OpenAPI document and the docs page with its script and style', () => {
    const open = routeGroups(createApp())
      .filter((g) => g.access.some((a) => 'public' in a))
      .map((g) => `${g.method} ${g.path}`)
      .sort();
    expect(open).toEqual(
      [
        'GET /api/v1/docs',
        'GET /api/v1/docs/docs.css',
        'GET /api/v1/docs/docs.js',
        'GET /api/v1/openapi.json',
        'POST /api/v1/auth/login',
        'POST /api/v1/signup',
      ].sort(),
    );
  });

  it('every OpenAPI operation publishes x-access, well-formed and equal to what the route enforces', async () => {
    const groups = routeGroups(createApp());
    for (const op of await operations()) {
      const a = op.access;
      expect(a, `${label(op)} has x-access`).toBeDefined();
      if (a && 'public' in a) {
        expect(a, label(op)).toEqual({ public: true });
      } else {
        expect(Object.keys(a!).sort(), label(op)).toEqual(['roles', 'scopes']);
        for (const r of a!.roles) expect(roles as readonly string[], `${label(op)} role ${r}`).toContain(r);
        for (const s of a!.scopes)
          expect(keyScopes as readonly string[], `${label(op)} scope ${s}`).toContain(s);
        expect(a!.roles.length + a!.scopes.length, `${label(op)} admits someone`).toBeGreaterThan(0);
      }
      const honoPath = `/api/v1${op.path}`.replace(/\{([^}]+)\}/g, ':$1');
      const g = groups.find((x) => x.method === op.method && x.path === honoPath);
      expect(g, `${label(op)} is a route of createApp()`).toBeDefined();
      const enforced = g!.access.map((x) =>
        'public' in x ? { public: true } : { roles: [...x.roles], scopes: [...x.scopes] },
      );
      expect(enforced, `${label(op)}: the published x-access is what is enforced`).toEqual([a]);
    }
  });

  it('a route added without access answers 403 at runtime, and the sweep above would name it', async () => {
    const app = createApp();
    let ran = 0;
    const leak = (c: any) => {
      ran += 1;
      return c.json({ secret: 's3cr3t-data' });
    };
    app.get('/api/v1/__naked', leak);
    app.post('/api/v1/__naked', leak);
    app.all('/api/v1/__naked-all', leak);
    app.get('/__outside-api', leak);
    const sub = new OpenAPIHono();
    sub.delete('/__naked-sub/:id', leak);
    app.route('/api/v1', sub);
    // A route that does declare access, for contrast.
    app.get('/api/v1/__declared', authorize({ roles: EVERYONE, scopes: [] }), (c) => c.json({ fine: true }));

    expect(
      undeclared(app)
        .map((g) => `${g.method} ${g.path}`)
        .sort(),
    ).toEqual(
      [
        'ALL /api/v1/__naked-all',
        'DELETE /api/v1/__naked-sub/:id',
        'GET /__outside-api',
        'GET /api/v1/__naked',
        'POST /api/v1/__naked',
      ].sort(),
    );

    const t = await newTenant();
    const cookie = (t.owner.creds as { cookie: string }).cookie;
    const csrf = (t.owner.creds as { csrf: string }).csrf;
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: 'http://localhost' };
    for (const [method, path] of [
      ['GET', '/api/v1/__naked'],
      ['POST', '/api/v1/__naked'],
      ['GET', '/api/v1/__naked-all'],
      ['PUT', '/api/v1/__naked-all'],
      ['DELETE', '/api/v1/__naked-sub/x1'],
      ['GET', '/__outside-api'],
    ] as const) {
      for (const h of [{}, headers]) {
        const res = await fetchApp(app, path, { method, headers: h });
        expectError(res, 403, 'FORBIDDEN', `${method} ${path}`);
        expect(JSON.stringify(res.body), `${method} ${path}`).not.toContain('s3cr3t');
      }
    }
    expect(ran, 'the undeclared handlers never ran').toBe(0);

    const ok = await fetchApp(app, '/api/v1/__declared', { headers });
    expect(ok.status, show(ok)).toBe(200);
    const anon = await fetchApp(app, '/api/v1/__declared');
    expectError(anon, 401, 'UNAUTHORIZED', 'declared route without credentials');
  });
});
