// `npm run bench`: the real Worker in miniflare, a seeded tenant, then each scenario measured
// together with a baseline from the same run. Only the ratios are meant to be compared across
// machines and commits; the absolute numbers depend on the box (see docs/benchmark.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportScenario } from './export.mjs';
import { printTable, writeJson } from './report.mjs';
import { employeesCsv, ingestRows, METRICS_PER_EMPLOYEE, seedTenant } from './seed.mjs';
import { startWorker } from './worker.mjs';
import { runWrk, stopWrk, wrkAvailable } from './wrk.mjs';

const root = path.resolve(import.meta.dirname, '../..');
if (Number(process.versions.node.split('.')[0]) < 22) {
  // wrangler and miniflare need Node >= 22; the project ships Node 24 (npm run puts it first).
  const res = spawnSync(path.join(root, 'node_modules/.bin/node'), [import.meta.filename], {
    stdio: 'inherit',
  });
  process.exit(res.status ?? 1);
}
if (!wrkAvailable()) {
  console.error(
    'npm run bench needs `wrk` on PATH (Debian/Ubuntu: apt-get install -y wrk; macOS: brew install wrk).',
  );
  process.exit(2);
}

const EMPLOYEES = 300;
const WRK = { seconds: Number(process.env.BENCH_SECONDS ?? 5), threads: 2, connections: 16 };
const REPS = 5; // single operations: the median of 5, after one unmeasured warm-up

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const timed = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const rows = [];

