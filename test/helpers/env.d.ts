import type { D1Migration } from '@cloudflare/vitest-plugin';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      REPORTS: R2Bucket;
      REPORT_JOBS: Queue<import('../../worker/env').ReportJob>;
      AUDIT_DIGEST_KEY: string;
      TENANT_WRITER: DurableObjectNamespace;
      TEST_MIGRATIONS: D1Migration[];
      SIGNUP_PER_CLIENT: RateLimit;
      SIGNUP_GLOBAL: RateLimit;
      SIGNUP_GLOBAL_TEST: RateLimit;
    }
  }
}
