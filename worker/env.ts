// Imported, not global: the dashboard's type check reads this file with the DOM lib.
import type { Queue } from '@cloudflare/workers-types';
import type { KeyScope, Role } from '../db/schema';
import type { Lang } from './lib/i18n';

/** Bindings declared in wrangler.toml. */
export interface Env {
  DB: D1Database;
  REPORTS: R2Bucket;
  /** Report jobs: POST /reports sends, this Worker's queue handler consumes. */
  REPORT_JOBS: Queue<ReportJob>;
  /** The HMAC-SHA-256 key of the audit digests (a Workers secret; .dev.vars locally). */
  AUDIT_DIGEST_KEY: string;
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
