import type { D1Migration } from '@cloudflare/vitest-plugin';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      REPORTS: R2Bucket;
      TENANT_WRITER: DurableObjectNamespace;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
