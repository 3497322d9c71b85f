import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../../worker/app';
import { newTenant } from '../../helpers/tenant';
import { ok, openMonth } from '../evaluations/fixtures';
import { count, expectError, show } from '../support';

/*
 * Every string a request carries (JSON body, query, path, header) follows worker/lib/text.ts:
 * one line, or LF-only lines for reasons, answers, notes and descriptions. Walked from the
 * app's own route registry, so a field added anywhere without the rule fails here by name.
 */

/** Strings no field takes: only compared with a hash, never stored or shown. */
// Passwords compared with a stored hash: refusing characters there would lock out old ones.
const EXEMPT = new Set(['login body.password', 'changePassword body.currentPassword']);
/** Fields of several lines: reasons, answers, notes, descriptions. */
const MULTI_LINE = new Set([
  'appealEvaluation body.reason',
  'resolveEvaluation body.answer',
  'reopenEvaluation body.reason',
  'removePeriodEvaluation body.reason',
  'createScheme body.description',
  'updateScheme body.description',
  'addEvaluationInputs body.events[].evidence.note',
  'previewSchemeVersion body.events[].evidence.note',
  'ingest body.rows[].evidence.note',
]);

type Node = z.core.$ZodType;
const def = (s: Node) => s._zod.def as unknown as Record<string, any>;

/** A string, or a string piped into something (`email`): tested as a whole. */
const isText = (s: Node): boolean =>
  def(s).type === 'string' || (def(s).type === 'pipe' && isText(def(s).in));

/** Every text leaf under `s`, with its path. */
function textLeaves(s: Node, path: string): [string, Node][] {
  const d = def(s);
  if (isText(s)) return [[path, s]];
  switch (d.type) {
    case 'object':
      return Object.entries<Node>(d.shape).flatMap(([k, v]) => textLeaves(v, `${path}.${k}`));
    case 'array':
      return textLeaves(d.element, `${path}[]`);
    case 'record':
      return [...textLeaves(d.keyType, `${path}{key}`), ...textLeaves(d.valueType, `${path}{}`)];
    case 'union':
      return d.options.flatMap((o: Node) => textLeaves(o, path));
    case 'intersection':
      return [...textLeaves(d.left, path), ...textLeaves(d.right, path)];
    case 'pipe':
      return textLeaves(d.in, path);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return textLeaves(d.innerType, path);
    case 'lazy':
      return textLeaves(d.getter(), path);
    default:
      return [];
  }
}

/** `operationId part.path` and its schema, for every text a request can carry (a union's alternatives each). */
function requestTexts(): [string, Node][] {
  const out: [string, Node][] = [];
  const routes = createApp().openAPIRegistry.definitions.flatMap((d) =>
    d.type === 'route' ? [d.route] : [],
  );
  for (const r of routes) {
    const req = r.request ?? {};
    const parts: [string, unknown][] = [
      ['body', (req.body?.content?.['application/json'] as { schema?: unknown } | undefined)?.schema],
      ['query', req.query],
      ['params', req.params],
      ['headers', Array.isArray(req.headers) ? undefined : req.headers],
    ];
    for (const [part, schema] of parts) {
      if (!schema) continue;
      for (const [path, leaf] of textLeaves(schema as Node, part)) {
        out.push([`${r.operationId} ${path}`, leaf]);
      }
    }
  }
  return out;
}

const refuses = (s: Node, v: string) => !(s as z.ZodType).safeParse(v).success;

describe('every text field of every request follows the text rules', () => {
  it('refuses NUL, controls, bidi controls and zero-width characters; one-line fields any line break', () => {
    const texts = requestTexts();
    const names = new Set(texts.map(([name]) => name));
    expect(names.size, 'the walk finds the fields').toBeGreaterThan(150);
    for (const name of [...MULTI_LINE, ...EXEMPT]) expect(names.has(name), `${name} exists`).toBe(true);
    const wrong: string[] = [];
    for (const [name, leaf] of texts) {
      if (EXEMPT.has(name)) continue;
      const multi = MULTI_LINE.has(name);
      const hostile = [
        '\u0000',
        '\u001b',
        '\u009b',
        '\u202e',
        '\u2066',
        '\u200b',
        '\ufeff',
        '\r\n',
        '\u2028',
      ];
      if (!multi) hostile.push('\n');
      for (const ch of hostile) {
        if (!refuses(leaf, `ab${ch}cd`)) wrong.push(`${name} takes U+${ch.charCodeAt(0).toString(16)}`);
      }
    }
    expect(wrong, 'fields without oneLine()/multiLine() (worker/lib/text.ts)').toEqual([]);
  });
});

describe('text rules over HTTP', () => {
  it('a name with U+202E is a 400 naming the field and the character, in zh-CN and en; nothing is made', async () => {
    const t = await newTenant();
    const before = await count('departments');
    const en = await t.owner.post('/departments', { name: '客服部\u202e1KF' }, { lang: 'en' });
    expectError(en, 400, 'VALIDATION_FAILED');
    expect(en.body.error.details, show(en)).toEqual([
      {
        field: 'name',
        code: 'bidi_control',
        message: 'name must not hold bidirectional text controls; character 4 is U+202E',
      },
    ]);
    const zh = await t.owner.post('/employees', {
      employeeNo: 'KF001',
      name: '李\u200b娜',
      departmentId: 'dep_x',
      positionId: 'pos_x',
    });
    expectError(zh, 400, 'VALIDATION_FAILED');
    expect(zh.body.error.details, show(zh)).toEqual([
      { field: 'name', code: 'zero_width', message: 'name：不能包含不可见的零宽字符，第 2 个字符是 U+200B' },
    ]);
    const nested = await t.owner.post('/schemes', {
      name: '方案',
      content: { categories: [{ key: 'a', name: '服务\u0000质量' }], indicators: [], bands: [] },
    });
    expectError(nested, 400, 'VALIDATION_FAILED');
    expect(nested.body.error.details, show(nested)).toEqual([
      expect.objectContaining({ field: 'content.categories[0].name', code: 'control_character' }),
    ]);
    expect(await count('departments')).toBe(before);
  });

  it('a reason with CRLF is a 400 naming it; with LF it is kept, line breaks and all', async () => {
    const m = await openMonth();
    const path = `/periods/${m.periodId}/evaluations/${m.evaluationId}`;
    const crlf = await m.t.owner.delete(path, { body: { reason: '11月15日离职\r\n已交接' }, lang: 'en' });
    expectError(crlf, 400, 'VALIDATION_FAILED');
    expect(crlf.body.error.details, show(crlf)).toEqual([
      {
        field: 'reason',
        code: 'not_lf',
        message: 'reason may break lines with LF (U+000A) only; character 9 is U+000D',
      },
    ]);
    const oneLineOnly = await m.t.owner.post('/departments', { name: '客服部\n二组' });
    expect(oneLineOnly.body.error.details[0], show(oneLineOnly)).toMatchObject({
      field: 'name',
      code: 'line_break',
    });
    const lf = await m.t.owner.delete(path, { body: { reason: '11月15日离职\n已交接' } });
    expect(lf.status, show(lf)).toBe(204);
    const [entry] = (
      await m.t.owner.get(`/audit-log?entityType=evaluation&entityId=${m.evaluationId}&limit=1`)
    ).body.items;
    expect(JSON.stringify(entry), 'the reason is kept as sent').toContain('11月15日离职\\n已交接');
    ok(await m.t.owner.get(`/periods/${m.periodId}`));
  });
});
