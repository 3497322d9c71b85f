import type { D1Migration } from '@cloudflare/vitest-plugin';

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      REPORTS: R2Bucket;
      REPORT_JOBS: Queue<import('../../worker/env').ReportJob>;
      AUDIT_DIGEST_KEY: string;
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
