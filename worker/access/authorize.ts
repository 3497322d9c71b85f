import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { KeyScope, Role } from '../../db/schema';
import type { AppEnv, Principal } from '../env';
import { ApiError } from '../lib/errors';
import type { Lang } from '../lib/i18n';
import { authenticate } from './authenticate';
import { assertCsrf } from './csrf';
import { nameRoles } from './roles';

/** What a route accepts: people by role, integrators by key scope (any one of them). */
export type Access =
  | { public: true }
  | {
      roles: readonly Role[];
      scopes: readonly KeyScope[];
      /** Open to a person whose password someone else set (who/me, sign out, change it). */
      beforeOwnPassword?: true;
    };

const ACCESS = Symbol('access');
export type Authorizer = MiddlewareHandler<AppEnv> & { [ACCESS]: Access };

/** The declared access of a handler, if it is an authorizer. */
export function declaredAccess(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? (handler as Partial<Authorizer>)[ACCESS] : undefined;
}

/**
 * A refusal that says who would be allowed: the roles for a person, the scopes for a key, or
 * that the route is for the other kind of caller only. `details.allowed` says it for programs.
 */
function refusal(access: Exclude<Access, { public: true }>, principal: Principal, lang: Lang): ApiError {
  const allowed = { roles: [...access.roles], scopes: [...access.scopes] };
  const scopes = access.scopes.join(', ');
  if (principal.kind === 'user') {
    return access.roles.length === 0
      ? new ApiError('FORBIDDEN', {
          message: 'FORBIDDEN_KEYS_ONLY',
          params: { scopes },
          details: { allowed },
        })
      : new ApiError('FORBIDDEN', {
          message: 'FORBIDDEN_ROLE',
          params: { role: nameRoles([principal.role], lang), allowed: nameRoles(access.roles, lang) },
          details: { allowed },
        });
  }
  return access.scopes.length === 0
    ? new ApiError('FORBIDDEN', {
        message: 'FORBIDDEN_USERS_ONLY',
        params: { roles: nameRoles(access.roles, lang) },
        details: { allowed },
      })
    : new ApiError('FORBIDDEN', {
        message: 'FORBIDDEN_SCOPE',
        params: { allowed: scopes },
        details: { allowed },
      });
}

/** Authenticates the caller and checks role or scope (and CSRF for cookie writes). */
export function authorize(access: Access): Authorizer {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ('public' in access) return next();
    const { principal, csrfToken } = await authenticate(c);
    if (principal.kind === 'user') {
      if (!access.roles.includes(principal.role)) throw refusal(access, principal, c.get('lang'));
      if (csrfToken !== undefined) assertCsrf(c, csrfToken);
      // Whoever set the password could be the one signing in: nothing until it is the person's own.
      if (principal.mustChangePassword && !access.beforeOwnPassword)
        throw new ApiError('FORBIDDEN', {
          message: 'PASSWORD_CHANGE_REQUIRED',
          details: { rule: 'password_change_required' },
        });
    } else if (!access.scopes.some((s) => principal.scopes.includes(s))) {
      throw refusal(access, principal, c.get('lang'));
    }
    c.set('principal', principal);
    c.set('csrfToken', csrfToken);
    return next();
  };
  return Object.assign(middleware, { [ACCESS]: access });
}

/**
 * Middleware registered with `use` has method ALL and a wildcard path; anything else that
 * matched, including `app.all('/concrete/path', …)`, is a route and must declare access.
 */
const isRoute = (r: { method: string; path: string }) => r.method !== 'ALL' || !r.path.endsWith('*');

/**
 * Fail closed: runs before any route and refuses one whose matched handlers include no
 * authorizer, so a route added without declaring who may call it answers 403, never data.
 */
export const failClosed: MiddlewareHandler<AppEnv> = async (c, next) => {
  const own = matchedRoutes(c).filter(isRoute);
  if (own.length > 0 && !own.some((r) => declaredAccess(r.handler))) {
    throw new ApiError('FORBIDDEN', { message: 'FORBIDDEN_UNDECLARED' });
  }
  return next();
};
