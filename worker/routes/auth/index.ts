import type { z } from '@hono/zod-openapi';
import { keyScopes } from '../../../db/schema';
import { creatableRoles } from '../../access/policy';
import { EVERYONE } from '../../access/roles';
import { directoryDb } from '../../data/db';
import { loadTenant, login, logout, signup } from '../../services/auth';
import { scopeOf } from '../../services/scope';
import { assertSignupAllowed } from '../../services/signup-limits';
import { changeOwnPassword, findUser, publicUser } from '../../services/users';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { clearSessionCookie, setSessionCookie } from './cookie';
import { loginBody, meAnswer, passwordChangeBody, sessionAnswer, signupBody } from './schema';

const signupRoute = defineRoute({
  method: 'post',
  path: '/signup',
  tags: ['Auth'],
  operationId: 'signup',
  summary: 'Sign up a company (tenant) and its owner; signs the owner in',
  access: { public: true },
  request: { body: jsonBody(signupBody) },
  responses: {
    201: jsonResponse(sessionAnswer, 'Created and signed in'),
    ...errorResponses(
      'VALIDATION_FAILED',
      { code: 'CONFLICT', message: 'SLUG_TAKEN' },
      { code: 'TOO_MANY_REQUESTS', message: 'SIGNUP_RATE_LIMITED' },
    ),
  },
});

const loginRoute = defineRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Auth'],
  operationId: 'login',
  summary: 'Sign in with company slug, e-mail and password (sets the session cookie)',
  access: { public: true },
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonResponse(sessionAnswer, 'Signed in'),
    ...errorResponses(
      'VALIDATION_FAILED',
      { code: 'UNAUTHORIZED', message: 'LOGIN_FAILED' },
      'TOO_MANY_REQUESTS',
    ),
  },
});

const logoutRoute = defineRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Auth'],
  operationId: 'logout',
  summary: 'End the current session',
  access: { roles: EVERYONE, scopes: [], beforeOwnPassword: true },
  responses: { 204: { description: 'Signed out' }, ...errorResponses('CSRF_FAILED') },
});

const meRoute = defineRoute({
  method: 'get',
  path: '/me',
  tags: ['Auth'],
  operationId: 'me',
  summary: 'Who am I: the signed-in user or the calling API key, and the tenant',
  access: { roles: EVERYONE, scopes: keyScopes, beforeOwnPassword: true },
  responses: { 200: jsonResponse(meAnswer, 'The caller') },
});

const passwordRoute = defineRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['Auth'],
  operationId: 'changePassword',
  summary: 'Change your own password',
  access: { roles: EVERYONE, scopes: [], beforeOwnPassword: true },
  request: { body: jsonBody(passwordChangeBody) },
  responses: {
    204: { description: 'Changed' },
    ...errorResponses('VALIDATION_FAILED', { code: 'FORBIDDEN', message: 'WRONG_CURRENT_PASSWORD' }),
  },
});

const clientIp = (h: (name: string) => string | undefined) => h('CF-Connecting-IP') ?? 'unknown';

export const authRoutes = router()
  .openapi(signupRoute, async (c) => {
    await assertSignupAllowed(
      { perClient: c.env.SIGNUP_PER_CLIENT, global: c.env.SIGNUP_GLOBAL },
      clientIp((n) => c.req.header(n)),
    );
    const out = await signup(directoryDb(c.env), c.get('requestId'), c.req.valid('json'));
    setSessionCookie(c, out.session.token, out.session.expiresAt);
    return c.json({ tenant: out.tenant, user: out.user, csrfToken: out.session.csrfToken }, 201);
  })
  .openapi(loginRoute, async (c) => {
    const out = await login(
      directoryDb(c.env),
      c.get('requestId'),
      c.req.valid('json'),
      clientIp((n) => c.req.header(n)),
    );
    setSessionCookie(c, out.session.token, out.session.expiresAt);
    return c.json({ tenant: out.tenant, user: out.user, csrfToken: out.session.csrfToken }, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const scope = scopeOf(c);
    if (scope.principal.kind === 'user') {
      await logout(scope.db, scope.actor, scope.principal.sessionId);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(passwordRoute, async (c) => {
    const body = c.req.valid('json');
    await changeOwnPassword(scopeOf(c), body.currentPassword, body.newPassword);
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const scope = scopeOf(c);
    const tenant = await loadTenant(scope.db, scope.tenantId);
    const p = scope.principal;
    const principal =
      p.kind === 'user'
        ? {
            kind: 'user' as const,
            user: publicUser(await findUser(scope, p.userId)),
            csrfToken: c.get('csrfToken') ?? '',
            creatableRoles: creatableRoles(p),
          }
        : { kind: 'api_key' as const, keyId: p.keyId, scopes: p.scopes }; // shows, not decides
    return c.json({ tenant, principal }, 200);
  });

export type MeAnswer = z.infer<typeof meAnswer>;
