import { describe, expect, it } from 'vitest';
import { keyScopes } from '../../../db/schema';
import { type Caller, type Credentials, call, caller, type Reply } from '../../helpers/client';
import { signIn } from '../../helpers/tenant';
import { ok, openMonth } from '../evaluations/fixtures';
import { fillPath, type XAccess } from '../support';
import { type HostileBody, hostileCsvBodies, hostileJsonBodies } from '../support/hostile';

/*
 * Every write operation of the served OpenAPI document, sent every hostile body its request
 * schema suggests (test/api/support/hostile.ts), by an owner and, where a key may call it, some
 * of them by a key with every scope: nothing may end in a 5xx, and every refusal is a 4xx in the
 * error envelope with a status the operation documents. Derived from the document, so an
 * operation added tomorrow is swept the day it lands. About 1,900 requests: 20–40 s here.
 */

const BASE = '/api/v1';
/** The bodies a key sends too (by kind): those that pass, and one of each way to fail. */
const AS_KEY =
  /^(deep arrays|no body|not JSON|the (full|minimal) sample|duplicate keys|every number 1e999|CSV with NUL)/;
const DUMMY = 'xxx_doesnotexist';

interface WriteOp {
  method: string;
  path: string;
  operationId: string;
  access: XAccess;
  /** The JSON body schema, or 'csv'. */
  body: Record<string, any> | 'csv';
  ifMatch: boolean;
}

function writeOps(doc: any): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const [full, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (method === 'get') continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path: full.slice(BASE.length),
        operationId: op.operationId,
        access: op['x-access'],
        body: content['text/csv'] ? 'csv' : (content['application/json']?.schema ?? {}),
        ifMatch: (op.parameters ?? []).some((p: any) => p.in === 'header' && p.name === 'if-match'),
      });
    }
  }
  // What removes or ends things goes last, so the rest meets live objects.
  const last = (o: WriteOp) => o.method === 'DELETE' || /\/(close|archive|revoke|logout)$/.test(o.path);
  return [...ops.filter((o) => !last(o)), ...ops.filter(last)];
}

/** The error envelope, as expectError (../support) checks it, but collected rather than thrown. */
function envelopeProblem(r: Reply): string | undefined {
  const e = r.body?.error;
  if (!(r.headers.get('Content-Type') ?? '').includes('application/json')) return 'not JSON';
  if (!e || Object.keys(r.body).join() !== 'error') return 'no {error} envelope';
  if (typeof e.code !== 'string' || typeof e.message !== 'string' || !e.message) return 'no code or message';
  if (!/^req_[0-9A-Za-z]{16}$/.test(e.requestId ?? '') || r.headers.get('X-Request-Id') !== e.requestId)
    return 'no requestId';
  return undefined;
}

async function send(
  creds: Credentials,
  op: WriteOp,
  path: string,
  b: HostileBody,
  headers: Record<string, string>,
) {
  try {
    const reply = await call(creds, op.method, path, {
      raw: b.raw as BodyInit | undefined,
      headers: { ...(b.contentType && { 'Content-Type': b.contentType }), ...headers },
    });
    return { reply };
  } catch (err) {
    // The contract check of test/helpers/client.ts: an undocumented status or body.
    return { contract: String(err).slice(0, 300) };
  }
}

