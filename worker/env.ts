import type { KeyScope, Role } from '../db/schema';
import type { Lang } from './lib/i18n';

/** Bindings declared in wrangler.toml. */
export interface Env {
  DB: D1Database;
  REPORTS: R2Bucket;
  /** One writer per tenant: the order of its audited writes and its chain head. */
  TENANT_WRITER: DurableObjectNamespace;
}

/** A person signed in through the dashboard (session cookie). */
export interface UserPrincipal {
  kind: 'user';
  tenantId: string;
  userId: string;
  role: Role;
  sessionId: string;
}

/** An integrator calling with `Authorization: Bearer pek_…`. */
export interface KeyPrincipal {
  kind: 'api_key';
  tenantId: string;
  keyId: string;
  scopes: KeyScope[];
}

export type Principal = UserPrincipal | KeyPrincipal;

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    lang: Lang;
    principal: Principal;
    /** The session's CSRF token, for cookie callers (returned by /me). */
    csrfToken: string | undefined;
  };
}
