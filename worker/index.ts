import { createApp } from './app';
import { directoryDb } from './data/db';
import type { Env } from './env';
import { purgeExpired } from './services/housekeeping';

export { TenantWriter } from './audit/writer';

const app = createApp();

export default {
  fetch: app.fetch,
  /** The daily cron (wrangler.toml [triggers]): clears expired sessions, throttle rows, keys. */
  async scheduled(_controller, env, ctx) {
    // Today these tables live in the one database; with shards, each shard is purged in turn.
    ctx.waitUntil(purgeExpired(directoryDb(env)).then((n) => console.log('purged', JSON.stringify(n))));
  },
} satisfies ExportedHandler<Env>;
