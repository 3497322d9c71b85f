import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { assertNotBuiltFromAccount } from '../lib/password-policy';
import type { Scope } from './scope';

/**
 * A new password for a person of the caller's company must not be built from the company's
 * name or slug, or from the person's e-mail or name (lib/password-policy.ts).
 */
export async function assertAccountPassword(
  scope: Scope,
  password: string,
  person: { email: string; name: string },
): Promise<void> {
  const [tenant] = await scope.db
    .select({ name: tenants.name, slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  assertNotBuiltFromAccount(password, {
    companyName: tenant?.name ?? '',
    slug: tenant?.slug ?? '',
    ...person,
  });
}
