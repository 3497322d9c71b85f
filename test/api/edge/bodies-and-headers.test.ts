import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { ok, openMonth } from '../evaluations/fixtures';
import { expectError, show } from '../support';

/*
 * The document says what clients meet: the headers an answer carries are declared on it (the
 * contract check in test/helpers/contract.ts holds every test to that), and what an operation
 * accepts as a body is what it declares, `{}` or nothing for the operations without one.
 */

const BASE = '/api/v1';
async function served() {
  const res = await call({ kind: 'none' }, 'GET', '/openapi.json', { lang: 'en' });
  expect(res.status).toBe(200);
  return res.body as { paths: Record<string, Record<string, any>> };
}

describe('headers and bodies, as documented', () => {
  it('GET /evaluations/{id} and every change of an evaluation declare the ETag they answer', async () => {
    const doc = await served();
    const etagOf = (path: string, method: string, status: string) =>
      doc.paths[`${BASE}${path}`]?.[method]?.responses?.[status]?.headers?.ETag;
    expect(etagOf('/evaluations/{id}', 'get', '200')).toBeDefined();
    expect(etagOf('/evaluations/{id}/inputs', 'post', '200')).toBeDefined();
    expect(etagOf('/evaluations/{id}/inputs/{inputId}', 'delete', '200')).toBeDefined();
    for (const step of ['submit', 'confirm', 'appeal', 'resolve', 'approve', 'reopen'])
      expect(etagOf(`/evaluations/{id}/${step}`, 'post', '200'), step).toBeDefined();
    expect(etagOf('/periods/{id}/evaluations', 'post', '201')).toBeDefined();
    expect(etagOf('/reports/{id}/download', 'get', '200')).toBeDefined();
    for (const path of ['/signup', '/auth/login'])
      expect(
        doc.paths[`${BASE}${path}`]?.post?.responses?.['429']?.headers?.['Retry-After'],
        path,
      ).toBeDefined();
    const m = await openMonth();
    const read = ok(await m.t.owner.get(`/evaluations/${m.evaluationId}`));
    expect(read.etag).toBeDefined();
  });

  it('every operation that changes something declares the body it takes (none: `{}` or nothing)', async () => {
    const doc = await served();
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        if (method !== 'get' && !op.requestBody) missing.push(`${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
    const publish = doc.paths[`${BASE}/schemes/{id}/versions/{version}/publish`]!.post.requestBody;
    const close = doc.paths[`${BASE}/periods/{id}/close`]!.post.requestBody;
    for (const body of [publish, close]) {
      expect(body.required).toBe(false);
      expect(body.content['application/json'].schema.$ref).toBe('#/components/schemas/EmptyBody');
    }
  });

  it('publish and close take nothing or `{}`, and refuse anything else', async () => {
    const m = await openMonth();
    const scheme = ok(await m.t.owner.post('/schemes', { fromTemplate: 'cs-monthly' }), 201);
    const publish = `/schemes/${scheme.id}/versions/1/publish`;
    const close = `/periods/${m.periodId}/close`;
    for (const path of [publish, close]) {
      const field = await m.t.owner.post(path, { force: true }, { lang: 'en' });
      expectError(field, 400, 'VALIDATION_FAILED', path);
      expect(field.body.error.details[0], show(field)).toMatchObject({ code: 'unrecognized_keys' });
      const notJson = await m.t.owner.post(path, undefined, {
        raw: 'force',
        headers: { 'Content-Type': 'text/plain' },
      });
      expectError(notJson, 415, 'UNSUPPORTED_MEDIA_TYPE', path);
      const array = await m.t.owner.post(path, []);
      expectError(array, 400, 'VALIDATION_FAILED', path);
    }
    // Nothing at all, as the dashboard's typed client sends it.
    expect((await m.t.owner.post(publish)).status).toBe(200);
    // `{}`, as many clients send to an action.
    const again = await m.t.owner.post(publish, {});
    expectError(again, 409, 'CONFLICT', 'published once already');
    // The month cannot close with a draft in it, whatever the body: the body was accepted.
    expectError(await m.t.owner.post(close, {}), 409, 'CONFLICT');
    expectError(await m.t.owner.post(close), 409, 'CONFLICT');
  });
});
