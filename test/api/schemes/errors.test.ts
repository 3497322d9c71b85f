import { describe, expect, it } from 'vitest';
import { newTenant } from '../../helpers/tenant';
import { expectError, isChinese, rows, show } from '../support';
import { auditOf, draftScheme, publishedScheme, smallContent, smallInputs } from './support';

describe('a published version never changes', () => {
  it('editing it is refused with 409 naming the state "published", in zh-CN and en', async () => {
    const t = await newTenant();
    const id = await publishedScheme(t.owner);
    const before = await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id);
    const content = smallContent();
    content.indicators[2].params.target = 50;

    const zh = await t.owner.put(`/schemes/${id}/versions/1`, { content });
    expectError(zh, 409, 'CONFLICT');
    expect(zh.body.error.message).toContain('published');
    expect(zh.body.error.message).toContain('已发布');
    expect(zh.body.error.message).toContain('新建版本');
    const en = await t.owner.put(`/schemes/${id}/versions/1`, { content }, { lang: 'en' });
    expectError(en, 409, 'CONFLICT');
    expect(en.body.error.message).toMatch(/Version 1 is published \(status: published\)/);

    const again = await t.owner.post(`/schemes/${id}/versions/1/publish`, undefined, { lang: 'en' });
    expectError(again, 409, 'CONFLICT');
    expect(again.body.error.message).toContain('published');

    expect(await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id), 'nothing changed').toEqual(
      before,
    );
    const v1 = (await t.owner.get(`/schemes/${id}`)).body.versions[0].id;
    expect((await auditOf(t.owner, v1)).map((e) => e.action)).toEqual([
      'scheme_version.create',
      'scheme_version.publish',
    ]);
  });

  it('a second draft is refused while one is open (409 naming the draft version)', async () => {
    const t = await newTenant();
    const id = await publishedScheme(t.owner);
    expect((await t.owner.post(`/schemes/${id}/versions`)).status).toBe(201);
    const twice = await t.owner.post(`/schemes/${id}/versions`, undefined, { lang: 'en' });
    expectError(twice, 409, 'CONFLICT');
    expect(twice.body.error.message).toMatch(/Version 2 is already a draft/);
    const draftOnly = await draftScheme(t.owner);
    const zh = await t.owner.post(`/schemes/${draftOnly}/versions`);
    expectError(zh, 409, 'CONFLICT');
    expect(zh.body.error.message).toContain('草稿');
  });
});

describe('concurrent writers', () => {
  it('parallel "new version" calls open exactly one draft', async () => {
    const t = await newTenant();
    const id = await publishedScheme(t.owner);
    const replies = await Promise.all([1, 2, 3, 4].map(() => t.owner.post(`/schemes/${id}/versions`)));
    expect(replies.map((r) => r.status).sort(), replies.map(show).join('\n')).toEqual([201, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409)) expectError(r, 409, 'CONFLICT');
    const versions = await rows<{ version: number; status: string }>(
      'SELECT version, status FROM scheme_versions WHERE scheme_id = ? ORDER BY version',
      id,
    );
    expect(versions).toEqual([
      { version: 1, status: 'published' },
      { version: 2, status: 'draft' },
    ]);
  });

  it('an edit racing a publish never changes the published content', async () => {
    const t = await newTenant();
    for (let round = 0; round < 3; round++) {
      const id = await draftScheme(t.owner);
      const content = smallContent();
      content.indicators[2].params.target = 200 + round;
      const [put, pub] = await Promise.all([
        t.owner.put(`/schemes/${id}/versions/1`, { content }),
        t.owner.post(`/schemes/${id}/versions/1/publish`),
      ]);
      expect(pub.status, show(pub)).toBe(200);
      const [row] = await rows<{ content: string; status: string }>(
        'SELECT content, status FROM scheme_versions WHERE scheme_id = ?',
        id,
      );
      expect(row!.status).toBe('published');
      expect(JSON.parse(row!.content), 'stored = what publish answered').toEqual(pub.body.content);
      if (put.status === 200) {
        // The edit went first and was published with it.
        expect(pub.body.content.indicators[2].params.target).toBe(200 + round);
      } else {
        expectError(put, 409, 'CONFLICT');
        expect(pub.body.content.indicators[2].params.target).toBe(100);
      }
    }
  });
});

