// What every scenario measures with: single operations timed against a baseline, wrk load
// runs, and waiting until the Worker is idle between them. Scenarios (scenarios/*.mjs) get a
// `bench` with these bound to the run; each pushes its rows into `bench.rows`.
import { runWrk } from './wrk.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const timed = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/**
 * A request that wrk gave up on still runs to its end in the Worker; without waiting for that
 * backlog the next scenario would pay for the last one. Idle = 3 quick `probe`s in a row.
 */
export async function idleWaiter(probe) {
  const idle = [];
  for (let i = 0; i < 15; i++) idle.push(await timed(probe));
  const idleMs = median(idle);
  return async function settle() {
    const start = performance.now();
    for (let quick = 0; quick < 3; ) {
      if (performance.now() - start > 120_000) throw new Error('the Worker stayed busy for 2 minutes');
      quick = (await timed(probe)) < Math.max(3 * idleMs, idleMs + 5) ? quick + 1 : 0;
      await sleep(100);
    }
    return performance.now() - start;
  };
}

/**
 * Times `op` and its `baseline` alternately (drift hits both alike), warm-up first, then
 * `reps`; `after` runs untimed after each (to clean up). Answers the row, not yet pushed.
 */
export async function single(bench, { name, baselineName, baseline, op, after, reps = bench.reps }) {
  await bench.settle();
  const ms = { op: [], base: [] };
  for (let rep = 0; rep <= reps; rep++) {
    const base = await timed(() => baseline(rep));
    await after?.(rep);
    const measured = await timed(() => op(rep));
    await after?.(rep);
    if (rep === 0) continue;
    ms.base.push(base);
    ms.op.push(measured);
  }
  const [value, base] = [median(ms.op), median(ms.base)];
  return {
    name,
    load: `1 at a time, median of ${reps}`,
    unit: 'ms/op',
    value,
    baselineName,
    baseline: base,
    ratio: value / base,
    samples: ms,
  };
}

/** One wrk scenario: a 1 s warm-up, then the measured run, then the time its backlog took. */
export async function load(bench, name, url, script = {}) {
  await bench.settle();
  await runWrk(url, { ...bench.wrk, seconds: 1, tmpDir: bench.tmpDir, ...script }); // not counted
  await bench.settle();
  const options = { ...bench.wrk, tmpDir: bench.tmpDir, ...script };
  const result = await runWrk(url, options);
  const loadText = `wrk ${options.threads} thread(s) × ${options.connections} conn`;
  return { name, load: loadText, ...result, drainMs: Math.round(await bench.settle()) };
}
