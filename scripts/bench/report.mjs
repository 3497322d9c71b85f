// The table on stdout and the same rows in bench-results.json.
import { writeFileSync } from 'node:fs';

const fmt = (n, digits = 1) =>
  n == null
    ? ''
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function printTable(rows) {
  const table = [
    ['scenario', 'load', 'result', 'p99', 'errors', 'baseline', 'cost × baseline'],
    ...rows.map((r) => [
      r.name,
      r.load,
      `${fmt(r.value)} ${r.unit}`,
      r.p99Ms == null ? '' : `${fmt(r.p99Ms)} ms`,
      r.unit === 'req/s' ? String(r.non2xx + r.socketErrors) : '',
      r.baselineName,
      fmt(r.ratio, 2),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const left = new Set([0, 1, 5]); // names left-aligned, numbers right-aligned
  const line = (row) =>
    row.map((cell, c) => (left.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])));
  console.log();
  console.log(line(table[0]).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row).join('  '));
}

/** Whether a ratio meets its target, and by how much it misses. */
function verdict(r) {
  const t = r.target ?? {};
  const errors = (r.non2xx ?? 0) + (r.socketErrors ?? 0);
  if (t.errors !== undefined && errors > t.errors) return `missed: ${errors} errors`;
  if (t.atMost !== undefined)
    return r.ratio <= t.atMost
      ? `met (≤ ${t.atMost})`
      : `missed by ${fmt((r.ratio / t.atMost - 1) * 100, 0)}% (≤ ${t.atMost})`;
  if (t.atLeast !== undefined)
    return r.ratio >= t.atLeast
      ? `met (≥ ${t.atLeast})`
      : `missed by ${fmt((1 - r.ratio / t.atLeast) * 100, 0)}% (≥ ${t.atLeast})`;
  return '';
}

/** Each scenario beside its raw-D1 (or single-integrator) baseline, with the target. */
export function printRawTable(rows) {
  const table = [
    ['scenario', 'result', 'errors', 'baseline', 'baseline result', '× baseline', '× GET /me', 'target'],
    ...rows.map((r) => [
      r.name,
      `${fmt(r.value)} ${r.unit}`,
      r.non2xx === undefined ? '' : String(r.non2xx + r.socketErrors),
      r.baselineName,
      `${fmt(r.baseline)} ${r.unit}`,
      fmt(r.ratio, 2),
      r.meRatio == null ? '' : fmt(r.meRatio, 2),
      verdict(r),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const left = new Set([0, 3, 7]);
  const line = (row) =>
    row.map((cell, c) => (left.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])));
  console.log('\nAgainst raw D1 and the single integrator (ms: lower is better; rows/s: higher is better)');
  console.log(line(table[0]).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table.slice(1)) console.log(line(row).join('  '));
}

export function writeJson(file, meta, rows, rawRows = []) {
  const against = rawRows.map((r) => ({ ...r, verdict: verdict(r) }));
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), ...meta, results: rows, againstBaselines: against }, null, 2)}\n`,
  );
}
