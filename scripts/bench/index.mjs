// `npm run bench`: the real Worker in miniflare, a seeded tenant, then each scenario measured
// together with a baseline from the same run. Only the ratios are meant to be compared across
// machines and commits; the absolute numbers depend on the box (see docs/benchmark.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportScenario } from './export.mjs';
import { idleWaiter } from './harness.mjs';
import { printRawTable, printTable, writeJson } from './report.mjs';
import { loadScenarios } from './scenarios/load.mjs';
import { singleOps } from './scenarios/single-ops.mjs';
import { seedTenant } from './seed.mjs';
import { startWorker } from './worker.mjs';
import { ensureWrk, stopWrk } from './wrk.mjs';

const root = path.resolve(import.meta.dirname, '../..');
if (Number(process.versions.node.split('.')[0]) < 22) {
  // wrangler and miniflare need Node >= 22; the project ships Node 24 (npm run puts it first).
  const res = spawnSync(path.join(root, 'node_modules/.bin/node'), [import.meta.filename], {
    stdio: 'inherit',
  });
  process.exit(res.status ?? 1);
}
if (!ensureWrk()) process.exit(2);

const EMPLOYEES = 300;
const WRK = { seconds: Number(process.env.BENCH_SECONDS ?? 5), threads: 2, connections: 16 };

/**
 * The scenarios, in order. Each is `async (bench) => …` and pushes rows into `bench.rows`
 * (or, measured against the raw Worker, `bench.rawRows`). The single operations open the
 * period the load scenarios work on, so they run first.
 */
const SCENARIOS = [singleOps, loadScenarios, exports];

/** Exports of 24,000 rows (scripts/bench/export.mjs): their own Worker, memory sampled. */
async function exports(bench) {
  bench.rows.push(...(await exportScenario(bench.tmpDir)));
}

const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
// However the process ends, the bundle, the D1/R2 files and the wrk script go with it.
process.on('exit', () => rmSync(tmpDir, { recursive: true, force: true }));
let worker;
async function cleanup() {
  stopWrk();
  const running = worker;
  worker = undefined; // a Ctrl+C during the finally block must not dispose twice
  // On a signal miniflare's own exit hook has already killed workerd, and dispose() may then
  // never settle: give it a few seconds, not forever.
  let timer;
  await Promise.race([running?.dispose(), new Promise((r) => (timer = setTimeout(r, 5000)))]);
  clearTimeout(timer);
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => cleanup().finally(() => process.exit(130)));

const bench = {
  tmpDir,
  wrk: WRK,
  reps: 5, // single operations: the median of 5, after one unmeasured warm-up
  employees: EMPLOYEES,
  rows: [],
  rawRows: [],
  notes: [],
};

try {
  console.log('Bundling the Worker and starting miniflare (with the raw D1 Worker beside it)…');
  worker = await startWorker(tmpDir);
  bench.api = `${worker.url}/api/v1`;
  bench.rawUrl = worker.rawUrl;
  console.log(`Seeding a tenant of ${EMPLOYEES} employees and one of 1 through the API…`);
  bench.big = await seedTenant(worker.url, { slug: 'bench-big', employees: EMPLOYEES });
  bench.one = await seedTenant(worker.url, { slug: 'bench-one', employees: 1 });
  bench.settle = await idleWaiter(() => bench.big.integrator.must('GET', '/me'));
  for (const scenario of SCENARIOS) {
    console.log(`Running ${scenario.name}…`);
    await scenario(bench);
  }
} finally {
  await cleanup();
}

printTable(bench.rows);
printRawTable(bench.rawRows);
for (const note of bench.notes) console.log(note);
const out = path.join(root, 'bench-results.json');
writeJson(
  out,
  { node: process.version, cpus: os.cpus().length, wrk: WRK, employees: EMPLOYEES },
  bench.rows,
  bench.rawRows,
);
console.log(
  `\nWritten to bench-results.json. Compare the ratio columns across runs, not the absolute numbers.`,
);
const failed = [...bench.rows, ...bench.rawRows.map((r) => r.raw).filter(Boolean)].filter(
  (r) => r.non2xx + r.socketErrors > 0,
);
for (const r of failed)
  console.warn(`Warning: ${r.non2xx} non-2xx answers and ${r.socketErrors} socket errors in "${r.name}".`);
