import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { assertSignupAllowed, SIGNUP_LIMIT_PERIOD_S } from '../../../worker/services/signup-limits';
import { call } from '../../helpers/client';
import { PASSWORD, uniqueSlug } from '../../helpers/tenant';
import { count, expectError, show } from '../support';

const none = { kind: 'none' } as const;

const signupFrom = (ip: string, lang?: 'en') => {
  const slug = uniqueSlug('burst');
  return call(none, 'POST', '/signup', {
    body: {
      companyName: '连发物业',
      slug,
      adminName: '王丽',
      email: `a@${slug}.example`,
      password: PASSWORD,
    },
    headers: { 'CF-Connecting-IP': ip },
    lang,
  });
};

describe('sign-up limits (Workers Rate Limiting binding)', () => {
  it('one address gets 429 with Retry-After after 10 sign-ups in a minute, and no company is created for it', async () => {
    const ip = '203.0.113.77';
    const first = [];
    for (let i = 0; i < 10; i++) first.push(await signupFrom(ip));
    expect(
      first.map((r) => r.status),
      show(first.at(-1)!),
    ).toEqual(Array(10).fill(201));
    const tenantsBefore = await count('tenants');
    const eleventh = await signupFrom(ip, 'en');
    expectError(eleventh, 429, 'TOO_MANY_REQUESTS');
    expect(eleventh.headers.get('Retry-After'), show(eleventh)).toBe(String(SIGNUP_LIMIT_PERIOD_S));
    expect(eleventh.body.error.message).toBe(
      `Too many sign-ups; try again in ${SIGNUP_LIMIT_PERIOD_S} seconds`,
    );
    expect(await count('tenants'), 'the refused sign-up created nothing').toBe(tenantsBefore);
    const zh = await signupFrom(ip);
    expect(zh.body.error.message, show(zh)).toContain('注册过于频繁');

    // Another address is not affected.
    const other = await signupFrom('203.0.113.78');
    expect(other.status, show(other)).toBe(201);
  });

  it('the service-wide limit refuses every address once it is spent (a binding with limit 3)', async () => {
    // SIGNUP_GLOBAL itself allows 300 a minute, more than this suite may spend; the same code
    // is run against a real binding with a smaller limit (vitest.config.ts).
    const limits = { perClient: env.SIGNUP_PER_CLIENT, global: env.SIGNUP_GLOBAL_TEST };
    for (let i = 0; i < 3; i++) await assertSignupAllowed(limits, `192.0.2.${i + 1}`);
    const refused = await assertSignupAllowed(limits, '192.0.2.99').catch((e) => e);
    expect(refused?.code).toBe('TOO_MANY_REQUESTS');
    expect(refused?.options.headers).toEqual({ 'Retry-After': String(SIGNUP_LIMIT_PERIOD_S) });
  });
});
