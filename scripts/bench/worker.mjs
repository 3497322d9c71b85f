// The real API Worker in miniflare, in this process: bundled by wrangler exactly as for a deploy,
// with the bindings of wrangler.toml, on a fresh D1/R2 in a temp dir, with the real migrations.
// Not `wrangler dev`: it drops requests under load, which would measure the dev server.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  WRANGLER_SEND_METRICS: 'false',
};

/** `wrangler deploy --dry-run` writes the bundle it would upload; nothing leaves the machine. */
function bundle(outdir) {
  const args = ['deploy', '--dry-run', '--outdir', outdir, '--config', 'wrangler.toml'];
  const res = spawnSync(path.join(bin, 'wrangler'), args, { cwd: root, env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${res.stdout}${res.stderr}`);
  return path.join(outdir, 'index.js');
}

/**
 * The miniflare that wrangler itself runs (same workerd), resolved from wrangler's package so a
 * differently versioned top-level `miniflare` (the vitest plugin's) is not picked by accident.
 */
async function loadMiniflare() {
  const fromRoot = createRequire(path.join(root, 'package.json'));
  const fromWrangler = createRequire(fromRoot.resolve('wrangler/package.json'));
  return import(pathToFileURL(fromWrangler.resolve('miniflare')).href);
}

/** drizzle-kit's files, in order, split where it marks statement boundaries. */
function migrationStatements() {
  const dir = path.join(root, 'db', 'migrations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('--> statement-breakpoint'))
    .map((s) => s.trim())
    .filter(Boolean);
}

const RAW_WORKER = 'jixiao-bench-raw';

/**
 * Starts the Worker, and beside it the bench-only raw Worker (raw-worker.mjs) bound to the same
 * D1 database, on its own port; resolves to both URLs and a `dispose` that stops workerd.
 */
export async function startWorker(tmpDir) {
  const scriptPath = bundle(path.join(tmpDir, 'bundle'));
  const { Miniflare, convertV4MiniflareOptions } = await loadMiniflare();
  const { unstable_getMiniflareWorkerOptions } = await import('wrangler');
  // Bindings, compatibility date and flags as wrangler.toml declares them (v4-shaped options).
  // modulesRules (how to load .sql/.wasm imports) is moot for the one-file bundle, and the v4→v5
  // conversion refuses it rather than guess.
  const { modulesRules: _, ...workerOptions } = unstable_getMiniflareWorkerOptions(
    path.join(root, 'wrangler.toml'),
  ).workerOptions;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      host: '127.0.0.1',
      port: 0,
      resourcePersistencePath: path.join(tmpDir, 'state'),
      workers: [
        {
          ...workerOptions,
          name: 'jixiao-api',
          modules: true,
          scriptPath,
          modulesRoot: path.dirname(scriptPath),
          rootPath: root,
        },
        {
          name: RAW_WORKER,
          modulesRoot: import.meta.dirname,
          modules: ['raw-worker.mjs', 'raw-sql.mjs'].map((file) => ({
            type: 'ESModule',
            path: path.join(import.meta.dirname, file),
          })),
          compatibilityDate: workerOptions.compatibilityDate,
          // The same database id: the same persisted D1, so the same rows and the same files.
          d1Databases: workerOptions.d1Databases,
          // The API's tenant writers, to read their counts (no lease is ever taken from here).
          durableObjects: {
            TENANT_WRITER: { className: 'TenantWriter', scriptName: 'jixiao-api', useSQLite: true },
          },
          unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
        },
      ],
    }),
  );
  try {
    const url = await mf.ready;
    const rawUrl = await mf.unsafeGetDirectURL(RAW_WORKER);
    const db = await mf.getD1Database('DB');
    // One batch is one transaction: a broken migration leaves nothing half applied.
    await db.batch(migrationStatements().map((sql) => db.prepare(sql)));
    return { url: url.origin, rawUrl: rawUrl.origin, dispose: () => mf.dispose() };
  } catch (err) {
    await mf.dispose();
    throw err;
  }
}
