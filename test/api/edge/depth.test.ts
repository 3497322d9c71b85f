import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { expectError, show } from '../support';

const none = { kind: 'none' } as const;
const LIMIT = 64;
const arrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const objects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
/** `{"name": …}` whose value nests `n` levels more, so the whole body nests n + 1. */
const nestedName = (n: number) => `{"name":${arrays(n)}}`;

function expectTooDeep(res: Awaited<ReturnType<typeof call>>, what: string) {
  expectError(res, 400, 'VALIDATION_FAILED', what);
  expect(res.body.error.message, `${what}: ${show(res)}`).toContain(String(LIMIT));
  expect(res.body.error.details, `${what}: ${show(res)}`).toEqual([
    expect.objectContaining({ field: '(body)', code: 'too_deep' }),
  ]);
}

describe(`JSON nested deeper than ${LIMIT} levels`, () => {
  it('is a 400 naming the limit on login and sign-up, however deep, in zh-CN and en', async () => {
    for (const [path, raw] of [
      ['/auth/login', arrays(2_500)],
      ['/auth/login', objects(2_500)],
      ['/signup', arrays(100_000)],
      ['/signup', objects(100_000)],
      ['/auth/login', arrays(LIMIT + 1)],
    ] as const) {
      const what = `${path} nested ${raw.length / 2}`;
      const en = await call(none, 'POST', path, {
        raw,
        headers: { 'Content-Type': 'application/json' },
        lang: 'en',
      });
      expectTooDeep(en, what);
      expect(en.body.error.message).toMatch(/more than 64 levels deep/);
      const zh = await call(none, 'POST', path, { raw, headers: { 'Content-Type': 'application/json' } });
      expectTooDeep(zh, what);
      expect(zh.body.error.message).toContain('嵌套超过 64 层');
    }
  });

  it('is a 400 naming the limit on a route behind a session, and writes nothing', async () => {
    const t = await newTenant();
    for (const raw of [nestedName(5_000), objects(100_000), nestedName(LIMIT)]) {
      const res = await t.owner.post('/departments', undefined, {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      expectTooDeep(res, `POST /departments ${raw.slice(0, 12)}…`);
    }
    expect((await t.owner.get('/departments')).body.items).toEqual([]);
  });

  it('counts only brackets outside strings: escaped quotes and brackets in text are not nesting', async () => {
    const t = await newTenant();
    // 64 levels exactly: read, then refused by its shape (name is not a string), not by depth.
    const atLimit = await t.owner.post('/departments', undefined, {
      raw: nestedName(LIMIT - 1),
      headers: { 'Content-Type': 'application/json' },
      lang: 'en',
    });
    expectError(atLimit, 400, 'VALIDATION_FAILED');
    expect(atLimit.body.error.details[0], show(atLimit)).toMatchObject({
      field: 'name',
      code: 'invalid_type',
    });
    // Brackets, braces and escaped quotes inside a string are text.
    const name = `[{"\\"[[[${'['.repeat(200)}`;
    const text = await t.owner.post('/departments', { name: name.slice(0, 100) });
    expect(text.status, show(text)).toBe(201);
    expect(text.body.name).toBe(name.slice(0, 100));
  });
});
