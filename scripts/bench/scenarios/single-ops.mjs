// Single operations, one at a time, each next to a 1-row version of itself (how the cost grows
// with size), and the ingest of 1,000 rows next to the raw 1,000-row insert batch.
import { single } from '../harness.mjs';
import { employeesCsv, ingestRows } from '../seed.mjs';

export async function singleOps(bench) {
  const { big, one, employees } = bench;
  // Rep 0 (the warm-up) opens 2026-01: the period every later scenario works on.
  const month = (rep) => `2026-${String(rep + 1).padStart(2, '0')}`;
  bench.rows.push(
    await single(bench, {
      name: `open a period, ${employees} employees`,
      baselineName: 'open a period, 1 employee',
      baseline: (rep) => one.owner.must('POST', '/periods', { key: month(rep) }),
      op: async (rep) => {
        const opened = await big.owner.must('POST', '/periods', { key: month(rep) });
        if (opened.evaluations !== employees) throw new Error(`opened ${opened.evaluations} evaluations`);
        bench.period ??= opened.period;
      },
    }),
  );
  let seq = 0;
  const ingest = (count) => (rep) =>
    big.integrator.must(
      'POST',
      '/ingest',
      { rows: ingestRows({ period: bench.period.key, from: 0, employees, count, seed: rep }) },
      { headers: { 'Idempotency-Key': `bench-single-${++seq}` } },
    );
  bench.rows.push(
    await single(bench, {
      name: 'ingest 1,000 rows',
      baselineName: 'ingest 1 row',
      baseline: ingest(1),
      op: ingest(1000),
    }),
  );
  // The same 1,000 rows, written by the raw Worker in the cheapest batch D1 takes; its rows
  // are deleted after each rep (untimed) so that the table does not grow.
  const raw = (path) => async () => {
    const res = await fetch(`${bench.rawUrl}${path}?tenant=${big.tenantId}`, { method: 'POST' });
    if (!res.ok) throw new Error(`raw ${path}: ${res.status} ${await res.text()}`);
  };
  const row = await single(bench, {
    name: 'ingest 1,000 rows',
    baselineName: 'raw D1: 1,000-row insert batch',
    baseline: raw('/insert-batch'),
    op: ingest(1000),
    after: raw('/cleanup'),
  });
  // Rows per second, so that higher is better on both sides: ingest ÷ raw is the share of
  // the raw batch's throughput that the app's ingest reaches.
  bench.rawRows.push({
    ...row,
    unit: 'rows/s',
    value: 1e6 / row.value,
    baseline: 1e6 / row.baseline,
    ratio: row.baseline / row.value,
    target: { atLeast: 0.5 },
  });
  const dryRun = (count) => async () => {
    const csv = employeesCsv(employees, count); // all new 工号: every row is checked as a create
    const res = await big.owner.must('POST', '/employees/import?dryRun=true', csv, { type: 'text/csv' });
    if (res.rows !== count || res.errors.length > 0)
      throw new Error(`dry run: ${JSON.stringify(res).slice(0, 300)}`);
  };
  bench.rows.push(
    await single(bench, {
      name: 'CSV import dry run, 5,000 rows',
      baselineName: 'CSV import dry run, 1 row',
      baseline: dryRun(1),
      op: dryRun(5000),
    }),
  );
}
