import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { safeEqual } from '../lib/crypto';
import { ApiError } from '../lib/errors';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Hono's csrf() skips JSON bodies, so cookie-authenticated writes are checked here: the
 * session's token must come back in a header (a cross-site form cannot set one) and the
 * Origin must be ours. Browsers send Origin on every request that is not GET or HEAD, so a
 * write without one is refused; Referer is no substitute.
 */
export function assertCsrf(c: Context<AppEnv>, sessionToken: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const sent = c.req.header(CSRF_HEADER) ?? '';
  const origin = c.req.header('Origin');
  if (!sent || !safeEqual(sent, sessionToken) || origin !== new URL(c.req.url).origin) {
    throw new ApiError('CSRF_FAILED');
  }
}
