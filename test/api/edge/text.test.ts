import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { count, expectError, show } from '../support';

type Session = { kind: 'session'; cookie: string; csrf: string };

/** POST raw bytes as a JSON body, with the caller's session. */
async function postBytes(creds: Session, path: string, bytes: Uint8Array, lang = 'en') {
  const res = await SELF.fetch(`${ORIGIN}/api/v1${path}`, {
    method: 'POST',
    headers: {
      Origin: ORIGIN,
      Cookie: creds.cookie,
      'X-CSRF-Token': creds.csrf,
      'Content-Type': 'application/json',
      'Accept-Language': lang,
    },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** `{"name":"<prefix><bytes><suffix>"}` with the raw bytes spliced into the string. */
const withBytes = (before: string, bytes: number[], after: string) =>
  new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]);

describe('JSON bodies must be text', () => {
  it('a lone surrogate escape is a 400 naming the field, and nothing is stored or audited', async () => {
    const t = await newTenant();
    const creds = t.owner.creds as Session;
    const before = { departments: await count('departments'), audit: await count('audit_log') };
    const res = await postBytes(creds, '/departments', utf8('{"name":"\\ud800lone"}'));
    expectError(res as any, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details, show(res as any)).toEqual([
      expect.objectContaining({ field: 'name', code: 'not_text' }),
    ]);
    expect(res.body.error.details[0].message).toMatch(/^name is not valid text/);
    expect(await count('departments')).toBe(before.departments);
    expect(await count('audit_log')).toBe(before.audit);
    const zh = await postBytes(creds, '/departments', utf8('{"name":"ok","x":"\\udc00"}'), 'zh-CN');
    expect(zh.body.error.details[0], show(zh as any)).toMatchObject({ field: 'x', code: 'not_text' });
    expect(zh.body.error.details[0].message).toContain('包含无效的文本');
  });

  it('bytes that are not UTF-8 (FF FE, a truncated sequence, an encoded surrogate) are a 400 naming the field', async () => {
    const t = await newTenant();
    const creds = t.owner.creds as Session;
    for (const bytes of [
      [0xff, 0xfe],
      [0xe4, 0xb8],
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
    ]) {
      const res = await postBytes(creds, '/departments', withBytes('{"name":"部门', bytes, '"}'));
      expectError(res as any, 400, 'VALIDATION_FAILED');
      expect(res.body.error.details, `${bytes}: ${show(res as any)}`).toEqual([
        expect.objectContaining({ field: 'name', code: 'not_text' }),
      ]);
    }
    expect((await t.owner.get('/departments')).body.items).toEqual([]);
  });

  it('nested fields and keys are named by their path; a well-formed pair and Chinese pass', async () => {
    const t = await newTenant();
    const creds = t.owner.creds as Session;
    const nested = await postBytes(
      creds,
      '/schemes',
      utf8('{"name":"方案","description":"ok","x":[{"a":"fine"},{"b":"\\ud83d"}],"\\udfff":1}'),
    );
    expectError(nested as any, 400, 'VALIDATION_FAILED');
    expect(nested.body.error.details.map((d: { field: string }) => d.field)).toEqual(['x[1].b', '\ufffd']);

    const ok = await postBytes(creds, '/departments', utf8('{"name":"客服部 \\ud83d\\ude00 😀"}'));
    expect(ok.status, show(ok as any)).toBe(201);
    const read = await t.owner.get(`/departments/${ok.body.id}`);
    expect(read.body.name, 'stored exactly as sent').toBe('客服部 😀 😀');
  });

  it('malformed JSON is still MALFORMED_JSON, and a stranger gets 401 before the body is read', async () => {
    const t = await newTenant();
    const creds = t.owner.creds as Session;
    const bad = await postBytes(creds, '/departments', utf8('{"name":'));
    expectError(bad as any, 400, 'MALFORMED_JSON');
    const res = await SELF.fetch(`${ORIGIN}/api/v1/departments`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: utf8('{"name":"\\ud800"}'),
    });
    expect(res.status).toBe(401);
  });
});
