import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// OWASP API7 (server-side request forgery): the Worker makes no request of its own, so no
// caller-supplied URL can be fetched. If one is ever added, this names the file, so that
// the review of its destination (allow-list, no redirects to private ranges) is not skipped.
const workerDir = path.resolve(import.meta.dirname, '../../../worker');
// The API reference's browser script runs in the reader's browser and fetches openapi.json.
const BROWSER_CODE = new Set([path.join(workerDir, 'routes/docs/script.ts')]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('no outbound requests from the Worker', () => {
  it('no worker file calls the global fetch or opens a socket', () => {
    // The global fetch only: `env.API.fetch(…)` or a Durable Object stub's is a binding, not the network.
    const outbound = /(?<![.\w])fetch\s*\(|cloudflare:sockets|(?<![.\w])connect\s*\(|new WebSocket\s*\(/;
    const found = sources(workerDir)
      .filter((file) => !BROWSER_CODE.has(file))
      .filter((file) => outbound.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(workerDir, file));
    expect(found, 'files that reach out: review them for SSRF').toEqual([]);
  });
});
