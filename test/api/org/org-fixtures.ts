import { expect } from 'vitest';
import { type Caller, call, type Reply } from '../../helpers/client';
import type { TestTenant } from '../../helpers/tenant';

export const show = (r: Reply) =>
  `${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`;

/** Calls that must succeed, with the reply in the assertion message when they do not. */
export async function ok(res: Promise<Reply>, status = 200): Promise<any> {
  const r = await res;
  expect(r.status, show(r)).toBe(status);
  return r.body;
}

export interface Org {
  kefu: string; // 客服部
  baoan: string; // 保安部
  zhuanyuan: string; // 客服专员
  qiantai: string; // 前台接待
  baoanPos: string; // 保安
}

/** The structure most tests start from: two departments, three positions. */
export async function orgOf(t: TestTenant): Promise<Org> {
  const dep = (name: string, site?: string) => ok(t.owner.post('/departments', { name, site }), 201);
  const pos = (name: string, base: number, bonus: number) =>
    ok(t.owner.post('/positions', { name, baseSalaryFen: base, bonusBaseFen: bonus }), 201);
  const [kefu, baoan] = [await dep('客服部', '绿苑花园'), await dep('保安部')];
  const [zhuanyuan, qiantai, baoanPos] = [
    await pos('客服专员', 350000, 100000),
    await pos('前台接待', 320000, 80000),
    await pos('保安', 300000, 30000),
  ];
  return {
    kefu: kefu.id,
    baoan: baoan.id,
    zhuanyuan: zhuanyuan.id,
    qiantai: qiantai.id,
    baoanPos: baoanPos.id,
  };
}

export function newEmployee(who: Caller, body: Record<string, unknown>) {
  return ok(who.post('/employees', body), 201);
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes of a CSV text, with Excel's BOM in front if asked. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM);
  out.set(body, UTF8_BOM.length);
  return out;
}

export const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));

/** POST /employees/import with the raw bytes as text/csv. */
export function importCsv(
  who: Caller,
  bytes: Uint8Array | string,
  opts: { dryRun?: boolean; contentType?: string; lang?: 'zh-CN' | 'en' } = {},
) {
  const query = opts.dryRun === undefined ? '' : `?dryRun=${opts.dryRun}`;
  return call(who.creds, 'POST', `/employees/import${query}`, {
    raw: bytes,
    headers: { 'Content-Type': opts.contentType ?? 'text/csv' },
    lang: opts.lang,
  });
}
