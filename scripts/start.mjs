// `npm start`: from a fresh clone, install what is missing, build the dashboard, apply the
// migrations to the embedded local D1, serve site + API on localhost, seed the demo company
// on first run and print how to sign in.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations, buildWeb, hasDeps, root, servePages, waitUntilUp } from './local.mjs';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

if (!hasDeps()) {
  console.log('Installing dependencies (npm ci)…');
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
if (NODE_MAJOR < 22) {
  // wrangler needs Node >= 22; the project ships Node 24 as a devDependency.
  const node24 = path.join(root, 'node_modules', '.bin', 'node');
  const res = spawnSync(node24, [import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}

const { seedDemo } = await import('./seed-demo.mjs');
const port = Number(process.env.PORT ?? 8787);
const baseUrl = `http://localhost:${port}`;
// JIXIAO_STATE moves the local data elsewhere (the browser test of this script uses it).
const stateDir = process.env.JIXIAO_STATE ?? path.join(root, '.wrangler');
const persistTo = path.join(stateDir, 'state');
mkdirSync(persistTo, { recursive: true });

console.log('Building the dashboard…');
buildWeb();
console.log('Applying migrations to the local D1…');
applyMigrations(persistTo);

const server = servePages({ port, persistTo, quiet: !process.env.JIXIAO_VERBOSE });
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`wrangler exited (${code})`);
  process.exit(code ?? 1);
});

await waitUntilUp(baseUrl);
const demo = await seedDemo(baseUrl, path.join(stateDir, 'demo.json'));
console.log(`
  Jixiao is running.

  Dashboard   ${baseUrl}/
  API         ${baseUrl}/api/v1   (docs: ${baseUrl}/api/v1/docs)

  Demo login  company slug: ${demo.slug}
              e-mail:       ${demo.email}
              password:     ${demo.password}
  Demo API key (Authorization: Bearer …):
              ${demo.apiKey}

  Press Ctrl+C to stop.
`);
