import type { Context } from 'hono';
import type { Actor } from '../audit/commit';
import { type Db, dbFor } from '../data/db';
import type { AppEnv, Principal } from '../env';
import type { Lang } from '../lib/i18n';

/** Everything a service needs about the caller; built once per request from the principal. */
export interface Scope {
  db: Db;
  tenantId: string;
  principal: Principal;
  actor: Actor;
  lang: Lang;
}

/** The tenant always comes from the authenticated principal, never from path or body. */
export function scopeOf(c: Context<AppEnv>): Scope {
  const principal = c.get('principal');
  const tenantId = principal.tenantId;
  return {
    db: dbFor(c.env, tenantId),
    tenantId,
    principal,
    lang: c.get('lang'),
    actor: {
      tenantId,
      actorType: principal.kind,
      actorId: principal.kind === 'user' ? principal.userId : principal.keyId,
      requestId: c.get('requestId'),
    },
  };
}