describe('publish validates and names the field', () => {
  it('an invalid draft → 400 VALIDATION_FAILED with indicators[2].params.target, zh-CN and en', async () => {
    const t = await newTenant();
    const content = smallContent();
    content.indicators[2].params.target = 0;
    const res = await t.owner.post('/schemes', { name: '有问题的方案', content });
    expect(res.status, 'an invalid draft still saves').toBe(201);
    const id = res.body.id;

    const zh = await t.owner.post(`/schemes/${id}/versions/1/publish`);
    expectError(zh, 400, 'VALIDATION_FAILED');
    expect(zh.body.error.details).toEqual([
      { field: 'indicators[2].params.target', code: 'target_positive', message: expect.any(String) },
    ]);
    expect(zh.body.error.details[0].message).toBe(
      '第3个指标的目标值（indicators[2].params.target）必须大于 0',
    );
    expect(isChinese(zh.body.error.message)).toBe(true);

    const en = await t.owner.post(`/schemes/${id}/versions/1/publish`, undefined, { lang: 'en' });
    expectError(en, 400, 'VALIDATION_FAILED');
    expect(en.body.error.details[0]).toEqual({
      field: 'indicators[2].params.target',
      code: 'target_positive',
      message: 'indicators[2].params.target must be greater than 0',
    });
    expect(en.body.error.message).toMatch(/Version 1 has 1 problem\(s\)/);

    const draft = await t.owner.get(`/schemes/${id}/versions/1`);
    expect(draft.body).toMatchObject({ status: 'draft', publishable: false });
    expect(draft.body.problems.map((p: any) => p.field)).toEqual(['indicators[2].params.target']);
  });

  it('names every broken rule: points not summing to 100, a band gap, an unknown category', async () => {
    const t = await newTenant();
    const content = smallContent();
    content.indicators[0].points = 35;
    content.indicators[1].category = 'nope';
    content.bands[1].min = 91;
    const id = (await t.owner.post('/schemes', { name: '多处问题', content })).body.id;
    const res = await t.owner.post(`/schemes/${id}/versions/1/publish`, undefined, { lang: 'en' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.map((d: any) => [d.field, d.code])).toEqual(
      expect.arrayContaining([
        ['indicators', 'points_sum'],
        ['indicators[1].category', 'unknown_category'],
        [expect.stringMatching(/^bands\[\d\]\.min$/), 'band_gap'],
      ]),
    );
  });

  it('a blank scheme cannot be published until filled', async () => {
    const t = await newTenant();
    const id = (await t.owner.post('/schemes', { name: '空白' })).body.id;
    const res = await t.owner.post(`/schemes/${id}/versions/1/publish`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['categories', 'indicators', 'bands']);
  });
});

describe('shape checks on save', () => {
  it('a malformed draft is refused field by field and nothing is saved', async () => {
    const t = await newTenant();
    const id = await draftScheme(t.owner);
    const before = await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id);
    const content = smallContent();
    content.indicators[0].type = 'magic';
    content.indicators[1].params.rules[0].deduct = 0.123;
    content.bands[0].k = 'high';
    content.extra = true;
    const res = await t.owner.put(`/schemes/${id}/versions/1`, { content }, { lang: 'en' });
    expectError(res, 400, 'VALIDATION_FAILED');
    const fields = res.body.error.details.map((d: any) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'content.indicators[0].type',
        'content.indicators[1].params.rules[0].deduct',
        'content.bands[0].k',
        'content',
      ]),
    );
    expect(await rows('SELECT * FROM scheme_versions WHERE scheme_id = ?', id)).toEqual(before);
  });

  it('sizes are bounded: too many indicators, too long a name', async () => {
    const t = await newTenant();
    const id = await draftScheme(t.owner);
    const content = smallContent();
    content.indicators = Array.from({ length: 201 }, (_, i) => ({ ...content.indicators[0], key: `k${i}` }));
    content.categories[0].name = '长'.repeat(101);
    const res = await t.owner.put(`/schemes/${id}/versions/1`, { content }, { lang: 'en' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(
      expect.arrayContaining(['content.indicators', 'content.categories[0].name']),
    );
  });

  it('create needs a name unless a template gives one, and not both content and a template', async () => {
    const t = await newTenant();
    const noName = await t.owner.post('/schemes', { content: smallContent() });
    expectError(noName, 400, 'VALIDATION_FAILED');
    expect(noName.body.error.details.map((d: any) => d.field)).toEqual(['name']);
    const both = await t.owner.post(
      '/schemes',
      { name: 'x', content: smallContent(), fromTemplate: 'cs-monthly' },
      { lang: 'en' },
    );
    expectError(both, 400, 'VALIDATION_FAILED');
    expect(both.body.error.details).toEqual([
      expect.objectContaining({ field: 'fromTemplate', message: expect.stringContaining('not both') }),
    ]);
    const unknown = await t.owner.post('/schemes', { fromTemplate: 'no-such-template' });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'fromTemplate', code: 'invalid_value' });
    expect(unknown.body.error.details[0].message).toContain('cs-monthly');
    const blankName = await t.owner.post('/schemes', { name: '   ' });
    expectError(blankName, 400, 'VALIDATION_FAILED');
    expect(await rows('SELECT id FROM schemes WHERE tenant_id = ?', t.tenantId)).toEqual([]);
  });
});

