import { describe, expect, it } from 'vitest';
import { operationCatalogue } from '../../../worker/openapi/catalogue';
import { fieldCatalogue } from '../../../worker/openapi/fields';
import { alternatives, resolve, rootSchema, type SchemaNode } from '../../../worker/openapi/fields/apply';
import { call } from '../../helpers/client';
import { isChinese } from '../support';

/*
 * The documentation rules, checked on the served document so that an operation merged from
 * any branch is held to them. Each failure names the operation or field and what to add:
 * summaries and descriptions go in worker/openapi/catalogue, field texts in worker/openapi/fields,
 * tags in worker/openapi/tags.ts; statuses come from defineRoute and errorResponses.
 */

type Lang = 'zh-CN' | 'en';
const documents = new Map<Lang, any>();
async function documentIn(lang: Lang) {
  if (!documents.has(lang)) {
    const res = await call({ kind: 'none' }, 'GET', '/openapi.json', { lang });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe(lang);
    documents.set(lang, res.body);
  }
  return documents.get(lang);
}

interface Op {
  id: string;
  method: string;
  path: string;
  op: any;
}
const operations = (doc: any): Op[] =>
  Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ id: op.operationId, method, path, op })),
  );
const where = (o: Op) => `${o.id} (${o.method.toUpperCase()} ${o.path})`;

