import { env, SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import type { KeyScope } from '../../../db/schema';
import { dbFor } from '../../../worker/data/db';
import type { ReportJob } from '../../../worker/env';
import { createReport, type ReportRequest } from '../../../worker/services/reports';
import type { Scope } from '../../../worker/services/scope';
import { type Caller, ORIGIN } from '../../helpers/client';
import { type Month, ok, openMonth } from '../evaluations/fixtures';
import { act, COMPLETE } from '../evaluations/workflow-support';
import { rows as d1 } from '../support';

export { ok };

/**
 * A month worth exporting: 客服部 (KF001 with a login, KF002…KF006) and 工程部 (GC001…GC003,
 * hired late into the month), totals spread by the call counts an integrator pushed, KF001's
 * evaluation submitted and appealed. `hr` is the owner; `key` an integrator.
 */
export interface SeededMonth extends Month {
  otherDepartmentId: string;
  integrator: Caller;
}

export async function seedMonth(): Promise<SeededMonth> {
  const m = await openMonth(['KF002', 'KF003', 'KF004', 'KF005', 'KF006']);
  const hr = m.t.owner;
  const other = ok(await hr.post('/departments', { name: '工程部' }), 201);
  for (const no of ['GC001', 'GC002', 'GC003']) {
    const emp = ok(
      await hr.post('/employees', {
        employeeNo: no,
        name: `工程${no}`,
        departmentId: other.id,
        positionId: m.positionId,
      }),
      201,
    );
    ok(await hr.post(`/periods/${m.periodId}/evaluations`, { employeeId: emp.id }), 201);
  }
  const integrator = await m.t.keyWith('metrics:write');
  const nos = ['KF002', 'KF003', 'KF004', 'KF005', 'KF006', 'GC001', 'GC002', 'GC003'];
  const rows = nos.flatMap((employeeNo, i) => [
    { employeeNo, period: '2026-11', indicator: 'calls_answered', value: 500 + i * 97 },
    { employeeNo, period: '2026-11', indicator: 'tickets_closed', value: 60 + i * 13 },
    { employeeNo, period: '2026-11', indicator: 'reply_in_30min', value: 0.5 + i * 0.06 },
  ]);
  ok(await integrator.post('/ingest', { rows }));
  ok(await act(m.supervisor, m.evaluationId, 'inputs', COMPLETE));
  ok(await act(m.supervisor, m.evaluationId, 'submit'));
  ok(await act(m.employee, m.evaluationId, 'appeal', { reason: '通话量统计漏了夜班' }));
  const list = ok(await hr.get(`/evaluations?periodId=${m.periodId}&limit=200`));
  expect(list.items).toHaveLength(9);
  return { ...m, otherDepartmentId: other.id, integrator };
}

/** Polls the report until it leaves queued/running; the queue consumer runs it within a second. */
export async function settled(who: Caller, id: string, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = ok(await who.get(`/reports/${id}`));
    if (r.status === 'ready' || r.status === 'failed') return r;
    if (Date.now() > deadline) throw new Error(`report ${id} still ${r.status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Asks for a report and waits for it to be ready. */
export async function exported(
  who: Caller,
  body: Record<string, unknown>,
  lang?: 'en',
  timeoutMs?: number,
): Promise<any> {
  const created = ok(await who.post('/reports', body, lang ? { lang } : undefined), 202);
  const done = await settled(who, created.id, timeoutMs);
  expect(done.status, JSON.stringify(done.error)).toBe('ready');
  return done;
}

/** The file's bytes as the API streams them, with the response headers. */
export async function download(who: Caller, id: string) {
  const res = await SELF.fetch(`${ORIGIN}/api/v1/reports/${id}/download`, { headers: authHeaders(who) });
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

export function authHeaders(who: Caller): Record<string, string> {
  const c = who.creds;
  if (c.kind === 'session') return { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, Origin: ORIGIN };
  if (c.kind === 'key') return { Authorization: `Bearer ${c.secret}` };
  return {};
}

/** RFC 4180, strictly: CRLF after every record, quotes doubled inside quoted fields. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`a bare line break at ${i}`);
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** `12.05` from 1205 fen, as the export should print it. */
export const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

export const BULK = 20_000;

/**
 * 20,000 more evaluations in the seeded month, written straight into D1 (one INSERT … SELECT
 * each): what is under test is the export, not how a month gets that big. Each name is long
 * (60 CJK characters), so the CSV passes 5 MiB and goes up in more than one part.
 */
export async function bulkMonth() {
  const m = await seedMonth();
  const now = new Date().toISOString();
  const tag = `bulk${Math.random().toString(36).slice(2, 8)}_`; // ids are global; 工号 per tenant
  await d1(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO employees (id, tenant_id, employee_no, name, department_id, position_id, active, created_at, updated_at)
     SELECT 'emp_' || ? || i, ?, 'B' || printf('%05d', i), '批量员工' || i || replace(hex(zeroblob(60)), '00', '名'), ?, ?, 1, ?, ?
       FROM n`,
    BULK,
    tag,
    m.t.tenantId,
    m.departmentId,
    m.positionId,
    now,
    now,
  );
  await d1(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
     INSERT INTO evaluations (id, tenant_id, period_id, employee_id, department_id, position_id, scheme_id,
         scheme_version_id, status, revision, total_centi, grade, k, vetoed, base_salary_fen, bonus_base_fen,
         bonus_fen, pay_total_fen, breakdown, missing_required, created_at, updated_at)
       SELECT 'eva_' || ?1 || i, e.tenant_id, e.period_id, 'emp_' || ?1 || i, e.department_id, e.position_id, e.scheme_id,
              e.scheme_version_id, e.status, 1, (i * 37) % 10001, e.grade, e.k, e.vetoed, e.base_salary_fen,
              e.bonus_base_fen, e.bonus_fen, e.pay_total_fen,
              json_object('categories', json_extract(e.breakdown, '$.categories')), '[]', e.created_at, e.updated_at
         FROM n, evaluations e WHERE e.id = ?3`,
    tag,
    BULK,
    m.evaluationId,
  );
  return m;
}

/**
 * A report queued by the owner (or by the key given) whose job is captured instead of sent, so
 * that a test can run it itself (runReportJob) against a bucket of its choosing.
 */
export async function queuedReport(
  m: Month,
  request: ReportRequest,
  key?: { keyId: string; scopes: KeyScope[] },
) {
  const tenantId = m.t.tenantId;
  const scope: Scope = {
    db: dbFor(env, tenantId),
    tenantId,
    principal: key
      ? {
          kind: 'api_key',
          tenantId,
          keyId: key.keyId,
          scopes: key.scopes,
          createdBy: m.t.ownerId,
          creatorRole: 'owner',
          selves: [m.t.ownerId],
        }
      : {
          kind: 'user',
          tenantId,
          userId: m.t.ownerId,
          role: 'owner',
          sessionId: 'test',
          selves: [m.t.ownerId],
          mustChangePassword: false,
        },
    actor: key
      ? { tenantId, actorType: 'api_key', actorId: key.keyId, requestId: 'req_test' }
      : { tenantId, actorType: 'user', actorId: m.t.ownerId, requestId: 'req_test' },
    lang: 'zh-CN',
  };
  const sent: ReportJob[] = [];
  const queue = { send: async (job: ReportJob) => void sent.push(job) } as unknown as Queue<ReportJob>;
  const report = await createReport(scope, queue, request);
  return { report, job: sent[0]! };
}

export const objectKeyOf = async (id: string) =>
  (await d1<{ object_key: string }>('SELECT object_key FROM reports WHERE id = ?', id))[0]!.object_key;

/** Every call the job makes to R2, on the real bucket; `fail` makes one of them throw. */
export function watchedBucket(
  real: R2Bucket,
  fail?: { call: 'put' | 'uploadPart' | 'complete'; part?: number },
) {
  const calls: string[] = [];
  const seen: { uploadId?: string; uploadKey?: string; parts: R2UploadedPart[] } = { parts: [] };
  const injected = (call: string) => new Error(`injected: R2 is unavailable (${call})`);
  const bucket = new Proxy(real, {
    get(target, prop) {
      if (prop === 'put')
        return async (key: string, body: any, options: any) => {
          calls.push(`put ${key.split('/').at(-1)}`);
          if (fail?.call === 'put') throw injected('put');
          return target.put(key, body, options);
        };
      if (prop !== 'createMultipartUpload') return Reflect.get(target, prop).bind(target);
      return async (key: string, options: R2MultipartOptions) => {
        calls.push(`createMultipartUpload ${key.split('/').at(-1)}`);
        const upload = await target.createMultipartUpload(key, options);
        seen.uploadId = upload.uploadId;
        seen.uploadKey = key;
        return {
          key: upload.key,
          uploadId: upload.uploadId,
          abort: () => upload.abort(),
          uploadPart: async (n: number, body: Uint8Array) => {
            calls.push(`uploadPart ${n} ${body.byteLength}`);
            if (fail?.call === 'uploadPart' && fail.part === n) throw injected(`part ${n}`);
            const part = await upload.uploadPart(n, body);
            seen.parts.push(part);
            return part;
          },
          complete: async (parts: R2UploadedPart[]) => {
            calls.push('complete');
            if (fail?.call === 'complete') throw injected('complete');
            return upload.complete(parts);
          },
        };
      };
    },
  });
  return { bucket, calls, seen };
}