describe('preview errors', () => {
  it('a draft that breaks a rule cannot preview: 400 naming its fields', async () => {
    const t = await newTenant();
    const content = smallContent();
    content.indicators[2].params.target = -5;
    const id = (await t.owner.post('/schemes', { name: '坏草稿', content })).body.id;
    const res = await t.owner.post(`/schemes/${id}/versions/1/preview`, smallInputs, { lang: 'en' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/before it can score a preview/);
    expect(res.body.error.details.map((d: any) => d.field)).toEqual(['indicators[2].params.target']);
  });

  it('inputs that do not fit the scheme are refused naming the field (events[0].rule …)', async () => {
    const t = await newTenant();
    const id = await publishedScheme(t.owner);
    const res = await t.owner.post(`/schemes/${id}/versions/1/preview`, {
      events: [{ indicator: 'conduct', rule: 'sleeping', count: 1 }],
      metrics: [{ indicator: 'nope', value: 1 }],
      ratings: [{ indicator: 'supervisor_rating', value: 11 }],
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    const byField = Object.fromEntries(res.body.error.details.map((d: any) => [d.field, d]));
    expect(byField['events[0].rule']).toMatchObject({ code: 'unknown_rule' });
    expect(byField['events[0].rule'].message).toContain('sleeping');
    expect(isChinese(byField['events[0].rule'].message)).toBe(true);
    expect(byField['metrics[0].indicator']).toMatchObject({ code: 'unknown_indicator' });
    expect(byField['ratings[0].value']).toMatchObject({ code: 'rating_range' });

    const shape = await t.owner.post(`/schemes/${id}/versions/1/preview`, { events: [{ rule: 'late' }] });
    expectError(shape, 400, 'VALIDATION_FAILED');
    expect(shape.body.error.details.map((d: any) => d.field)).toEqual(['events[0].indicator']);
  });
});

describe('archived schemes', () => {
  it('stay readable and previewable but get no new versions, edits or publishing', async () => {
    const t = await newTenant();
    const id = await publishedScheme(t.owner, '旧方案');
    expect((await t.owner.post(`/schemes/${id}/versions`)).status).toBe(201);
    expect((await t.owner.post(`/schemes/${id}/archive`)).status).toBe(200);
    const again = await t.owner.post(`/schemes/${id}/archive`);
    expect(again.status, 'archiving twice is harmless').toBe(200);
    expect((await auditOf(t.owner, id)).map((e) => e.action)).toEqual(['scheme.create', 'scheme.archive']);

    const newVersion = await t.owner.post(`/schemes/${id}/versions`);
    expectError(newVersion, 409, 'CONFLICT');
    expect(newVersion.body.error.message).toContain('旧方案');
    expect(newVersion.body.error.message).toContain('archived');
    expectError(await t.owner.post(`/schemes/${id}/versions/2/publish`), 409, 'CONFLICT');
    expectError(await t.owner.put(`/schemes/${id}/versions/2`, { content: smallContent() }), 409, 'CONFLICT');

    expect((await t.owner.get(`/schemes/${id}`)).status).toBe(200);
    expect((await t.owner.post(`/schemes/${id}/versions/1/preview`, smallInputs)).status).toBe(200);
    const renamed = await t.owner.patch(`/schemes/${id}`, { description: '2026 年起停用' });
    expect(renamed.status, show(renamed)).toBe(200);
  });
});

describe('ids that name nothing', () => {
  it('unknown scheme, unknown or malformed version → 404', async () => {
    const t = await newTenant();
    const id = await draftScheme(t.owner);
    for (const path of [
      '/schemes/sch_doesnotexist',
      `/schemes/${id}/versions/2`,
      `/schemes/${id}/versions/0`,
      `/schemes/${id}/versions/abc`,
      `/schemes/${id}/versions/1.5`,
      `/schemes/${id}/versions/99999999999`,
      '/schemes/sch_doesnotexist/versions',
    ]) {
      expectError(await t.owner.get(path), 404, 'NOT_FOUND', path);
    }
    expectError(await t.owner.post(`/schemes/${id}/versions/7/publish`), 404, 'NOT_FOUND');
    expectError(await t.owner.post('/schemes/sch_doesnotexist/archive'), 404, 'NOT_FOUND');
    expectError(await t.owner.patch('/schemes/sch_doesnotexist', { name: 'x' }), 404, 'NOT_FOUND');
  });
});
