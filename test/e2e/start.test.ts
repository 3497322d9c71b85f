import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const stateDir = mkdtempSync(path.join(tmpdir(), 'jixiao-start-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
  rmSync(stateDir, { recursive: true, force: true });
});

/** Runs `npm start`'s script as a new user would, until it prints that it is running. */
function start(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), JIXIAO_STATE: stateDir },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 150_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
}

describe('npm start', () => {
  it('serves the dashboard and the API, seeds the demo company and prints its login and key', async () => {
    const port = 8900 + Math.floor(Math.random() * 90);
    const out = await start(port);
    expect(out).toContain('company slug: demo');
    expect(out).toContain('admin@demo.example');
    expect(out).toContain('jixiao-demo-2026');
    const key = /pek_[0-9A-Za-z]{40}/.exec(out)?.[0];
    expect(key, out).toBeDefined();

    const base = `http://localhost:${port}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="app"');

    const auth = { headers: { Authorization: `Bearer ${key}` } };
    const periods = (await (await fetch(`${base}/api/v1/periods`, auth)).json()) as {
      items: { id: string }[];
    };
    expect(periods.items, 'the demo month is open').toHaveLength(1);
    const ranking = await fetch(
      `${base}/api/v1/evaluations?sort=rank&periodId=${periods.items[0]!.id}`,
      auth,
    );
    expect(ranking.status).toBe(200);
    const body = (await ranking.json()) as { items: { employeeNo: string; rank: number }[] };
    expect(body.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ slug: 'demo', email: 'admin@demo.example', password: 'jixiao-demo-2026' }),
    });
    expect(login.status).toBe(200);
  });
});
