// Load from wrk, a separate native process: a load generator inside this Node process would
// compete with miniflare's own Node side for the same two cores and skew the numbers.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function wrkAvailable() {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

const HOW_TO_INSTALL =
  'npm run bench needs `wrk` on PATH (Debian/Ubuntu: apt-get install -y wrk; macOS: brew install wrk).';

/**
 * wrk on PATH, installed with apt-get first when we run as root on Debian/Ubuntu and the
 * package is reachable; otherwise one line saying how. Answers whether wrk is there.
 */
export function ensureWrk() {
  if (wrkAvailable()) return true;
  const apt = (...args) =>
    spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (process.getuid?.() === 0 && apt('--version').error === undefined) {
    console.log('wrk is missing; installing it with apt-get…');
    // The package lists may be stale or absent on a fresh image: update once if the first try fails.
    if (apt('install', '-y', '-q', 'wrk').status !== 0) {
      apt('update', '-q');
      apt('install', '-y', '-q', 'wrk');
    }
    if (wrkAvailable()) return true;
  }
  console.error(HOW_TO_INSTALL);
  return false;
}

/** Lua string literal that no JSON body can close early. */
const long = (s) => `[==[${s}]==]`;

/**
 * A wrk script sending `Authorization` on every request and, for POSTs, cycling through `bodies`
 * with a fresh Idempotency-Key each time (as integrators are told to send; a reused key would
 * only measure the replay path).
 */
function luaScript({ apiKey, method = 'GET', bodies = [] }) {
  const head = `
wrk.method = "${method}"
wrk.headers["Authorization"] = "Bearer ${apiKey}"
wrk.headers["Content-Type"] = "application/json"
`;
  // GETs need no request(): wrk then builds the request once and reuses it.
  if (bodies.length === 0) return head;
  return `${head}
local bodies = { ${bodies.map(long).join(',\n')} }
local run_id, counter, threads = "${Date.now().toString(36)}", 0, 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads) -- a global in that thread's own Lua state
end
function request()
  counter = counter + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Idempotency-Key"] = run_id .. "-" .. tostring(thread_id) .. "-" .. counter
  return wrk.format(nil, nil, headers, bodies[(counter % #bodies) + 1])
end
`;
}

const number = (text, re) => Number(re.exec(text)?.[1] ?? 0);

/** wrk prints latencies as 1.23ms / 456.00us / 1.02s. */
function ms(text, label) {
  const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)\\b`).exec(text);
  if (!m) return null;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
}

const running = new Set();

/** Stops any wrk still running (on Ctrl+C). */
export function stopWrk() {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs wrk once against `url`; resolves to requests/s, the median and p99 latency, the errors. */
export async function runWrk(url, { seconds, threads, connections, tmpDir, ...script }) {
  const lua = path.join(tmpDir, 'wrk.lua');
  writeFileSync(lua, luaScript(script));
  // A 10 s timeout, so that slow answers under contention count as answers (with their latency),
  // not as socket errors.
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s'];
  args.push('--latency', '-s', lua, url);
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  running.delete(child);
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${out}`);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSec: number(out, /Requests\/sec:\s+([\d.]+)/),
    requests: number(out, /(\d+) requests in/),
    p50Ms: ms(out, '50%'),
    p99Ms: ms(out, '99%'),
    non2xx: number(out, /Non-2xx or 3xx responses: (\d+)/),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}
