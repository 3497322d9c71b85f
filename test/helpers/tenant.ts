import type { KeyScope, Role } from '../../db/schema';
import { type Caller, call, caller, cookieFrom } from './client';

let counter = 0;
/** A slug no other test uses (storage is shared by the tests of one file). */
export function uniqueSlug(prefix = 't'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
}

export const PASSWORD = 'correct-horse-42';

export interface TestTenant {
  slug: string;
  tenantId: string;
  ownerId: string;
  email: string;
  /** The owner, signed in with a session cookie. */
  owner: Caller;
  /** Creates a user with the role and returns them signed in. */
  userWith(role: Role): Promise<Caller & { userId: string; email: string }>;
  /** Creates an API key with the scopes and returns a caller using it. */
  keyWith(...scopes: KeyScope[]): Promise<Caller & { keyId: string; secret: string }>;
}

let clients = 0;

/**
 * Signs in through the real login route, each time from its own client address, so that the
 * per-address login throttle never couples unrelated tests.
 */
export async function signIn(slug: string, email: string, password = PASSWORD): Promise<Caller> {
  clients += 1;
  const res = await call({ kind: 'none' }, 'POST', '/auth/login', {
    body: { slug, email, password },
    headers: { 'CF-Connecting-IP': `198.18.${(clients >> 8) & 255}.${clients & 255}` },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = caller({ kind: 'session', cookie: cookieFrom(res), csrf: res.body.csrfToken });
  if (res.body.user.mustChangePassword) await completeReset(session, password);
  return session;
}

/**
 * A password someone else set must be replaced before anything else; a test's people end up
 * with the same password, now their own (set by themselves, so nobody else controls the account).
 */
export async function completeReset(session: Caller, password: string): Promise<void> {
  const interim = `${password}-mine`;
  for (const [currentPassword, newPassword] of [
    [password, interim],
    [interim, password],
  ]) {
    const changed = await session.post('/auth/password', { currentPassword, newPassword });
    if (changed.status !== 204)
      throw new Error(`password change: ${changed.status} ${JSON.stringify(changed.body)}`);
  }
}

/** A fresh company, signed up through the API: one line per test. */
export async function newTenant(name = '测试物业'): Promise<TestTenant> {
  const slug = uniqueSlug();
  const email = `owner@${slug}.example`;
  const res = await call({ kind: 'none' }, 'POST', '/signup', {
    body: { companyName: name, slug, adminName: '王丽', email, password: PASSWORD },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const owner = caller({ kind: 'session', cookie: cookieFrom(res), csrf: res.body.csrfToken });
  let users = 0;
  return {
    slug,
    tenantId: res.body.tenant.id,
    ownerId: res.body.user.id,
    email,
    owner,
    async userWith(role) {
      users += 1;
      const userEmail = `${role}${users}@${slug}.example`;
      const created = await owner.post('/users', {
        email: userEmail,
        name: `${role} ${users}`,
        role,
        password: PASSWORD,
      });
      if (created.status !== 201)
        throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
      return Object.assign(await signIn(slug, userEmail), {
        userId: created.body.id as string,
        email: userEmail,
      });
    },
    async keyWith(...scopes) {
      const created = await owner.post('/api-keys', { name: `key ${scopes.join(' ')}`, scopes });
      if (created.status !== 201)
        throw new Error(`create key: ${created.status} ${JSON.stringify(created.body)}`);
      const secret = created.body.secret as string;
      return Object.assign(caller({ kind: 'key', secret }), { keyId: created.body.key.id as string, secret });
    },
  };
}
