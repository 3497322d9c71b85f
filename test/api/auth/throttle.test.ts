import { describe, expect, it } from 'vitest';
import { call, type Reply } from '../../helpers/client';
import { newTenant, PASSWORD, uniqueSlug } from '../../helpers/tenant';
import { count, expectError, rows, show, uniqueIp } from '../support';

const none = { kind: 'none' } as const;
const WINDOW_SECONDS = 15 * 60;

function login(slug: string, email: string, password: string, ip: string, lang?: 'en'): Promise<Reply> {
  return call(none, 'POST', '/auth/login', {
    body: { slug, email, password },
    headers: { 'CF-Connecting-IP': ip },
    lang,
  });
}

async function fail(times: number, attempt: (i: number) => Promise<Reply>) {
  for (let i = 0; i < times; i++) {
    const res = await attempt(i);
    expect(res.status, `failure ${i + 1} of ${times} is a plain 401, not yet throttled: ${show(res)}`).toBe(
      401,
    );
  }
}

function expectThrottled(res: Reply) {
  expectError(res, 429, 'TOO_MANY_REQUESTS');
  const retryAfter = Number(res.headers.get('Retry-After'));
  expect(
    Number.isInteger(retryAfter),
    `Retry-After is whole seconds: ${res.headers.get('Retry-After')}`,
  ).toBe(true);
  expect(retryAfter, show(res)).toBeGreaterThan(0);
  expect(retryAfter, show(res)).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(res.headers.get('Set-Cookie'), 'a throttled login gets no session').toBeNull();
  return retryAfter;
}

describe('login throttling', () => {
  it('after 10 failures for one account (from 10 addresses) even the right password is 429 with Retry-After', async () => {
    const t = await newTenant();
    await fail(10, () => login(t.slug, t.email, 'wrong-password!', uniqueIp()));
    const sessionsBefore = await count('sessions', 'user_id = ?', t.ownerId);

    const res = await login(t.slug, t.email, PASSWORD, uniqueIp(), 'en');
    const retryAfter = expectThrottled(res);
    expect(retryAfter, 'the oldest failure is seconds old: nearly the whole window to wait').toBeGreaterThan(
      WINDOW_SECONDS - 120,
    );
    expect(res.body.error.message).toBe(`Too many attempts; try again in ${retryAfter} seconds`);
    expect(await count('sessions', 'user_id = ?', t.ownerId), 'no session was created').toBe(sessionsBefore);

    // Another account from a fresh address is unaffected.
    const other = await newTenant();
    const ok = await login(other.slug, other.email, PASSWORD, uniqueIp());
    expect(ok.status, show(ok)).toBe(200);
  });

  it('after 10 failures from one client address (CF-Connecting-IP), that address gets 429 for any account', async () => {
    const t = await newTenant();
    const ip = uniqueIp();
    // Ten different accounts, most of them non-existent, all from one address.
    await fail(10, (i) => login(uniqueSlug('ghost'), `guess${i}@x.example`, 'whatever-pass', ip));

    const res = await login(t.slug, t.email, PASSWORD, ip);
    const retryAfter = expectThrottled(res);
    expect(res.body.error.message).toBe(`尝试次数过多，请 ${retryAfter} 秒后再试`);

    const elsewhere = await login(t.slug, t.email, PASSWORD, uniqueIp());
    expect(elsewhere.status, `the same account from another address signs in: ${show(elsewhere)}`).toBe(200);
  });

  it('9 failures still allow the right password; a successful login resets the account count', async () => {
    const t = await newTenant();
    await fail(9, () => login(t.slug, t.email, 'wrong-password!', uniqueIp()));
    const ok = await login(t.slug, t.email, PASSWORD, uniqueIp());
    expect(ok.status, `the 10th attempt is not throttled: ${show(ok)}`).toBe(200);

    // Without the reset these would make 18 failures in the window.
    await fail(9, () => login(t.slug, t.email, 'wrong-password!', uniqueIp()));
    const again = await login(t.slug, t.email, PASSWORD, uniqueIp());
    expect(again.status, show(again)).toBe(200);
  });

  it('counts only failures inside the 15-minute window, and Retry-After is when the oldest ages out', async () => {
    const ip = uniqueIp();
    const t = await newTenant();
    const ago = (minutes: number, extraSeconds = 0) =>
      new Date(Date.now() - minutes * 60_000 - extraSeconds * 1000).toISOString();

    // Ten failures 16 minutes ago: outside the window.
    for (let i = 0; i < 10; i++) {
      await rows('INSERT INTO login_failures (subject, at) VALUES (?, ?)', `ip:${ip}`, ago(16, i));
    }
    const ok = await login(t.slug, t.email, PASSWORD, ip);
    expect(ok.status, `failures older than 15 minutes do not count: ${show(ok)}`).toBe(200);

    // Ten failures 14 minutes ago: inside, and the oldest frees a try in about a minute.
    for (let i = 0; i < 10; i++) {
      await rows('INSERT INTO login_failures (subject, at) VALUES (?, ?)', `ip:${ip}`, ago(14, i));
    }
    const res = await login(t.slug, t.email, PASSWORD, ip);
    const retryAfter = expectThrottled(res);
    expect(retryAfter, show(res)).toBeGreaterThanOrEqual(60 - 12);
    expect(retryAfter, show(res)).toBeLessThanOrEqual(60);
  });

  it('a burst of parallel guesses cannot get past the limit', async () => {
    const t = await newTenant();
    const ip = uniqueIp();
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => login(t.slug, t.email, 'wrong-password!', ip)),
    );
    const statuses = burst.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(
      statuses.filter((s) => s !== 401 && s !== 429),
      statuses.join(','),
    ).toEqual([]);
    expect(checked, `exactly 10 of 30 parallel guesses reach the password check: ${statuses.join(',')}`).toBe(
      10,
    );
    for (const r of burst.filter((r) => r.status === 429)) expectThrottled(r);
    expectThrottled(await login(t.slug, t.email, PASSWORD, ip));
    expect(await count('login_failures', 'subject = ?', `ip:${ip}`), 'refused attempts are not counted').toBe(
      10,
    );
  });

  it('parallel logins with the right password are not throttled, and leave no rows', async () => {
    const t = await newTenant();
    const ip = uniqueIp();
    const burst = await Promise.all(Array.from({ length: 8 }, () => login(t.slug, t.email, PASSWORD, ip)));
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await count('login_failures', 'subject = ?', `ip:${ip}`)).toBe(0);
  });
});
