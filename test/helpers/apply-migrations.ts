import { applyD1Migrations, env } from 'cloudflare:test';

// The real migrations, on the real local D1 of this test file's isolated storage.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
