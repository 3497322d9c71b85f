import { env } from 'cloudflare:test';
import type { TenantWriter } from '../../worker/audit/writer';

/** The tenant's writer (worker/audit/writer.ts), to hold a lease or read its counts in a test. */
export const writerOf = (tenantId: string) =>
  env.TENANT_WRITER.get(env.TENANT_WRITER.idFromName(tenantId)) as DurableObjectStub<TenantWriter>;
