import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { type Access, type Authorizer, authorize } from '../access/authorize';
import { type ErrorCode, errorStatus } from '../lib/errors';
import { jsonText } from '../middleware/json-text';
import { errorBodySchema } from './schemas';

type RouteWithAccess = Omit<RouteConfig, 'middleware'> & { access: Access };

function describeAccess(access: Access) {
  if ('public' in access) return { public: true };
  return { roles: [...access.roles], scopes: [...access.scopes] };
}

/**
 * createRoute plus the one required statement of who may call it. The authorizer runs before
 * validation; the same declaration is published in the OpenAPI document as `x-access`, and
 * bearer/cookie security is stated for every non-public route.
 */
export function defineRoute<P extends string, R extends Omit<RouteWithAccess, 'path'> & { path: P }>(
  config: R,
) {
  const { access, ...rest } = config;
  const security = 'public' in access ? [] : [{ bearer: [] }, { session: [] }];
  // Who may call first, then the body's text, then (by zod-openapi) its shape.
  const middleware: [Authorizer, typeof jsonText] = [authorize(access), jsonText];
  const route = { ...rest, middleware, security, 'x-access': describeAccess(access) };
  return createRoute(route as Omit<R, 'access'> & { middleware: [Authorizer, typeof jsonText] });
}

/** OpenAPI entries for the error answers a route can give. */
export function errorResponses(...codes: ErrorCode[]) {
  const statuses = new Set<number>([...codes.map((c) => errorStatus[c]), 401, 403, 500]);
  return Object.fromEntries(
    [...statuses].map((status) => [
      status,
      {
        description: codes.filter((c) => errorStatus[c] === status).join(', ') || 'error',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    ]),
  );
}

export const jsonBody = <T>(schema: T, description = 'JSON body') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
