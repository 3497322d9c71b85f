import { SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import { type Caller, ORIGIN } from '../../helpers/client';
import { type Month, ok, openMonth } from '../evaluations/fixtures';
import { act, COMPLETE } from '../evaluations/workflow-support';

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
