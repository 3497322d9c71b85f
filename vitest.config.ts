import { builtinModules } from 'node:module';
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Three suites: pure domain logic on Node (fast, no I/O), the API inside workerd with the
// real migrations on local D1/R2, and the dashboard in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                // A fixed test key; production's is a secret, npm start's is random (.dev.vars).
                AUDIT_DIGEST_KEY: 'test-audit-digest-key-0123456789abcdef',
                TEST_MIGRATIONS: await readD1Migrations(path.join(import.meta.dirname, 'db/migrations')),
              },
              // A small service-wide sign-up limit that a test can spend (test/api/edge).
              ratelimits: { SIGNUP_GLOBAL_TEST: { namespace_id: '9001', simple: { limit: 3, period: 60 } } },
            },
          })),
        ],
        // As wrangler.toml's [alias]: exceljs's stream writer on workerd's node:stream.
        resolve: {
          alias: [
            {
              find: /^readable-stream$/,
              replacement: path.join(import.meta.dirname, 'worker/lib/readable-stream.cjs'),
            },
          ],
        },
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          setupFiles: ['./test/helpers/apply-migrations.ts'],
          testTimeout: 30_000,
          // vite does not alias require() calls: exceljs is bundled by esbuild, which does.
          deps: {
            optimizer: {
              ssr: {
                enabled: true,
                include: ['exceljs/lib/exceljs.nodejs.js'],
                rolldownOptions: { external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)] },
              },
            },
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page waits on the worker, and on CI's two cores that is sometimes over
          // expect.poll's default second; ten seconds still fails a screen that never comes.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
