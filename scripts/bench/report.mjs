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

export function writeJson(file, meta, rows) {
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), ...meta, results: rows }, null, 2)}\n`,
  );
}
