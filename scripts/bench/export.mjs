// The export scenario of `npm run bench`: 24,000 rows (the history of 4,800 agents over five
// months) exported as CSV and as XLSX through the real queue consumer, timed from POST /reports
// to ready, with the workerd process's peak resident memory above its idle level while it works
// (target: under 64 MB, half of an isolate's 128 MB). Its baseline is the same export for one
// agent. It runs on a Worker of its own, so that its rows and its memory are its own.
//
// Why history and not one month of 24,000: opening such a month through the API fails today
// (its period.open audit entry, which lists every evaluation, passes D1's 2 MB row limit).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedTenant } from './seed.mjs';
import { startWorker } from './worker.mjs';

const AGENTS = 4_800; // the employee import takes at most 5,000 rows at once
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
export const EXPORT_ROWS = AGENTS * MONTHS.length;
const MEMORY_TARGET_MB = 64;
const REPS = 3;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The workerd processes under this Node process (miniflare starts one per instance). */
function workerdPids() {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((l) => l.includes('workerd'))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
  } catch {
    return [];
  }
}

const rssBytes = (pid) => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
};

/** The benchmark's usual company (seed.mjs) with `employees` agents, and five months opened. */
async function seedMonths(url, slug, employees) {
  const { owner } = await seedTenant(url, { slug, employees });
  for (const key of MONTHS) {
    const { evaluations } = await owner.must('POST', '/periods', { key });
    if (evaluations !== employees) throw new Error(`opened ${evaluations} of ${employees} evaluations`);
  }
  return { owner };
}

/** Asks for the report, polls until ready, downloads it; answers ms to ready and the file. */
async function exportOnce(url, { owner }, format) {
  const start = performance.now();
  const body = { kind: 'employee-history', format, from: MONTHS[0], to: MONTHS.at(-1) };
  const report = await owner.must('POST', '/reports', body);
  let r = report;
  while (r.status === 'queued' || r.status === 'running') {
    await sleep(25);
    r = await owner.must('GET', `/reports/${report.id}`);
  }
  const ms = performance.now() - start;
  if (r.status !== 'ready') throw new Error(`export ${format}: ${JSON.stringify(r.error)}`);
  const res = await fetch(`${url}/api/v1/reports/${r.id}/download`, { headers: { Cookie: owner.cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200 || bytes !== r.bytes)
    throw new Error(`download ${format}: ${res.status}, ${bytes} bytes`);
  await owner.must('DELETE', `/reports/${r.id}`);
  return { ms, rows: r.rows, bytes };
}

/** Samples the process's RSS every 10 ms while `fn` runs; answers the peak. */
async function peakRss(pid, fn) {
  let peak = rssBytes(pid);
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, rssBytes(pid));
      await sleep(10);
    }
  })();
  try {
    return { result: await fn(), peak: () => peak };
  } finally {
    done = true;
    await sampler;
    peak = Math.max(peak, rssBytes(pid));
  }
}

/** Runs the scenario; answers rows for the benchmark's table, in its shape. */
export async function exportScenario(tmpDir) {
  const before = new Set(workerdPids());
  const worker = await startWorker(path.join(tmpDir, 'export'));
  try {
    const [pid] = workerdPids().filter((p) => !before.has(p));
    if (!pid) throw new Error('could not find the export scenario’s workerd process');
    console.log(`Export: seeding ${AGENTS} agents × ${MONTHS.length} months through the API…`);
    const big = await seedMonths(worker.url, 'bench-export-big', AGENTS);
    const one = await seedMonths(worker.url, 'bench-export-one', 1);
    const rows = [];
    for (const format of ['csv', 'xlsx']) {
      await exportOnce(worker.url, big, format); // warm-up: code loaded, caches filled
      await exportOnce(worker.url, one, format);
      const ms = { op: [], base: [] };
      let peakAbove = 0;
      let file;
      for (let rep = 0; rep < REPS; rep++) {
        ms.base.push((await exportOnce(worker.url, one, format)).ms);
        await sleep(500); // let the isolate settle, then take idle right before the export
        const idle = rssBytes(pid);
        const run = await peakRss(pid, () => exportOnce(worker.url, big, format));
        file = run.result;
        ms.op.push(file.ms);
        peakAbove = Math.max(peakAbove, run.peak() - idle);
      }
      if (file.rows !== EXPORT_ROWS) throw new Error(`${format}: ${file.rows} rows`);
      const [value, baseline] = [median(ms.op), median(ms.base)];
      const mb = peakAbove / 1024 / 1024;
      rows.push({
        name: `export ${EXPORT_ROWS.toLocaleString('en-US')} rows, ${format.toUpperCase()} (${(file.bytes / 1024 / 1024).toFixed(1)} MB)`,
        load: `POST → ready, median of ${REPS}`,
        unit: 'ms/op',
        value,
        baselineName: `export ${MONTHS.length} rows, ${format.toUpperCase()}`,
        baseline,
        ratio: value / baseline,
        samples: ms,
      });
      rows.push({
        name: `  workerd peak memory above idle (target < ${MEMORY_TARGET_MB} MB)`,
        load: `max of ${REPS}`,
        unit: 'MB',
        value: mb,
        baselineName: `${MEMORY_TARGET_MB} MB target`,
        baseline: MEMORY_TARGET_MB,
        ratio: mb / MEMORY_TARGET_MB,
      });
      console.log(`Export ${format}: ${Math.round(value)} ms, peak ${mb.toFixed(1)} MB above idle`);
    }
    return rows;
  } finally {
    await worker.dispose();
  }
}

// `node scripts/bench/export.mjs` runs this scenario alone (Node >= 22, as npm run bench).
if (import.meta.filename === process.argv[1]) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const { printTable } = await import('./report.mjs');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-export-'));
  try {
    printTable(await exportScenario(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
