import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, ORIGIN, type Reply } from '../../helpers/client';
import { newTenant, PASSWORD, uniqueSlug } from '../../helpers/tenant';
import { count, expectError, isChinese, rows, show, snapshotCounts, uniqueIp } from '../support';

const none = { kind: 'none' } as const;
const MB = 1_000_000;
const MiB = 1024 * 1024;
const SQL = "'; DROP TABLE users; --";
const SQL_PASSWORD = "x'; DELETE FROM sessions; -- plum";

function signupBody(overrides: Record<string, unknown> = {}) {
  const slug = uniqueSlug('in');
  return {
    companyName: '绿苑物业',
    slug,
    adminName: '王丽',
    email: `hr@${slug}.example`,
    password: PASSWORD,
    ...overrides,
  };
}

const fields = (r: Reply) => (r.body.error.details as { field: string }[]).map((d) => d.field);

/** A 400 VALIDATION_FAILED naming exactly these fields, in the asked language. */
function expectInvalid(r: Reply, expectedFields: string[], lang: 'zh-CN' | 'en' = 'zh-CN') {
  expectError(r, 400, 'VALIDATION_FAILED');
  expect(fields(r), show(r)).toEqual(expectedFields);
  for (const d of r.body.error.details) {
    expect(Object.keys(d).sort(), show(r)).toEqual(['code', 'field', 'message']);
    expect(d.message.startsWith(d.field), show(r)).toBe(true);
    expect(isChinese(d.message), `${lang} message: ${d.message}`).toBe(lang === 'zh-CN');
  }
  expect(r.body.error.message).toBe(lang === 'en' ? 'Some fields are invalid' : '输入有误，请检查标出的字段');
}

