import { createApp } from './app';
import { directoryDb } from './data/db';
import type { Env, ReportJob } from './env';
import { digestStore } from './routes/audit-log/digests';
import { digestEveryTenant } from './services/audit-digests';
import { purgeExpired } from './services/housekeeping';
import { expireReports, failInterruptedReports } from './services/reports/expire';
import { consumeReportJobs } from './services/reports/job';

const app = createApp();

export default {
  fetch: app.fetch,
  /** Report jobs (wrangler.toml [[queues.consumers]]): each message makes one file in R2. */
  queue: consumeReportJobs,
  /**
   * The daily cron (wrangler.toml [triggers]): clears expired sessions, throttle rows, keys,
   * removes reports 30 days old with their files, fails exports whose worker died, and signs
   * each tenant's audit chain head.
   */
  async scheduled(_controller, env, ctx) {
    // Today these tables live in the one database; with shards, each shard is purged in turn.
    ctx.waitUntil(purgeExpired(directoryDb(env)).then((n) => console.log('purged', JSON.stringify(n))));
    ctx.waitUntil(
      expireReports(directoryDb(env), env.REPORTS).then((n) => console.log('expired reports', n)),
    );
    ctx.waitUntil(
      failInterruptedReports(directoryDb(env)).then((n) => console.log('interrupted reports', n)),
    );
    ctx.waitUntil(
      digestEveryTenant(directoryDb(env), digestStore(env)).then((n) => console.log('audit digests', n)),
    );
  },
} satisfies ExportedHandler<Env, ReportJob>;
