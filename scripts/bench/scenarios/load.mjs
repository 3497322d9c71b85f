// The API under load from wrk: reads next to the raw Worker running the same SQL, and ingest
// with one integrator and with 16 at once, between two GET /me baselines.
import { load } from '../harness.mjs';
import { ingestRows, METRICS_PER_EMPLOYEE } from '../seed.mjs';

/** Several wrk runs of one scenario as one row: mean rates and latencies, summed errors. */
function meanOf(runs) {
  const sum = (f) => runs.reduce((n, r) => n + f(r), 0);
  const mean = (f) => sum(f) / runs.length;
  return {
    ...runs[0],
    requestsPerSec: mean((r) => r.requestsPerSec),
    requests: sum((r) => r.requests),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    non2xx: sum((r) => r.non2xx),
    socketErrors: sum((r) => r.socketErrors),
    drainMs: sum((r) => r.drainMs),
    runs,
  };
}

export async function loadScenarios(bench) {
  const { api, rawUrl, big, employees, period } = bench;
  const query = `periodId=${period.id}&sort=rank`;
  const top = await big.integrator.must('GET', `/evaluations?${query}&limit=1`);
  const evaluationId = top.items[0].id;
  // 15 different batches of 20 agents × 5 metrics, so concurrent requests touch different rows.
  const perBatch = 100 / METRICS_PER_EMPLOYEE;
  const bodies = Array.from({ length: employees / perBatch }, (_, b) =>
    JSON.stringify({ rows: ingestRows({ period: period.key, from: b * perBatch, employees, count: 100 }) }),
  );
  // Each request once by hand first: wrk counts a 401 or 400 as fast as a 200.
  await big.integrator.must('GET', `/evaluations/${evaluationId}`);
  await big.integrator.must('POST', '/ingest', JSON.parse(bodies[0]));
  const rawRanking = `${rawUrl}/ranking?tenant=${big.tenantId}&period=${period.id}`;
  const rawEvaluation = `${rawUrl}/evaluation?tenant=${big.tenantId}&id=${evaluationId}`;
  for (const url of [rawRanking, rawEvaluation]) {
    const res = await fetch(`${url}&key=1`, { headers: { Authorization: `Bearer ${big.apiKey}` } });
    if (!res.ok) throw new Error(`raw ${url}: ${res.status} ${await res.text()}`);
  }

  const auth = { apiKey: big.apiKey };
  const post = { ...auth, method: 'POST', bodies };
  const me = 'GET /me (API key)';
  const measured = [];
  const run = async (name, url, script) => {
    const row = await load(bench, name, url, script);
    measured.push(row);
    return row;
  };
  // The baseline runs first and last: its mean absorbs drift (the audit log grows as we go).
  await run(`${me}, before`, `${api}/me`, auth);
  const reads = [
    [
      'GET /evaluations?sort=rank&limit=200',
      `${api}/evaluations?${query}&limit=200`,
      'the ranking query',
      rawRanking,
    ],
    [
      'GET /evaluations/{id} (breakdown)',
      `${api}/evaluations/${evaluationId}`,
      'one evaluation read',
      rawEvaluation,
    ],
  ];
  for (const [name, url, rawName, rawScenarioUrl] of reads) {
    // The app, its SQL alone, and its SQL with the API-key lookup every request makes first,
    // in turn for two rounds: drift hits all three alike. Latency at the same load: how much
    // the app adds to the SQL it runs.
    const rounds = [];
    for (let round = 0; round < 2; round++) {
      rounds.push({
        app: await load(bench, name, url, auth),
        raw: await load(bench, `raw D1: ${rawName}`, rawScenarioUrl),
        rawWithKey: await load(bench, `raw D1: key lookup + ${rawName}`, `${rawScenarioUrl}&key=1`, auth),
      });
    }
    const app = meanOf(rounds.map((r) => r.app));
    const raw = meanOf(rounds.map((r) => r.raw));
    const rawWithKey = meanOf(rounds.map((r) => r.rawWithKey));
    measured.push(app);
    bench.rawRows.push({
      ...app,
      unit: 'ms p50',
      value: app.p50Ms,
      baselineName: raw.name,
      baseline: raw.p50Ms,
      ratio: app.p50Ms / raw.p50Ms,
      raw,
      target: { atMost: 1.5 },
    });
    bench.rawRows.push({
      ...app,
      name: `${name}, all its SQL`,
      unit: 'ms p50',
      value: app.p50Ms,
      baselineName: rawWithKey.name,
      baseline: rawWithKey.p50Ms,
      ratio: app.p50Ms / rawWithKey.p50Ms,
      raw: rawWithKey,
    });
  }
  // One integrator pushing batch after batch (what one request costs), and 16 pushing at once
  // into one tenant (what concurrency does to it), twice in turn: drift hits both alike.
  const writer = async () => (await fetch(`${rawUrl}/writer?tenant=${big.tenantId}`)).json();
  const leasesBefore = await writer();
  const rounds = [];
  for (let round = 0; round < 2; round++) {
    const alone = await load(bench, 'POST /ingest, 100 rows', `${api}/ingest`, {
      ...post,
      threads: 1,
      connections: 1,
    });
    const together = await load(bench, 'POST /ingest, 100 rows', `${api}/ingest`, post);
    rounds.push({ alone, together });
  }
  const leases = await writer();
  const alone = meanOf(rounds.map((r) => r.alone));
  const together = meanOf(rounds.map((r) => r.together));
  measured.push(alone, together);
  await run(`${me}, after`, `${api}/me`, auth);

  // Every ingest the tenant's writer let through, and whether any had to plan again.
  const writes = {
    leases: leases.granted - leasesBefore.granted,
    expired: leases.expired - leasesBefore.expired,
    lateReleases: leases.lateReleases - leasesBefore.lateReleases,
    headReads: leases.headReads - leasesBefore.headReads,
    mostWaiting: leases.mostWaiting,
  };
  bench.rawRows.push({
    ...together,
    name: 'POST /ingest, 100 rows, 16 integrators',
    unit: 'rows/s',
    value: together.requestsPerSec * 100,
    baselineName: 'the same, 1 integrator',
    baseline: alone.requestsPerSec * 100,
    ratio: together.requestsPerSec / alone.requestsPerSec,
    target: { atLeast: 0.8, errors: 0 },
    writer: writes,
  });
  bench.notes.push(
    `Tenant writer during the ingest runs: ${writes.leases} leases, ${writes.expired} expired, ` +
      `${writes.lateReleases} late releases, ${writes.headReads} head reads from D1, ` +
      `at most ${writes.mostWaiting} writes waiting.`,
  );

  const baseRps = (measured[0].requestsPerSec + measured.at(-1).requestsPerSec) / 2;
  // Beside each raw ratio, what the request costs in GET /me (as in the first table).
  for (const r of bench.rawRows) if (r.requestsPerSec) r.meRatio = baseRps / r.requestsPerSec;
  bench.rows.unshift(
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
}