describe('hostile input sweep (every write operation of the OpenAPI document)', () => {
  it('no hostile body ends in a 5xx; every refusal is a documented 4xx in the error envelope', async () => {
    const doc = (await call({ kind: 'none' }, 'GET', '/openapi.json', { lang: 'en' })).body;
    const m = await openMonth();
    const owner = m.t.owner;
    const made = ok(await owner.post('/api-keys', { name: 'sweep', scopes: keyScopes }), 201);
    const key = caller({ kind: 'key', secret: made.secret });
    const victimUser = await m.t.userWith('auditor');
    const victimKey = await m.t.keyWith('audit:read');
    const draft = ok(await owner.post('/schemes', { fromTemplate: 'cs-monthly', name: '草稿' }), 201);
    // Real objects where a path names one, so that bodies which pass validation reach the handler.
    const ids: [RegExp, Record<string, string>][] = [
      [/^\/users\/\{id\}/, { id: victimUser.userId }],
      [/^\/api-keys\/\{id\}/, { id: victimKey.keyId }],
      [/^\/periods\/\{id\}/, { id: m.periodId, evaluationId: m.evaluationId }],
      [/^\/evaluations\/\{id\}/, { id: m.evaluationId }],
      [/^\/departments\/\{id\}/, { id: m.departmentId }],
      [/^\/positions\/\{id\}/, { id: m.positionId }],
      [/^\/employees\/\{id\}/, { id: m.employeeId }],
      [/^\/schemes\/\{id\}/, { id: draft.id, version: '1' }],
    ];
    const pathOf = (op: WriteOp) => {
      const known = ids.find(([re]) => re.test(op.path))?.[1] ?? {};
      return fillPath(
        op.path.replace(/\{(\w+)\}/g, (_, name: string) => known[name] ?? `{${name}}`),
        DUMMY,
      );
    };

    // Logout ends the session it is sent with: it gets its own, renewed whenever it works.
    let leaving: Caller = await signIn(m.t.slug, m.t.email);
    let etagStale = true;
    let etag = '';
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;

    /** What one answer says about the body it got; failures are collected, not thrown. */
    const judge = (what: string, b: HostileBody, sentReply: Awaited<ReturnType<typeof send>>) => {
      sent += 1;
      const { reply, contract } = sentReply;
      if (!reply) return failures.push(`${what}: ${contract}`);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      if (reply.status < 400) etagStale = true;
      if (reply.status >= 500)
        return failures.push(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
      const refusedFirst = reply.status === 401 || reply.status === 403; // who, before what
      if (b.expect !== undefined && reply.status !== b.expect && !refusedFirst)
        return failures.push(`${what}: expected ${b.expect}, got ${reply.status}`);
      const problem = reply.status >= 400 ? envelopeProblem(reply) : undefined;
      if (problem) failures.push(`${what}: ${reply.status} ${problem}`);
    };

    for (const op of writeOps(doc)) {
      const byKey = !('public' in op.access) && op.access.scopes.length > 0;
      const bodies = op.body === 'csv' ? hostileCsvBodies() : hostileJsonBodies(doc, op.body);
      const path = pathOf(op);
      const leaves = op.path === '/auth/logout';
      const who: [string, Credentials][] =
        'public' in op.access
          ? [['anyone', { kind: 'none' }]]
          : [['owner', owner.creds], ...(byKey ? [['key', key.creds] as [string, Credentials]] : [])];
      for (const [as, creds] of who) {
        // A key meets the same parsing and validation; what differs is who acts, so the bodies
        // that reach the handler, and one of each kind of refusal, are enough for it.
        const mine = as === 'key' ? bodies.filter((b) => AS_KEY.test(b.kind)) : bodies;
        if (op.ifMatch || leaves) {
          // In order: each change needs the ETag the last one left, each logout a live session.
          for (const b of mine) {
            if (op.ifMatch && etagStale) {
              etag = (await owner.get(`/evaluations/${m.evaluationId}`)).headers.get('ETag') ?? '';
              etagStale = false;
            }
            const from = leaves && as === 'owner' ? leaving.creds : creds;
            const answer = await send(from, op, path, b, op.ifMatch ? { 'If-Match': etag } : {});
            judge(`${op.method} ${op.path} as ${as}, ${b.kind}`, b, answer);
            if (leaves && as === 'owner' && (answer.reply?.status ?? 500) < 400)
              leaving = await signIn(m.t.slug, m.t.email);
          }
          continue;
        }
        // The rest four at a time: the machine waits on D1 more than it computes.
        for (let i = 0; i < mine.length; i += 4) {
          const batch = mine.slice(i, i + 4);
          const answers = await Promise.all(
            batch.map((b, j) =>
              send(
                creds,
                op,
                path,
                b,
                op.path === '/ingest' ? { 'Idempotency-Key': `sweep-${sent + j}` } : {},
              ),
            ),
          );
          for (const [j, b] of batch.entries())
            judge(`${op.method} ${op.path} as ${as}, ${b.kind}`, b, answers[j]!);
        }
      }
    }

    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    expect(failures, `${failures.length} of ${sent} hostile requests went wrong`).toEqual([]);
    // Not vacuous: the owner stayed signed in, and most bodies were refused rather than let in.
    expect(sent, summary.join(' ')).toBeGreaterThan(1500);
    expect(statuses.get(401) ?? 0, `the sweep's own session and key kept working: ${summary}`).toBeLessThan(
      50,
    );
    expect(statuses.get(400) ?? 0, summary.join(' ')).toBeGreaterThan(sent / 2);
  }, 120_000);
});
