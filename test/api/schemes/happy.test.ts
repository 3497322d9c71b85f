import { describe, expect, it } from 'vitest';
import { newTenant } from '../../helpers/tenant';
import { isChinese, rows, show } from '../support';
import { auditOf, draftScheme, sampleInputs, smallContent, smallInputs } from './support';

describe('scheme lifecycle', () => {
  it('create → edit draft → publish → new version (a copy) → edit → publish; every change audited', async () => {
    const t = await newTenant();
    const created = await t.owner.post('/schemes', {
      name: '客服月度考核',
      description: '客服中心每月考核',
      content: smallContent(),
    });
    expect(created.status, show(created)).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^sch_[0-9A-Za-z]{20}$/),
      name: '客服月度考核',
      description: '客服中心每月考核',
      status: 'active',
      currentVersion: null,
      draftVersion: 1,
      versions: [{ version: 1, status: 'draft', publishedAt: null }],
    });
    const id = created.body.id;
    const v1Id = created.body.versions[0].id;
    expect(v1Id).toMatch(/^scv_[0-9A-Za-z]{20}$/);

    const draft = await t.owner.get(`/schemes/${id}/versions/1`);
    expect(draft.status, show(draft)).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', publishable: true, problems: [] });
    expect(draft.body.content).toEqual({ ...smallContent(), indicators: expect.any(Array) });

    // Edit the draft: one more deduction rule.
    const edited = smallContent();
    edited.indicators[1].params.rules.push({ key: 'early_leave', name: '早退', deduct: 0.5 });
    const put = await t.owner.put(`/schemes/${id}/versions/1`, { content: edited });
    expect(put.status, show(put)).toBe(200);
    expect(put.body.content.indicators[1].params.rules).toHaveLength(2);

    const pub = await t.owner.post(`/schemes/${id}/versions/1/publish`);
    expect(pub.status, show(pub)).toBe(200);
    expect(pub.body).toMatchObject({ version: 1, status: 'published', publishedBy: t.ownerId, problems: [] });
    expect(pub.body.publishedAt).toMatch(/Z$/);

    const v2 = await t.owner.post(`/schemes/${id}/versions`);
    expect(v2.status, show(v2)).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.body.content, 'a new version starts as a copy of the latest').toEqual(pub.body.content);

    const changed = structuredClone(pub.body.content);
    changed.indicators[2].params.target = 120;
    expect((await t.owner.put(`/schemes/${id}/versions/2`, { content: changed })).status).toBe(200);
    const v1Again = await t.owner.get(`/schemes/${id}/versions/1`);
    expect(v1Again.body.content.indicators[2].params.target, 'v1 is untouched').toBe(100);
    expect((await t.owner.post(`/schemes/${id}/versions/2/publish`)).status).toBe(200);

    const scheme = await t.owner.get(`/schemes/${id}`);
    expect(scheme.body).toMatchObject({ currentVersion: 2, draftVersion: null });
    expect(scheme.body.versions.map((v: any) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    const versions = await t.owner.get(`/schemes/${id}/versions?limit=1`);
    expect(versions.body.items.map((v: any) => v.version)).toEqual([2]);
    const rest = await t.owner.get(`/schemes/${id}/versions?limit=1&cursor=${versions.body.nextCursor}`);
    expect(rest.body.items.map((v: any) => v.version)).toEqual([1]);
    expect(rest.body.nextCursor).toBeNull();

    const patched = await t.owner.patch(`/schemes/${id}`, { name: '客服月度考核（2027版）' });
    expect(patched.status, show(patched)).toBe(200);
    expect(patched.body).toMatchObject({ name: '客服月度考核（2027版）', currentVersion: 2 });
    const archived = await t.owner.post(`/schemes/${id}/archive`);
    expect(archived.status, show(archived)).toBe(200);
    expect(archived.body.status).toBe('archived');
    expect((await t.owner.get(`/schemes/${id}/versions/2`)).status, 'archived is still readable').toBe(200);

    const schemeAudit = await auditOf(t.owner, id);
    expect(schemeAudit.map((e) => e.action)).toEqual(['scheme.create', 'scheme.update', 'scheme.archive']);
    expect(schemeAudit[1]).toMatchObject({
      entity: { type: 'scheme', id },
      before: { name: '客服月度考核' },
      after: { name: '客服月度考核（2027版）' },
      actor: { type: 'user', id: t.ownerId },
    });
    expect(schemeAudit[2]).toMatchObject({ before: { status: 'active' }, after: { status: 'archived' } });

    const v1Audit = await auditOf(t.owner, v1Id);
    // Draft edits are not audited one by one; the publish is, against the version it replaces
    // (none for version 1). worker/services/scheme-versions.ts says why.
    expect(v1Audit.map((e) => e.action)).toEqual(['scheme_version.create', 'scheme_version.publish']);
    expect(v1Audit[0]!.after.content.indicators[1].params.rules).toHaveLength(1);
    expect(v1Audit[1]).toMatchObject({
      entity: { type: 'scheme_version', id: v1Id },
      before: null,
      after: { status: 'published', content: pub.body.content },
    });
    const v2Audit = await auditOf(t.owner, v2.body.id);
    expect(v2Audit.map((e) => e.action)).toEqual(['scheme_version.create', 'scheme_version.publish']);
    expect(v2Audit[1]!.before).toMatchObject({ version: 1, status: 'published' });
    expect(v2Audit[0]!.after).toMatchObject({ version: 2, copiedFrom: 1 });
    const chain = await t.owner.get('/audit-log/verify');
    expect(chain.body.ok, show(chain)).toBe(true);
  });

  it('a blank scheme starts with an empty draft that saves work in progress', async () => {
    const t = await newTenant();
    const res = await t.owner.post('/schemes', { name: '空白方案' });
    expect(res.status, show(res)).toBe(201);
    const draft = await t.owner.get(`/schemes/${res.body.id}/versions/1`);
    expect(draft.body.content).toEqual({ maxScore: 100, categories: [], indicators: [], bands: [] });
    expect(draft.body.publishable).toBe(false);
    expect(draft.body.problems.map((p: any) => p.field)).toEqual(
      expect.arrayContaining(['categories', 'indicators', 'bands']),
    );
    // Half-done: points sum to 40, no bands yet. Saves, and says what is left.
    const wip = smallContent();
    wip.indicators = wip.indicators.slice(0, 1);
    wip.bands = [];
    const put = await t.owner.put(`/schemes/${res.body.id}/versions/1`, { content: wip }, { lang: 'en' });
    expect(put.status, show(put)).toBe(200);
    expect(put.body.publishable).toBe(false);
    expect(put.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'indicators', code: 'points_sum' }),
        expect.objectContaining({ field: 'bands', code: 'empty' }),
      ]),
    );
  });

  it('lists schemes with their current and draft versions, filtered by status', async () => {
    const t = await newTenant();
    const a = await draftScheme(t.owner, '方案甲');
    const b = await draftScheme(t.owner, '方案乙');
    await t.owner.post(`/schemes/${b}/versions/1/publish`);
    await t.owner.post(`/schemes/${b}/archive`);
    const all = await t.owner.get('/schemes');
    expect(all.status, show(all)).toBe(200);
    const byId = Object.fromEntries(all.body.items.map((s: any) => [s.id, s]));
    expect(byId[a]).toMatchObject({
      name: '方案甲',
      currentVersion: null,
      draftVersion: 1,
      status: 'active',
    });
    expect(byId[b]).toMatchObject({
      name: '方案乙',
      currentVersion: 1,
      draftVersion: null,
      status: 'archived',
    });
    const active = await t.owner.get('/schemes?status=active');
    expect(active.body.items.map((s: any) => s.id)).toEqual([a]);
  });

  it('preview scores sample inputs with a draft or a published version and saves nothing', async () => {
    const t = await newTenant();
    const id = await draftScheme(t.owner);
    const before = await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id);
    const auditBefore = await rows('SELECT id FROM audit_log WHERE tenant_id = ?', t.tenantId);

    const draft = await t.owner.post(`/schemes/${id}/versions/1/preview`, smallInputs);
    expect(draft.status, show(draft)).toBe(200);
    expect(draft.body).toMatchObject({
      total: 88.5,
      totalCenti: 8850,
      grade: 'C',
      label: '合格',
      k: 0.9,
      veto: null,
    });
    expect(draft.body.indicators.map((x: any) => [x.key, x.points, x.maxPoints])).toEqual([
      ['supervisor_rating', 36, 40],
      ['conduct', 28.5, 30],
      ['calls', 24, 30],
    ]);
    expect(draft.body.indicators[1].rule).toMatchObject({ formula: 'deduction', deducted: 1.5 });
    expect(isChinese(draft.body.indicators[1].explanation['zh-CN'])).toBe(true);
    expect(draft.body.categories).toEqual([
      { key: 'quality', name: '质量考核', points: 64.5, maxPoints: 70 },
      { key: 'performance', name: '业绩考核', points: 24, maxPoints: 30 },
    ]);

    const missing = await t.owner.post(`/schemes/${id}/versions/1/preview`, {});
    expect(missing.status, show(missing)).toBe(200);
    expect(missing.body.missingRequired).toEqual(['supervisor_rating', 'calls']);

    expect(await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id)).toEqual(before);
    expect(await rows('SELECT id FROM audit_log WHERE tenant_id = ?', t.tenantId)).toEqual(auditBefore);

    await t.owner.post(`/schemes/${id}/versions/1/publish`);
    const published = await t.owner.post(`/schemes/${id}/versions/1/preview`, smallInputs);
    expect(published.body.total).toBe(88.5);
  });
});

