import { createApp } from './app';
import { directoryDb } from './data/db';
import type { Env, ReportJob } from './env';
import { purgeExpired } from './services/housekeeping';
import { expireReports } from './services/reports/expire';
import { consumeReportJobs } from './services/reports/job';

const app = createApp();

export default {
  fetch: app.fetch,
  /** Report jobs (wrangler.toml [[queues.consumers]]): each message makes one file in R2. */
  queue: consumeReportJobs,
  /**
   * The daily cron (wrangler.toml [triggers]): clears expired sessions, throttle rows, keys,
   * and removes reports 30 days old with their files.
   */
  async scheduled(_controller, env, ctx) {
    // Today these tables live in the one database; with shards, each shard is purged in turn.
    ctx.waitUntil(purgeExpired(directoryDb(env)).then((n) => console.log('purged', JSON.stringify(n))));
    ctx.waitUntil(
      expireReports(directoryDb(env), env.REPORTS).then((n) => console.log('expired reports', n)),
    );
  },
} satisfies ExportedHandler<Env, ReportJob>;