describe('the API reference: every operation documented', () => {
  it('has a summary and a description in zh-CN and in en, from the catalogue', async () => {
    const zh = await documentIn('zh-CN');
    const en = await documentIn('en');
    const enOps = new Map(operations(en).map((o) => [o.id, o.op]));
    const missing: string[] = [];
    for (const o of operations(zh)) {
      if (!operationCatalogue[o.id]) {
        missing.push(`${where(o)}: add op(zh, en, zhDescription, enDescription) to worker/openapi/catalogue`);
        continue;
      }
      const e = enOps.get(o.id);
      if (!isChinese(o.op.summary ?? '')) missing.push(`${where(o)}: the zh-CN summary has no Chinese`);
      if (!(o.op.description ?? '').trim()) missing.push(`${where(o)}: no zh-CN description`);
      if (!(e?.description ?? '').trim()) missing.push(`${where(o)}: no en description`);
      if (!e?.summary || e.summary === o.op.summary)
        missing.push(`${where(o)}: the en summary is not English`);
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('the catalogue describes no operation that does not exist', async () => {
    const ids = new Set(operations(await documentIn('en')).map((o) => o.id));
    expect(Object.keys(operationCatalogue).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('uses only declared tags, each with a description in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const doc = await documentIn(lang);
      const declared = new Map<string, any>(doc.tags.map((t: any) => [t.name, t]));
      const problems = operations(doc).flatMap((o) => {
        if (!o.op.tags?.length) return [`${where(o)}: no tag`];
        return o.op.tags
          .filter((t: string) => !declared.has(t))
          .map((t: string) => `${where(o)}: tag "${t}" is not declared in worker/openapi/tags.ts`);
      });
      for (const t of declared.values()) if (!t.description) problems.push(`tag ${t.name}: no description`);
      expect(problems, `${lang}:\n${problems.join('\n')}`).toEqual([]);
    }
    expect((await documentIn('zh-CN')).tags[0].description).not.toBe(
      (await documentIn('en')).tags[0].description,
    );
  });

  it('documents every status an operation can give: 401/403, 400/413/415 for bodies, 404 for ids, 500', async () => {
    const problems: string[] = [];
    for (const o of operations(await documentIn('en'))) {
      const has = (s: number) => String(s) in o.op.responses;
      const need = [500];
      if (!o.op['x-access']?.public) need.push(401, 403);
      if (o.op.requestBody) need.push(400, 413, 415);
      if (o.path.includes('{')) need.push(404);
      for (const s of need) if (!has(s)) problems.push(`${where(o)}: ${s} is not documented`);
      for (const [status, r] of Object.entries<any>(o.op.responses)) {
        if (Number(status) < 400) continue;
        const example = r.content?.['application/json']?.example;
        if (!example?.error?.code) problems.push(`${where(o)}: ${status} has no example`);
        else if (!r['x-error-codes']?.includes(example.error.code))
          problems.push(`${where(o)}: ${status}'s example code is not one it lists`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the error answers and the document itself come in the language asked for', async () => {
    const zh = await documentIn('zh-CN');
    const en = await documentIn('en');
    const meZh = zh.paths['/api/v1/me'].get.responses['401'];
    const meEn = en.paths['/api/v1/me'].get.responses['401'];
    expect(meZh.description).toBe('UNAUTHORIZED: 请先登录或提供有效的 API 密钥');
    expect(meEn.description).toBe('UNAUTHORIZED: Sign in or provide a valid API key');
    expect(meZh.content['application/json'].example.error.message).toBe('请先登录或提供有效的 API 密钥');
    // A route may document the specific message it gives for a code.
    expect(zh.paths['/api/v1/signup'].post.responses['429'].description).toContain('注册过于频繁');
    expect(en.paths['/api/v1/auth/login'].post.responses['401'].description).toBe(
      'UNAUTHORIZED: Wrong company slug, e-mail or password',
    );
    expect(isChinese(zh.info.description)).toBe(true);
    expect(isChinese(en.info.description.replace('绩效', ''))).toBe(false);
    const byDefault = await call({ kind: 'none' }, 'GET', '/openapi.json');
    expect(byDefault.body.info.description, 'zh-CN when Accept-Language says nothing').toBe(
      zh.info.description,
    );
  });
});

/** Every property path under a schema, with the schema objects found there (through unions). */
function fieldsOf(doc: any, node: SchemaNode, prefix = '', out = new Map<string, SchemaNode[]>(), depth = 0) {
  if (depth > 12) return out;
  const here = resolve(doc, node);
  for (const alt of alternatives(here)) fieldsOf(doc, alt, prefix, out, depth + 1);
  if (here.items) fieldsOf(doc, here.items, `${prefix}[]`, out, depth + 1);
  for (const [key, prop] of Object.entries<SchemaNode>(here.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.set(path, [...(out.get(path) ?? []), prop]);
    fieldsOf(doc, prop, path, out, depth + 1);
  }
  return out;
}

/** A leaf holds a value (no fields below it): it needs an example too. */
const isLeaf = (doc: any, node: SchemaNode): boolean => {
  const here = resolve(doc, node);
  if (here.properties) return false;
  if (here.items) return isLeaf(doc, here.items);
  return alternatives(here).every((alt) => isLeaf(doc, alt));
};

describe('the API reference: every field of scheme content, inputs, breakdown and errors', () => {
  it.each(Object.keys(fieldCatalogue))(
    '%s: each field has a description in zh-CN and en, and each value an example',
    async (target) => {
      const problems: string[] = [];
      for (const lang of ['zh-CN', 'en'] as const) {
        const doc = await documentIn(lang);
        const root = rootSchema(doc, target);
        expect(root, `${target} is in the document`).toBeDefined();
        const fields = fieldsOf(doc, root!);
        expect(fields.size, `${target} has fields`).toBeGreaterThan(3);
        for (const [path, nodes] of fields) {
          if (nodes.some((n) => !n.description)) problems.push(`${lang} ${target} ${path}: no description`);
          if (lang === 'zh-CN' && nodes.some((n) => !isChinese(n.description ?? '')))
            problems.push(`zh-CN ${target} ${path}: the description has no Chinese`);
          if (nodes.some((n) => isLeaf(doc, n) && n.example === undefined))
            problems.push(`${lang} ${target} ${path}: no example`);
        }
      }
      expect(problems, `add to worker/openapi/fields:\n${problems.join('\n')}`).toEqual([]);
    },
  );

  it('the breakdown of an evaluation has the same schema as a preview’s', async () => {
    const doc = await documentIn('en');
    const detail = resolve(doc, doc.components.schemas.EvaluationDetail);
    const breakdown = (detail.allOf ?? [detail])
      .map((s: any) => resolve(doc, s).properties?.breakdown)
      .find(Boolean);
    expect(breakdown?.$ref ?? breakdown?.allOf?.[0]?.$ref).toBe('#/components/schemas/ScoreResult');
  });
});
