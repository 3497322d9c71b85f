import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { createApp } from '../../../worker/app';
import { EVALUATION_STORE_TAG } from '../../../worker/services/evaluations/store';
import { type CallOptions, type Credentials, ORIGIN, type Reply } from '../../helpers/client';

/** A statement that writes the evaluations table (an INSERT, UPDATE or DELETE of it). */
const WRITES_EVALUATIONS =
  /^(?:\s*\/\*.*?\*\/)*\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|replace\s+into)\s+"?evaluations"?[\s(]/i;

export const writesEvaluations = (sql: string) => WRITES_EVALUATIONS.test(sql);
/** Whether the statement came from the evaluation store (worker/services/evaluations/store.ts). */
export const fromStore = (sql: string) => sql.startsWith(EVALUATION_STORE_TAG);

/**
 * The test file's D1 binding, watched: every statement prepared through it (reads included,
 * each statement of a batch counted) is recorded in order, and every write to `evaluations`
 * that does not carry the store's tag is recorded as a stray writer.
 */
export function spyD1(binding: D1Database = env.DB) {
  const statements: string[] = [];
  const strays: string[] = [];
  const watched = new Proxy(binding, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          statements.push(sql);
          if (writesEvaluations(sql) && !fromStore(sql)) strays.push(sql);
          return target.prepare(sql);
        };
      }
      if (prop === 'exec') {
        return (sql: string) => {
          statements.push(sql);
          if (writesEvaluations(sql)) strays.push(sql);
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    binding: watched,
    statements,
    strays,
    /** Forgets what was seen so far. */
    reset() {
      statements.length = 0;
      strays.length = 0;
    },
  };
}
export type D1Spy = ReturnType<typeof spyD1>;

const app = createApp();

/** One call through a fresh app whose DB binding is the spy's (not SELF, whose env is fixed). */
export async function callWith(
  spy: D1Spy,
  creds: Credentials,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    Origin: ORIGIN,
    ...(opts.lang && { 'Accept-Language': opts.lang }),
  };
  if (creds.kind === 'session') {
    headers.Cookie = creds.cookie;
    headers['X-CSRF-Token'] = creds.csrf;
  } else if (creds.kind === 'key') headers.Authorization = `Bearer ${creds.secret}`;
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`${ORIGIN}/api/v1${path}`, { method, headers: { ...headers, ...opts.headers }, body }),
    { ...env, DB: spy.binding },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
