import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect } from 'vitest';
import type { App } from '../../../worker/app';
import { call, type Reply } from '../../helpers/client';

/** `x-access` as the OpenAPI document publishes it. */
export type XAccess = { public: true } | { roles: string[]; scopes: string[] };

export interface Operation {
  method: string;
  /** Path under /api/v1 as the harness wants it, with `{param}` placeholders. */
  path: string;
  operationId: string;
  access: XAccess | undefined;
  /** A body of its own: not `EmptyBody`, which every operation without one takes (nothing or `{}`). */
  hasBody: boolean;
  /** Path, query and header parameters as documented (`in`, `name`, `schema`). */
  parameters: { in: string; name: string; schema?: Record<string, any> }[];
  /** A GET whose 200 answer holds an `items` array: a page or list of objects. */
  isList: boolean;
}

const BASE = '/api/v1';

/** Every operation of the live OpenAPI document (GET /api/v1/openapi.json). */
export async function operations(): Promise<Operation[]> {
  const doc = await call({ kind: 'none' }, 'GET', '/openapi.json');
  expect(doc.status, `openapi.json: ${JSON.stringify(doc.body)}`).toBe(200);
  const ops: Operation[] = [];
  const schemas: Record<string, any> = doc.body.components?.schemas ?? {};
  const resolve = (s: any): any => (s?.$ref ? resolve(schemas[s.$ref.split('/').at(-1)]) : s);
  for (const [fullPath, item] of Object.entries<Record<string, any>>(doc.body.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const ok = resolve(op.responses?.['200']?.content?.['application/json']?.schema);
      ops.push({
        method: method.toUpperCase(),
        path: fullPath.startsWith(BASE) ? fullPath.slice(BASE.length) : fullPath,
        operationId: op.operationId,
        access: op['x-access'],
        hasBody:
          Boolean(op.requestBody) &&
          op.requestBody.content?.['application/json']?.schema?.$ref !== '#/components/schemas/EmptyBody',
        parameters: (op.parameters ?? []).map((p: any) => ({ in: p.in, name: p.name, schema: p.schema })),
        isList: method === 'get' && resolve(ok?.properties?.items)?.type === 'array',
      });
    }
  }
  expect(ops.length, 'the OpenAPI document lists operations').toBeGreaterThan(0);
  return ops;
}

export const isPublic = (a: XAccess | undefined) => a !== undefined && 'public' in a && a.public === true;
export const hasPathParams = (path: string) => /\{[^}]+\}/.test(path);
export const fillPath = (path: string, id: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
export const label = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

/** One line per reply, to put in assertion messages. */
export const show = (r: Reply) =>
  `${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`;

/** Rows straight from D1, bypassing the API. */
export async function rows<T = Record<string, unknown>>(sql: string, ...binds: unknown[]): Promise<T[]> {
  const res = await env.DB.prepare(sql)
    .bind(...binds)
    .all<T>();
  return res.results;
}

export async function count(table: string, where = '1=1', ...binds: unknown[]): Promise<number> {
  const [row] = await rows<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, ...binds);
  return row?.n ?? 0;
}

const foundationTables = ['tenants', 'users', 'sessions', 'api_keys', 'audit_log'] as const;

/** Counts of every foundation table (global), to show that a refused request wrote nothing. */
export async function snapshotCounts(): Promise<Record<(typeof foundationTables)[number], number>> {
  const out = { tenants: 0, users: 0, sessions: 0, api_keys: 0, audit_log: 0 };
  for (const t of foundationTables) out[t] = await count(t);
  return out;
}

/** The error envelope every failure must have, with X-Request-Id matching; `what` prefixes messages. */
export function expectError(r: Reply, status: number, code: string, what = '') {
  const m = `${what ? `${what}: ` : ''}${show(r)}`;
  expect(r.status, m).toBe(status);
  expect(r.headers.get('Content-Type') ?? '', m).toMatch(/application\/json/);
  expect(r.body?.error?.code, m).toBe(code);
  expect(typeof r.body.error.message, m).toBe('string');
  expect(r.body.error.message.length, m).toBeGreaterThan(0);
  expect(r.body.error.requestId, m).toMatch(/^req_[0-9A-Za-z]{16}$/);
  expect(r.headers.get('X-Request-Id'), m).toBe(r.body.error.requestId);
  expect(Object.keys(r.body), `nothing but "error" at the top level: ${m}`).toEqual(['error']);
  const allowed = ['code', 'message', 'details', 'requestId'];
  expect(
    Object.keys(r.body.error).filter((k) => !allowed.includes(k)),
    m,
  ).toEqual([]);
}

/** Calls a fresh app directly (not SELF), with the test file's real bindings. */
export async function fetchApp(app: App, path: string, init: RequestInit = {}): Promise<Reply> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://localhost${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

let ipCounter = 0;
/** A client address no other test in the file uses (login throttling rows are global). */
export function uniqueIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

const zhPattern = /[\u4e00-\u9fff]/;
export const isChinese = (s: string) => zhPattern.test(s);