describe('bad input is refused clearly and writes nothing', () => {
  it('missing fields: each one named, zh-CN by default and English on request', async () => {
    const before = await snapshotCounts();
    const zh = await call(none, 'POST', '/signup', { body: {} });
    expectInvalid(zh, ['companyName', 'slug', 'adminName', 'email', 'password']);
    expect(zh.body.error.details[0].message).toBe('companyName：必填');
    const en = await call(none, 'POST', '/signup', { body: {}, lang: 'en' });
    expectInvalid(en, ['companyName', 'slug', 'adminName', 'email', 'password'], 'en');
    expect(en.body.error.details[0].message).toBe('companyName is required');
    const q = await call(none, 'POST', '/signup', {
      body: {},
      headers: { 'Accept-Language': 'fr;q=1, en;q=0.5' },
    });
    expect(q.body.error.message, 'the first supported language by q-value').toBe('Some fields are invalid');

    const t = await newTenant();
    const mid = await snapshotCounts();
    const missing = await t.owner.post('/users', { email: 'x@x.example' }, { lang: 'en' });
    expectInvalid(missing, ['name', 'role', 'password'], 'en');
    const login = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expectInvalid(login, ['email', 'password']);
    expect(await snapshotCounts()).toEqual(mid);
    expect(mid.tenants).toBe(before.tenants + 1);
  });

  it('wrong types are named with the expected type', async () => {
    const before = await snapshotCounts();
    const res = await call(none, 'POST', '/signup', {
      body: { companyName: 42, slug: ['a'], adminName: null, email: true, password: { p: 1 } },
      lang: 'en',
    });
    expectInvalid(res, ['companyName', 'slug', 'adminName', 'email', 'password'], 'en');
    expect(res.body.error.details[0]).toEqual({
      field: 'companyName',
      code: 'invalid_type',
      message: 'companyName must be of type string',
    });
    const t = await newTenant();
    const mid = await snapshotCounts();
    const patch = await t.owner.patch(`/users/${t.ownerId}`, { active: 'yes', role: 'god' });
    expectInvalid(patch, ['role', 'active']);
    expect(patch.body.error.details[0].message).toBe(
      'role：应为以下之一：owner, admin, supervisor, employee, auditor',
    );
    for (const body of [[], null, 'text', 7]) {
      const r = await t.owner.post('/users', body);
      expectInvalid(r, ['(body)']);
    }
    const key = await t.owner.post('/api-keys', { name: 'k', scopes: ['org:read', 'root'] }, { lang: 'en' });
    expectInvalid(key, ['scopes[1]'], 'en');
    expect(await snapshotCounts()).toEqual(mid);
    expect(before.tenants + 1).toBe(mid.tenants);
  });

  it('1 MB strings are refused by length, field by field', async () => {
    const big = 'x'.repeat(MB);
    const before = await snapshotCounts();
    for (const [field, value] of [
      ['companyName', big],
      ['slug', big],
      ['adminName', big],
      ['email', `${big}@x.example`],
      ['password', big],
    ] as const) {
      const res = await call(none, 'POST', '/signup', { body: signupBody({ [field]: value }), lang: 'en' });
      expectInvalid(res, [field], 'en');
      expect(JSON.stringify(res.body).length, 'the error does not echo the input').toBeLessThan(1000);
    }
    const one = await call(none, 'POST', '/signup', { body: signupBody({ companyName: big }) });
    expect(one.body.error.details[0].message).toBe('companyName：长度不能超过 100 个字符');
    expect(await snapshotCounts()).toEqual(before);

    const t = await newTenant();
    const mid = await snapshotCounts();
    expectInvalid(
      await t.owner.post('/users', { email: 'a@x.example', name: big, role: 'employee', password: PASSWORD }),
      ['name'],
    );
    expectInvalid(await t.owner.patch(`/users/${t.ownerId}`, { name: big }), ['name']);
    expectInvalid(await t.owner.post('/api-keys', { name: big, scopes: ['org:read'] }), ['name']);
    const login = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: t.email, password: big },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expectInvalid(login, ['password']);
    expect(await snapshotCounts()).toEqual(mid);
  });

  it('SQL-looking strings: refused where the format forbids them, stored verbatim where valid', async () => {
    const before = await snapshotCounts();
    expectInvalid(await call(none, 'POST', '/signup', { body: signupBody({ slug: SQL }) }), ['slug']);
    expectInvalid(await call(none, 'POST', '/signup', { body: signupBody({ email: `a${SQL}@x.example` }) }), [
      'email',
    ]);
    expect(await snapshotCounts()).toEqual(before);

    const res = await call(none, 'POST', '/signup', {
      body: signupBody({ companyName: SQL, adminName: `Robert${SQL}` }),
    });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.tenant.name).toBe(SQL);
    expect(res.body.user.name).toBe(`Robert${SQL}`);
    const [stored] = await rows<{ name: string }>(
      'SELECT name FROM tenants WHERE id = ?',
      res.body.tenant.id,
    );
    expect(stored!.name, 'stored verbatim').toBe(SQL);
    expect(await count('users'), 'the users table is still there').toBe(before.users + 1);

    const t = await newTenant();
    const user = await t.owner.post('/users', {
      email: 'bobby@x.example',
      name: SQL,
      role: 'employee',
      // SQL-looking too, but not the name itself: a password built from the name is refused.
      password: SQL_PASSWORD,
    });
    expect(user.status, show(user)).toBe(201);
    expect((await t.owner.get(`/users/${user.body.id}`)).body.name).toBe(SQL);
    const filtered = await t.owner.get(
      `/audit-log?entityId=${encodeURIComponent(SQL)}&actorId=${encodeURIComponent("' OR 1=1 --")}`,
    );
    expect(filtered.status, show(filtered)).toBe(200);
    expect(filtered.body.items).toEqual([]);
    const login = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: t.email, password: "' OR '1'='1" },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expectError(login, 401, 'UNAUTHORIZED');
    const ok = await call(none, 'POST', '/auth/login', {
      body: { slug: t.slug, email: 'bobby@x.example', password: SQL_PASSWORD },
      headers: { 'CF-Connecting-IP': uniqueIp() },
    });
    expect(ok.status, `a password with SQL in it works as a password: ${show(ok)}`).toBe(200);
  });

  it('emoji and other non-Latin text are stored verbatim', async () => {
    const company = '🏢绿苑物业👍🏽 Ünïcødé 𠮷';
    const res = await call(none, 'POST', '/signup', {
      body: signupBody({ companyName: company, adminName: '王丽🌸' }),
    });
    expect(res.status, show(res)).toBe(201);
    const t = await newTenant();
    const me = await call(
      {
        kind: 'session',
        cookie: `jx_session=${/jx_session=([^;]*)/.exec(res.headers.get('Set-Cookie')!)![1]}`,
        csrf: res.body.csrfToken,
      },
      'GET',
      '/me',
    );
    expect(me.body.tenant.name).toBe(company);
    expect(me.body.principal.user.name).toBe('王丽🌸');
    const [stored] = await rows<{ name: string }>(
      'SELECT name FROM tenants WHERE id = ?',
      res.body.tenant.id,
    );
    expect(stored!.name).toBe(company);
    const key = await t.owner.post('/api-keys', { name: '🔑呼叫中心', scopes: ['org:read'] });
    expect(key.body.key.name).toBe('🔑呼叫中心');
    expectInvalid(await call(none, 'POST', '/signup', { body: signupBody({ slug: 'wuye-🏢' }) }), ['slug']);
  });

  it('malformed JSON is 400 MALFORMED_JSON', async () => {
    const t = await newTenant();
    const before = await snapshotCounts();
    for (const raw of ['{"companyName":', '{bad}', "{'a':1}", '']) {
      const r = await call(none, 'POST', '/signup', { raw, headers: { 'Content-Type': 'application/json' } });
      expectError(r, 400, 'MALFORMED_JSON', `body ${JSON.stringify(raw)}`);
      expect(r.body.error.message).toBe('请求体不是合法的 JSON');
    }
    const en = await t.owner.post('/users', undefined, {
      raw: '{"email":',
      headers: { 'Content-Type': 'application/json' },
      lang: 'en',
    });
    expectError(en, 400, 'MALFORMED_JSON');
    expect(en.body.error.message).toBe('The request body is not valid JSON');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('a wrong or missing Content-Type is 415', async () => {
    const t = await newTenant();
    const before = await snapshotCounts();
    const json = JSON.stringify({
      name: '改名',
      email: 'ct@x.example',
      role: 'employee',
      password: PASSWORD,
    });
    for (const ct of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      undefined,
    ]) {
      const headers: Record<string, string> = ct ? { 'Content-Type': ct } : {};
      for (const [method, path] of [
        ['POST', '/users'],
        ['PATCH', `/users/${t.ownerId}`],
        ['POST', '/api-keys'],
      ] as const) {
        const r = await call(t.owner.creds, method, path, { raw: json, headers, lang: 'en' });
        expectError(r, 415, 'UNSUPPORTED_MEDIA_TYPE', `${method} ${path} as ${ct ?? 'no Content-Type'}`);
        expect(r.body.error.message).toBe('The request body must be JSON (Content-Type: application/json)');
      }
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await t.owner.get(`/users/${t.ownerId}`)).body.name).toBe('王丽');
  });

  it('bodies over 1 MiB are 413, with or without Content-Length, and write nothing', async () => {
    const t = await newTenant();
    const before = await snapshotCounts();
    const huge = JSON.stringify({
      email: 'h@x.example',
      name: 'x'.repeat(MiB),
      role: 'employee',
      password: PASSWORD,
    });
    expect(huge.length).toBeGreaterThan(MiB);
    const sized = await t.owner.post('/users', undefined, {
      raw: huge,
      headers: { 'Content-Type': 'application/json' },
      lang: 'en',
    });
    expectError(sized, 413, 'PAYLOAD_TOO_LARGE');
    expect(sized.body.error.message).toBe(`The request body is too large; the limit is ${MiB} bytes`);
    const anon = await call(none, 'POST', '/signup', {
      raw: huge,
      headers: { 'Content-Type': 'application/json' },
    });
    expectError(anon, 413, 'PAYLOAD_TOO_LARGE');

    // Streamed (chunked), so no Content-Length tells the size up front.
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const creds = t.owner.creds as { cookie: string; csrf: string };
    const res = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: 'POST',
      headers: {
        Cookie: creds.cookie,
        'X-CSRF-Token': creds.csrf,
        Origin: ORIGIN,
        'Content-Type': 'application/json',
      },
      body: stream,
    });
    const body: any = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshotCounts()).toEqual(before);

    // Just under the limit is read (and then judged by the schema).
    const under = JSON.stringify({
      email: 'u@x.example',
      name: 'x'.repeat(MiB - 200),
      role: 'employee',
      password: PASSWORD,
    });
    expect(under.length).toBeLessThan(MiB);
    expectInvalid(
      await t.owner.post('/users', undefined, {
        raw: under,
        headers: { 'Content-Type': 'application/json' },
      }),
      ['name'],
    );
  });

  it('unknown fields on strict bodies are refused (no tenantId or id smuggling)', async () => {
    const t = await newTenant();
    const before = await snapshotCounts();
    const r = await t.owner.post(
      '/users',
      {
        email: 'z@x.example',
        name: 'Z',
        role: 'employee',
        password: PASSWORD,
        tenantId: 'ten_other',
        id: 'usr_mine',
      },
      { lang: 'en' },
    );
    expectInvalid(r, ['(body)'], 'en');
    expect(r.body.error.details[0]).toMatchObject({
      code: 'unrecognized_keys',
      message: '(body) unknown field(s): tenantId, id',
    });
    expectInvalid(await t.owner.patch(`/users/${t.ownerId}`, { email: 'new@x.example' }), ['(body)']);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('query parameters are validated too', async () => {
    const t = await newTenant();
    for (const q of ['limit=abc', 'limit=0', 'limit=201', 'limit=1.5']) {
      expectInvalid(await t.owner.get(`/users?${q}`), ['limit']);
    }
    expectInvalid(await t.owner.get(`/users/${'x'.repeat(65)}`), ['id']);
    expectInvalid(await t.owner.get(`/audit-log?entityType=${'x'.repeat(41)}`), ['entityType']);
  });
});