try {
  console.log('Bundling the Worker and starting miniflare…');
  worker = await startWorker(tmpDir);
  const api = `${worker.url}/api/v1`;
  console.log(`Seeding a tenant of ${EMPLOYEES} employees and one of 1 through the API…`);
  const big = await seedTenant(worker.url, { slug: 'bench-big', employees: EMPLOYEES });
  const one = await seedTenant(worker.url, { slug: 'bench-one', employees: 1 });

  // A request that wrk gave up on still runs to its end in the Worker; without waiting for that
  // backlog the next scenario would pay for the last one. Idle = 3 quick GET /me in a row.
  const me = () => big.integrator.must('GET', '/me');
  const idle = [];
  for (let i = 0; i < 15; i++) idle.push(await timed(me));
  const idleMs = median(idle);
  async function settle() {
    const start = performance.now();
    for (let quick = 0; quick < 3; ) {
      if (performance.now() - start > 120_000) throw new Error('the Worker stayed busy for 2 minutes');
      quick = (await timed(me)) < Math.max(3 * idleMs, idleMs + 5) ? quick + 1 : 0;
      await sleep(100);
    }
    return performance.now() - start;
  }

  /** Times `op` and its `baseline` alternately (drift hits both alike), warm-up first, then REPS. */
  async function single(name, baselineName, baseline, op) {
    await settle();
    const ms = { op: [], base: [] };
    for (let rep = 0; rep <= REPS; rep++) {
      const base = await timed(() => baseline(rep));
      const measured = await timed(() => op(rep));
      if (rep === 0) continue;
      ms.base.push(base);
      ms.op.push(measured);
    }
    const [value, base] = [median(ms.op), median(ms.base)];
    rows.push({
      name,
      load: `1 at a time, median of ${REPS}`,
      unit: 'ms/op',
      value,
      baselineName,
      baseline: base,
      ratio: value / base,
      samples: ms,
    });
  }

  console.log('Timing single operations…');
  // Rep 0 (the warm-up) opens 2026-01: the period every later scenario works on.
  const month = (rep) => `2026-${String(rep + 1).padStart(2, '0')}`;
  let period;
  await single(
    `open a period, ${EMPLOYEES} employees`,
    'open a period, 1 employee',
    (rep) => one.owner.must('POST', '/periods', { key: month(rep) }),
    async (rep) => {
      const opened = await big.owner.must('POST', '/periods', { key: month(rep) });
      if (opened.evaluations !== EMPLOYEES) throw new Error(`opened ${opened.evaluations} evaluations`);
      period ??= opened.period;
    },
  );
  let seq = 0;
  const ingest = (count) => (rep) =>
    big.integrator.must(
      'POST',
      '/ingest',
      { rows: ingestRows({ period: period.key, from: 0, employees: EMPLOYEES, count, seed: rep }) },
      { headers: { 'Idempotency-Key': `bench-single-${++seq}` } },
    );
  await single('ingest 1,000 rows', 'ingest 1 row', ingest(1), ingest(1000));
  const dryRun = (count) => async () => {
    const csv = employeesCsv(EMPLOYEES, count); // all new 工号: every row is checked as a create
    const res = await big.owner.must('POST', '/employees/import?dryRun=true', csv, { type: 'text/csv' });
    if (res.rows !== count || res.errors.length > 0)
      throw new Error(`dry run: ${JSON.stringify(res).slice(0, 300)}`);
  };
  await single('CSV import dry run, 5,000 rows', 'CSV import dry run, 1 row', dryRun(1), dryRun(5000));

  console.log(`Loading with wrk (${WRK.seconds} s each)…`);
  const query = `periodId=${period.id}&sort=rank`;
  const top = await big.integrator.must('GET', `/evaluations?${query}&limit=1`);
  // 15 different batches of 20 agents × 5 metrics, so concurrent requests touch different rows.
  const perBatch = 100 / METRICS_PER_EMPLOYEE;
  const bodies = Array.from({ length: EMPLOYEES / perBatch }, (_, b) =>
    JSON.stringify({
      rows: ingestRows({ period: period.key, from: b * perBatch, employees: EMPLOYEES, count: 100 }),
    }),
  );
  // Each request once by hand first: wrk counts a 401 or 400 as fast as a 200.
  await big.integrator.must('GET', `/evaluations/${top.items[0].id}`);
  await big.integrator.must('POST', '/ingest', JSON.parse(bodies[0]));
  const auth = { apiKey: big.apiKey };
  const post = { ...auth, method: 'POST', bodies };
  const baselineName = 'GET /me (API key)';
  // The baseline runs first and last: its mean absorbs drift (the audit log grows as we go).
  const scenarios = [
    [`${baselineName}, before`, `${api}/me`, auth],
    ['GET /evaluations?sort=rank&limit=200', `${api}/evaluations?${query}&limit=200`, auth],
    ['GET /evaluations/{id} (breakdown)', `${api}/evaluations/${top.items[0].id}`, auth],
    // One integrator pushing batch after batch: what one request costs.
    ['POST /ingest, 100 rows', `${api}/ingest`, { ...post, threads: 1, connections: 1 }],
    // Several pushing at once into one tenant: what concurrency does to it.
    ['POST /ingest, 100 rows', `${api}/ingest`, post],
    [`${baselineName}, after`, `${api}/me`, auth],
  ];
  const measured = [];
  for (const [name, url, script] of scenarios) {
    await settle();
    await runWrk(url, { ...WRK, seconds: 1, tmpDir, ...script }); // warm-up, not counted
    await settle();
    const options = { ...WRK, tmpDir, ...script };
    const result = await runWrk(url, options);
    const load = `wrk ${options.threads} thread(s) × ${options.connections} conn`;
    measured.push({ name, load, ...result, drainMs: Math.round(await settle()) });
  }
  const baseRps = (measured[0].requestsPerSec + measured.at(-1).requestsPerSec) / 2;
  rows.unshift(
    ...measured.map((r) => ({
      ...r,
      unit: 'req/s',
      value: r.requestsPerSec,
      baselineName: 'GET /me (mean)',
      baseline: baseRps,
      // Cost of one request in baseline requests: higher is dearer, as in the ms/op rows.
      ratio: baseRps / r.requestsPerSec,
    })),
  );
  rows.push(...(await exportScenario(tmpDir))); // its own Worker: scripts/bench/export.mjs
} finally {
  await cleanup();
}

printTable(rows);
const out = path.join(root, 'bench-results.json');
writeJson(out, { node: process.version, cpus: os.cpus().length, wrk: WRK, employees: EMPLOYEES }, rows);
console.log(
  `\nWritten to bench-results.json. Compare the last column across runs, not the absolute numbers.`,
);
const failed = rows.filter((r) => r.non2xx + r.socketErrors > 0);
for (const r of failed)
  console.warn(`Warning: ${r.non2xx} non-2xx answers and ${r.socketErrors} socket errors in "${r.name}".`);
