// `npm test`: from a fresh clone, install what is missing (as `npm start` does), then the type
// checks, Biome and every vitest project. The browser suite needs Debian's Chromium: installed
// here when this is root on a machine with apt-get, otherwise one line says how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { hasDeps, root } from './local.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

if (!hasDeps()) {
  console.log('Installing dependencies (npm ci)…');
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
if (NODE_MAJOR < 22) {
  // wrangler and the Workers test pool need Node >= 22; the project ships Node 24.
  const node24 = path.join(root, 'node_modules', '.bin', 'node');
  const res = spawnSync(node24, [import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const hasCjkFont = () => spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim().length > 0;

/** Debian packages, installed when root with apt-get; the lists are refreshed once if needed. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', ...packages], { stdio: 'inherit', env });
  if (install().status === 0) return true;
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  return install().status === 0;
}

const wanted = [
  !existsSync(CHROMIUM) && 'chromium',
  // Screenshots need a Chinese font to show Chinese (a small one: WenQuanYi Micro Hei).
  !hasCjkFont() && 'fonts-wqy-microhei',
].filter(Boolean);
if (wanted.length > 0) {
  if (isRoot && hasApt) {
    console.log(`Installing ${wanted.join(', ')} with apt-get…`);
    aptInstall(wanted);
  }
  if (!existsSync(CHROMIUM))
    console.log(
      `Chromium is missing at ${CHROMIUM}; the browser tests need it: sudo apt-get install -y chromium`,
    );
}

// Imported only now: local.mjs's helpers are fine on Node 20, but the tools they run need 24.
const { toolEnv } = await import('./local.mjs');
const steps = [
  ['tsc', '-p', 'tsconfig.json'],
  ['tsc', '-p', 'tsconfig.node.json'],
  ['tsc', '-p', 'web/tsconfig.json'],
  ['biome', 'check', '.'],
  // The API reference, linted with Redocly's recommended rules: any warning fails.
  ['node', 'scripts/openapi-lint.mjs'],
  ['vitest', 'run', ...process.argv.slice(2)],
];
for (const [tool, ...args] of steps) {
  const res = spawnSync(path.join(root, 'node_modules', '.bin', tool), args, {
    cwd: root,
    env: toolEnv,
    stdio: 'inherit',
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
