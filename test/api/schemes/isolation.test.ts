import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { expectError, hasPathParams, operations, rows, show } from '../support';
import { publishedScheme, smallContent, smallInputs } from './support';

const SECRET_NAME = 'A公司的机密方案';

describe('schemes never cross tenants', () => {
  it("every scheme route answers 404 to tenant B (owner and schemes:write key) with A's real ids", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const id = await publishedScheme(a.owner, SECRET_NAME);
    expect((await a.owner.post(`/schemes/${id}/versions`)).status).toBe(201); // v2 draft
    const bKey = await b.keyWith('schemes:read', 'schemes:write');
    const state = async () => ({
      schemes: await rows('SELECT * FROM schemes WHERE tenant_id = ? ORDER BY id', a.tenantId),
      versions: await rows('SELECT * FROM scheme_versions WHERE tenant_id = ? ORDER BY version', a.tenantId),
      audit: await rows('SELECT id, hash FROM audit_log WHERE tenant_id = ? ORDER BY seq', a.tenantId),
    });
    const before = await state();

    const bodies: Record<string, unknown> = {
      'PATCH /schemes/{id}': { name: '被B改了', description: 'B' },
      'PUT /schemes/{id}/versions/{version}': { content: smallContent() },
      'POST /schemes/{id}/versions/{version}/preview': smallInputs,
    };
    const ops = (await operations()).filter(
      (op) => op.path.startsWith('/schemes/') && hasPathParams(op.path),
    );
    expect(ops.map((op) => `${op.method} ${op.path}`).sort()).toEqual([
      'GET /schemes/{id}',
      'GET /schemes/{id}/versions',
      'GET /schemes/{id}/versions/{version}',
      'PATCH /schemes/{id}',
      'POST /schemes/{id}/archive',
      'POST /schemes/{id}/versions',
      'POST /schemes/{id}/versions/{version}/preview',
      'POST /schemes/{id}/versions/{version}/publish',
      'PUT /schemes/{id}/versions/{version}',
    ]);
    for (const op of ops) {
      for (const version of ['1', '2']) {
        const path = op.path.replace('{id}', id).replace('{version}', version);
        const body = bodies[`${op.method} ${op.path}`];
        for (const [who, creds] of [
          ["B's owner", b.owner.creds],
          ["B's key", bKey.creds],
        ] as const) {
          const res = await call(creds, op.method, path, body === undefined ? {} : { body });
          expectError(res, 404, 'NOT_FOUND', `${who} → ${op.method} ${path}`);
          expect(JSON.stringify(res.body), `${who} → ${op.method} ${path}`).not.toContain(SECRET_NAME);
        }
      }
    }
    expect(await state(), "A's schemes, versions and audit log are unchanged").toEqual(before);

    // A still works on its own scheme.
    expect((await a.owner.get(`/schemes/${id}`)).body.name).toBe(SECRET_NAME);
    expect((await a.owner.post(`/schemes/${id}/versions/2/publish`)).status).toBe(200);
  });

  it("B's lists show none of A's schemes, and B's schemes live beside A's without mixing", async () => {
    const a = await newTenant('A公司');
    const b = await newTenant('B公司');
    const aId = await publishedScheme(a.owner, SECRET_NAME);
    const bId = await publishedScheme(b.owner, 'B公司的方案');
    const list = await b.owner.get('/schemes');
    expect(list.status, show(list)).toBe(200);
    expect(list.body.items.map((s: any) => s.id)).toEqual([bId]);
    expect(JSON.stringify(list.body)).not.toContain(aId);
    const byKey = await (await b.keyWith('schemes:read')).get('/schemes');
    expect(byKey.body.items.map((s: any) => s.id)).toEqual([bId]);
    const audit = await b.owner.get(`/audit-log?entityId=${aId}`);
    expect(audit.body.items).toEqual([]);
    // Same version numbers in both tenants, each its own row.
    expect((await a.owner.get(`/schemes/${aId}/versions/1`)).body.schemeId).toBe(aId);
    expect((await b.owner.get(`/schemes/${bId}/versions/1`)).body.schemeId).toBe(bId);
  });
});
