import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations
import { applyMigrations, buildWeb, servePages, waitUntilUp } from '../../scripts/local.mjs';

declare module 'vitest' {
  interface ProvidedContext {
    baseUrl: string;
  }
}

/** The real site + API (wrangler pages dev) on a fresh embedded D1 for the browser suite. */
export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'jixiao-e2e-'));
  const port = 8790 + Math.floor(Math.random() * 100);
  buildWeb();
  applyMigrations(persistTo);
  const server = servePages({ port, persistTo, quiet: true });
  const baseUrl = `http://localhost:${port}`;
  await waitUntilUp(baseUrl, 90_000);
  project.provide('baseUrl', baseUrl);
  return () => {
    server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
