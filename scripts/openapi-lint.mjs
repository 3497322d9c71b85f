// `npm run lint:openapi` (part of `npm test`): the OpenAPI document as the Worker serves it, in
// both languages, linted by Redocly's recommended rules; any warning or error fails the run.
// The Worker is the deploy bundle in miniflare (scripts/bench/worker.mjs), so what is linted is
// exactly what an integrator downloads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWorker } from './bench/worker.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'jixiao-openapi-'));
const files = [];
const worker = await startWorker(tmp);
try {
  for (const lang of ['zh-CN', 'en']) {
    const res = await fetch(`${worker.url}/api/v1/openapi.json`, { headers: { 'Accept-Language': lang } });
    if (!res.ok) throw new Error(`openapi.json (${lang}): ${res.status}`);
    const file = path.join(tmp, `openapi.${lang}.json`);
    writeFileSync(file, JSON.stringify(await res.json(), null, 2));
    files.push(file);
  }
} finally {
  await worker.dispose();
}

const redocly = path.join(root, 'node_modules', '.bin', 'redocly');
const lint = (file, format) =>
  spawnSync(redocly, ['lint', '--config', path.join(root, 'redocly.yaml'), `--format=${format}`, file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
let failed = false;
for (const file of files) {
  // One file per run: with several, Redocly prints one JSON report after another.
  const { totals } = JSON.parse(lint(file, 'json').stdout);
  const name = path.basename(file);
  if (totals.errors + totals.warnings > 0) {
    process.stdout.write(lint(file, 'stylish').stdout);
    console.error(`${name}: ${totals.errors} error(s), ${totals.warnings} warning(s); both must be 0`);
    failed = true;
  } else {
    console.log(`${name}: Redocly recommended rules, 0 errors, 0 warnings`);
  }
}
if (failed) process.exitCode = 1;
else rmSync(tmp, { recursive: true, force: true });
