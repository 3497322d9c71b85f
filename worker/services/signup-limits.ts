import { ApiError } from '../lib/errors';

/**
 * Sign-up is the one unauthenticated write, and each costs a company, an owner and a
 * 100,000-iteration PBKDF2. Two Workers Rate Limiting bindings (wrangler.toml [[ratelimits]])
 * cap it: per client address, so one script cannot mint companies, and for the whole service,
 * so many addresses together cannot either. The bindings count per Cloudflare location and
 * approximately, which is right for bursts; login failures are counted exactly in D1
 * (services/throttle.ts).
 */
/** The Workers Rate Limiting binding, as much of it as we use (named here, not as a global,
 * so the dashboard's type check of the route types needs no Workers globals). */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export interface SignupLimits {
  perClient: RateLimiter;
  global: RateLimiter;
}

/** Both bindings are declared with this period (seconds); a refused caller waits one period. */
export const SIGNUP_LIMIT_PERIOD_S = 60;

const refused = () =>
  new ApiError('TOO_MANY_REQUESTS', {
    message: 'SIGNUP_RATE_LIMITED',
    params: { seconds: SIGNUP_LIMIT_PERIOD_S },
    headers: { 'Retry-After': String(SIGNUP_LIMIT_PERIOD_S) },
  });

/** 429 with Retry-After when this address, or the service as a whole, has signed up too often. */
export async function assertSignupAllowed(limits: SignupLimits, clientIp: string): Promise<void> {
  // The address first: a refused address does not spend the global allowance.
  if (!(await limits.perClient.limit({ key: `ip:${clientIp}` })).success) throw refused();
  if (!(await limits.global.limit({ key: 'signup' })).success) throw refused();
}
