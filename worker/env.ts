// Imported, not global: the dashboard's type check reads this file with the DOM lib.
import type { Queue } from '@cloudflare/workers-types';
import type { KeyScope, Role } from '../db/schema';
import type { Lang } from './lib/i18n';
import type { RateLimiter } from './services/signup-limits';

/** Bindings declared in wrangler.toml. */
export interface Env {
  DB: D1Database;
  REPORTS: R2Bucket;
  /** Sign-ups per client address (services/signup-limits.ts). */
  SIGNUP_PER_CLIENT: RateLimiter;
  /** Sign-ups for the whole service. */
  SIGNUP_GLOBAL: RateLimiter;
  /** Report jobs: POST /reports sends, this Worker's queue handler consumes. */
  REPORT_JOBS: Queue<ReportJob>;
  /** The HMAC-SHA-256 key of the audit digests (a Workers secret; .dev.vars locally). */
  AUDIT_DIGEST_KEY: string;
  /** One writer per tenant: the order of its audited writes and its chain head. */
  TENANT_WRITER: DurableObjectNamespace;
}

/** One queued export: the report row says what to make; `attempt` spots stale messages. */
export interface ReportJob {
  tenantId: string;
  reportId: string;
  attempt: number;
}

/** A person signed in through the dashboard (session cookie). */
export interface UserPrincipal {
  kind: 'user';
  tenantId: string;
  userId: string;
  role: Role;
  sessionId: string;
  /**
   * The people whose evaluation and pay count as this principal's own: the user, and whoever
   * controls the account (an admin who created it or set its password), transitively.
   */
  selves: string[];
  /** Someone else set the password: nothing but choosing one's own until it is changed. */
  mustChangePassword: boolean;
}

/**
 * An integrator calling with `Authorization: Bearer pek_…`. A key acts for the person who
 * created it: never beyond that person's current role, never on their own evaluation.
 */
export interface KeyPrincipal {
  kind: 'api_key';
  tenantId: string;
  keyId: string;
  scopes: KeyScope[];
  /** The key's creator (or the admin it was handed over to), as the policy sees them. */
  createdBy: string;
  creatorRole: Role;
  /** As for a person: the creator and whoever controls the creator's account. */
  selves: string[];
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