describe('built-in templates', () => {
  it('GET /templates lists the built-in schemes in zh-CN, each valid', async () => {
    const t = await newTenant();
    const res = await t.owner.get('/templates');
    expect(res.status, show(res)).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    for (const tpl of res.body.items) {
      expect(isChinese(tpl.name), tpl.name).toBe(true);
      expect(isChinese(tpl.description), tpl.description).toBe(true);
      expect(tpl.content.indicators.length).toBeGreaterThan(0);
    }
  });

  it('each template can be created via fromTemplate, published and previewed with sample inputs', async () => {
    const t = await newTenant();
    const list = await t.owner.get('/templates');
    for (const tpl of list.body.items) {
      const created = await t.owner.post('/schemes', { fromTemplate: tpl.id });
      expect(created.status, `${tpl.id}: ${show(created)}`).toBe(201);
      expect(created.body).toMatchObject({ name: tpl.name, description: tpl.description, draftVersion: 1 });
      const id = created.body.id;
      const draft = await t.owner.get(`/schemes/${id}/versions/1`);
      expect(draft.body.content, `${tpl.id} is copied as is`).toEqual(tpl.content);
      expect(draft.body.publishable, `${tpl.id}: ${JSON.stringify(draft.body.problems)}`).toBe(true);

      const pub = await t.owner.post(`/schemes/${id}/versions/1/publish`);
      expect(pub.status, `${tpl.id}: ${show(pub)}`).toBe(200);

      const preview = await t.owner.post(`/schemes/${id}/versions/1/preview`, sampleInputs(tpl.content));
      expect(preview.status, `${tpl.id}: ${show(preview)}`).toBe(200);
      expect(preview.body.indicators).toHaveLength(tpl.content.indicators.length);
      expect(preview.body.missingRequired, tpl.id).toEqual([]);
      expect(preview.body.total, tpl.id).toBeGreaterThan(50);
      expect(preview.body.total, tpl.id).toBeLessThanOrEqual(tpl.content.maxScore);
      expect(tpl.content.bands.map((b: any) => b.grade)).toContain(preview.body.grade);
      const audit = await auditOf(t.owner, id);
      expect(audit[0]!.after).toMatchObject({ fromTemplate: tpl.id });
    }
  });

  it('a template copy can be renamed at creation and edited without touching the template', async () => {
    const t = await newTenant();
    const res = await t.owner.post('/schemes', { fromTemplate: 'cs-monthly', name: '东区客服考核' });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.name).toBe('东区客服考核');
    const draft = await t.owner.get(`/schemes/${res.body.id}/versions/1`);
    const content = draft.body.content;
    content.indicators[0].params.target = 999;
    expect((await t.owner.put(`/schemes/${res.body.id}/versions/1`, { content })).status).toBe(200);
    const tpl = (await t.owner.get('/templates')).body.items.find((x: any) => x.id === 'cs-monthly');
    expect(tpl.content.indicators[0].params.target).toBe(1200);
  });
});

