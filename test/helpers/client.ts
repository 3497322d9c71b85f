import { SELF } from 'cloudflare:test';
import { assertContract } from './contract';

export const ORIGIN = 'http://localhost';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body sent as is (malformed JSON, CSV …). */
  raw?: BodyInit;
  headers?: Record<string, string>;
  lang?: 'zh-CN' | 'en';
}

/** Credentials a caller presents: a session (cookie + CSRF token) or an API key. */
export type Credentials =
  | { kind: 'session'; cookie: string; csrf: string }
  | { kind: 'key'; secret: string }
  | { kind: 'none' };

let addresses = 0;
/**
 * Each call comes from its own client address unless the test names one (CF-Connecting-IP):
 * sign-up and login limits count per address, and unrelated tests must not share a count.
 */
function nextAddress(): string {
  addresses += 1;
  return `198.19.${(addresses >> 8) & 255}.${addresses & 255}`;
}
/** How a request reaches the Worker: SELF, or the app with a test's own bindings (app.ts). */
export type Send = (url: string, init: RequestInit) => Promise<Response>;
const viaSelf: Send = (url, init) => SELF.fetch(url, init);

/** One HTTP call through the Worker under test (SELF), answered as status + parsed body. */
export async function call(
  creds: Credentials,
  method: string,
  path: string,
  opts: CallOptions = {},
  send: Send = viaSelf,
): Promise<Reply> {
  const headers: Record<string, string> = {
    Origin: ORIGIN,
    'CF-Connecting-IP': nextAddress(),
    ...(opts.lang && { 'Accept-Language': opts.lang }),
  };
  if (creds.kind === 'session') {
    headers.Cookie = creds.cookie;
    headers['X-CSRF-Token'] = creds.csrf;
  } else if (creds.kind === 'key') {
    headers.Authorization = `Bearer ${creds.secret}`;
  }
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await send(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { ...headers, ...opts.headers },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  assertContract(
    method,
    `/api/v1${path}`,
    res.status,
    res.headers.get('Content-Type') ?? '',
    parsed,
    res.headers,
  );
  return { status: res.status, body: parsed, headers: res.headers };
}

/** The `name=value` of a Set-Cookie header, for sending back. */
export function cookieFrom(res: Reply, name = 'jx_session'): string {
  const raw = res.headers.get('Set-Cookie') ?? '';
  const match = new RegExp(`${name}=([^;]*)`).exec(raw);
  if (!match) throw new Error(`no ${name} cookie in ${raw}`);
  return `${name}=${match[1]}`;
}

/** Bound caller: `as.get('/me')`. */
export function caller(creds: Credentials, send?: Send) {
  return {
    creds,
    get: (path: string, opts?: CallOptions) => call(creds, 'GET', path, opts, send),
    post: (path: string, body?: unknown, opts?: CallOptions) =>
      call(creds, 'POST', path, { ...opts, body }, send),
    patch: (path: string, body?: unknown, opts?: CallOptions) =>
      call(creds, 'PATCH', path, { ...opts, body }, send),
    put: (path: string, body?: unknown, opts?: CallOptions) =>
      call(creds, 'PUT', path, { ...opts, body }, send),
    delete: (path: string, opts?: CallOptions) => call(creds, 'DELETE', path, opts, send),
  };
}
export type Caller = ReturnType<typeof caller>;
