// Shared by `npm start` and the browser tests: run the project's own tools on Node 24 and
// serve the dashboard + API locally with wrangler (embedded D1 and R2, no network).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'node_modules', '.bin');

/** PATH with our node_modules/.bin first, so `#!/usr/bin/env node` tools get Node 24. */
export const toolEnv = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
};

/** Runs a project tool to completion, failing loudly. */
export function run(tool, args, opts = {}) {
  const res = spawnSync(path.join(bin, tool), args, { cwd: root, env: toolEnv, stdio: 'inherit', ...opts });
  if (res.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited with ${res.status}`);
}

export function buildWeb() {
  run('vite', ['build', 'web', '--logLevel', 'warn']);
}

export function applyMigrations(persistTo) {
  run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The API Worker's local secrets, which wrangler reads from `.dev.vars` beside wrangler.toml:
 * AUDIT_DIGEST_KEY signs the audit digests (production sets it with `wrangler secret put`).
 * Generated once, random, and kept, so that digests written earlier still verify.
 */
export function ensureDevVars() {
  const file = path.join(root, '.dev.vars');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (/^AUDIT_DIGEST_KEY=/m.test(text)) return;
  const line = `AUDIT_DIGEST_KEY=${randomBytes(32).toString('hex')}\n`;
  appendFileSync(file, text && !text.endsWith('\n') ? `\n${line}` : line, { mode: 0o600 });
}

/**
 * Starts `wrangler pages dev` (site + API Worker in one process) in its own process group,
 * so that stopping it stops workerd too.
 */
export function servePages({ port, persistTo, quiet = false }) {
  ensureDevVars();
  const child = spawn(
    path.join(bin, 'wrangler'),
    [
      'pages',
      'dev',
      '-c',
      'wrangler.toml',
      '-c',
      '../wrangler.toml',
      '--persist-to',
      persistTo,
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--log-level',
      quiet ? 'error' : 'info',
    ],
    { cwd: path.join(root, 'web'), env: toolEnv, detached: true, stdio: quiet ? 'ignore' : 'inherit' },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { child, stop };
}

/** Polls until the API answers, or fails after the timeout. */
export async function waitUntilUp(baseUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the local server at ${baseUrl} did not come up in ${timeoutMs} ms`);
}

export const hasDeps = () => existsSync(path.join(bin, 'wrangler')) && existsSync(path.join(bin, 'node'));