describe('who may read and write schemes', () => {
  it('owner and admin write; supervisor, employee and auditor read and preview; keys by scope', async () => {
    const t = await newTenant();
    const id = await draftScheme(t.owner);
    const admin = await t.userWith('admin');
    const adminMade = await admin.post('/schemes', { name: '管理员建的方案', content: smallContent() });
    expect(adminMade.status, show(adminMade)).toBe(201);
    expect((await admin.post(`/schemes/${id}/versions/1/publish`)).status).toBe(200);

    for (const role of ['supervisor', 'employee', 'auditor'] as const) {
      const who = await t.userWith(role);
      expect((await who.get('/schemes')).status, role).toBe(200);
      expect((await who.get(`/schemes/${id}/versions/1`)).status, role).toBe(200);
      expect((await who.get('/templates')).status, role).toBe(200);
      expect((await who.post(`/schemes/${id}/versions/1/preview`, smallInputs)).status, role).toBe(200);
      const write = await who.post('/schemes', { name: 'x' });
      expect(write.status, `${role} creates: ${show(write)}`).toBe(403);
      expect((await who.post(`/schemes/${id}/versions`)).status, role).toBe(403);
    }

    const reader = await t.keyWith('schemes:read');
    expect((await reader.get(`/schemes/${id}`)).status).toBe(200);
    expect((await reader.post(`/schemes/${id}/versions/1/preview`, smallInputs)).status).toBe(200);
    expect((await reader.post(`/schemes/${id}/versions`)).status).toBe(403);
    expect((await reader.post('/schemes', { name: 'x' })).status).toBe(403);

    const writer = await t.keyWith('schemes:write');
    const v2 = await writer.post(`/schemes/${id}/versions`);
    expect(v2.status, show(v2)).toBe(201);
    const audit = await auditOf(t.owner, v2.body.id);
    expect(audit[0]!.actor).toMatchObject({ type: 'api_key', id: writer.keyId });
    expect((await writer.post(`/schemes/${id}/versions/2/publish`)).body.publishedBy).toBe(writer.keyId);

    const other = await t.keyWith('org:read');
    expect((await other.get('/schemes')).status).toBe(403);
  });
});
