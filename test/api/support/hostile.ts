/*
 * Hostile request bodies, derived from an operation's request body schema in the served OpenAPI
 * document: the shapes a fuzzer or a careless integrator sends. Used by the hostile-input sweep
 * (test/api/edge/hostile-sweep.test.ts); nothing here knows any route by name.
 */

type Schema = Record<string, any>;
type Doc = { components?: { schemas?: Record<string, Schema> } };

/** 1 MiB: the request body limit (worker/middleware/body-limit.ts). */
export const BODY_LIMIT = 1024 * 1024;

export interface HostileBody {
  /** What it is, for the list of failures: `deep arrays`, `NUL in content.categories[0].name` … */
  kind: string;
  /** Sent as is; undefined sends no body at all. */
  raw?: string | Uint8Array;
  contentType?: string;
  /** The one status this body must get, where the answer does not depend on the route. */
  expect?: number;
  /** One of the bodies made for each field (a hostile string, a wrong type), not for the whole. */
  perField?: boolean;
  /** About a megabyte: sent once per operation, not again by every caller. */
  large?: boolean;
}

const resolve = (doc: Doc, s: Schema | undefined): Schema => {
  if (!s) return {};
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[String(s.$ref).split('/').pop()!]);
  return s;
};

/** The first alternative of a union, merged with what the schema says besides. */
function concrete(doc: Doc, s: Schema | undefined): Schema {
  const r = resolve(doc, s);
  const alt = r.oneOf?.[0] ?? r.anyOf?.[0] ?? r.allOf?.[0];
  if (!alt) return r;
  const { oneOf: _o, anyOf: _a, allOf: _l, ...rest } = r;
  return { ...concrete(doc, alt), ...rest };
}

const typeOf = (s: Schema): string =>
  Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? 'null') : (s.type ?? 'object');

const PATTERN_GUESSES = ['a', 'kf001', 'KF001', '2026-11', 'a-b-c'];

function sampleString(s: Schema): string {
  if (typeof s.example === 'string') return s.example;
  if (s.enum?.length) return String(s.enum[0]);
  if (s.const !== undefined) return String(s.const);
  if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (s.format === 'email') return 'someone@example.com';
  if (s.pattern) return PATTERN_GUESSES.find((g) => new RegExp(s.pattern).test(g)) ?? 'a';
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/**
 * A value the schema describes. `full`: every property and one item in every list, so that
 * each field can be reached; otherwise only what is required (more often a body that passes).
 */
export function sample(doc: Doc, schema: Schema | undefined, full: boolean, depth = 0): unknown {
  const s = concrete(doc, schema);
  if (depth > 12) return null;
  if (s.example !== undefined && typeOf(s) !== 'object' && typeOf(s) !== 'array') return s.example;
  switch (typeOf(s)) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return s.enum?.[0] ?? s.const ?? Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return full || (s.minItems ?? 0) > 0 ? [sample(doc, s.items, full, depth + 1)] : [];
    default: {
      const props: Record<string, Schema> = s.properties ?? {};
      const required = new Set<string>(s.required ?? []);
      const keys = Object.keys(props).filter((k) => full || required.has(k));
      if (!full && keys.length === 0 && Object.keys(props).length > 0) keys.push(Object.keys(props)[0]!);
      return Object.fromEntries(keys.map((k) => [k, sample(doc, props[k], full, depth + 1)]));
    }
  }
}

export type Path = (string | number)[];
export const pathName = (p: Path) =>
  p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '') ||
  '(body)';

/** Every leaf of a sample value, with its path and JSON type. */
export function leaves(value: unknown, path: Path = []): { path: Path; type: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, type: value === null ? 'null' : typeof value }];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head as string] = withLeaf(copy[head as string], rest, leaf);
  return copy;
}

const JSON_TYPE = 'application/json';
const json = (kind: string, value: unknown, extra: Partial<HostileBody> = {}): HostileBody => ({
  kind,
  raw: JSON.stringify(value),
  contentType: JSON_TYPE,
  ...extra,
});

/** Characters no text field may hold, one body per field and character. */
export const HOSTILE_TEXT: [string, string][] = [
  ['NUL', '\u0000'],
  ['U+202E', '\u202e'],
  ['U+200B', '\u200b'],
  ['NEL (C1)', '\u0085'],
  ['CRLF', '\r\n'],
];

/** The same sample, padded with JSON whitespace to exactly `bytes` bytes. */
function padded(value: unknown, bytes: number): string {
  const text = JSON.stringify(value);
  return text + ' '.repeat(Math.max(0, bytes - new TextEncoder().encode(text).length));
}

/** The first key twice: wrong then right (JSON.parse keeps the last), and right then wrong. */
function duplicateKeys(value: unknown): HostileBody[] {
  const entries = Object.entries((value ?? {}) as object);
  const [key, good] = entries[0] ?? ['a', 1];
  const rest = entries
    .slice(1)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join('');
  const twice = (first: unknown, second: unknown) =>
    `{${JSON.stringify(key)}:${JSON.stringify(first)},${JSON.stringify(key)}:${JSON.stringify(second)}${rest}}`;
  return [
    { kind: 'duplicate keys, the valid one last', raw: twice({ evil: true }, good), contentType: JSON_TYPE },
    { kind: 'duplicate keys, the valid one first', raw: twice(good, { evil: true }), contentType: JSON_TYPE },
  ];
}

/** Every hostile body for an operation whose JSON body has `schema`. */
export function hostileJsonBodies(doc: Doc, schema: Schema): HostileBody[] {
  const minimal = sample(doc, schema, false);
  const full = sample(doc, schema, true);
  const fields = leaves(full).filter((l) => l.path.length > 0);
  const texts = fields.filter((l) => l.type === 'string');
  const numbers = fields.filter((l) => l.type === 'number');
  const out: HostileBody[] = [
    {
      kind: 'deep arrays (100,000 levels)',
      raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      contentType: JSON_TYPE,
    },
    {
      kind: 'deep objects (100,000 levels)',
      raw: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
      contentType: JSON_TYPE,
    },
    {
      kind: 'deep value in a field (5,000 levels)',
      raw: `{"x":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      contentType: JSON_TYPE,
    },
    {
      kind: 'a valid body padded to exactly 1 MiB',
      raw: padded(minimal, BODY_LIMIT),
      large: true,
      contentType: JSON_TYPE,
    },
    {
      kind: '1 MiB + 1 byte',
      raw: padded(minimal, BODY_LIMIT + 1),
      contentType: JSON_TYPE,
      expect: 413,
      large: true,
    },
    { kind: 'no body', raw: undefined },
    { kind: 'empty body with a JSON type', raw: '', contentType: JSON_TYPE },
    { kind: 'not JSON with a JSON type', raw: 'name=x&{oops', contentType: JSON_TYPE },
    { kind: 'JSON with a text/plain type', raw: JSON.stringify(minimal), contentType: 'text/plain' },
    {
      kind: 'bytes that are not UTF-8',
      raw: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      contentType: JSON_TYPE,
    },
    { kind: 'a lone surrogate as a key', raw: '{"\\udfff":1}', contentType: JSON_TYPE },
    json('an array', []),
    json('null', null),
    json('the full sample', full),
    json('the minimal sample', minimal),
    json('unknown fields', { ...(minimal as object), tenantId: 'ten_other', id: 'x', __proto__x: 1 }),
    ...duplicateKeys(minimal),
    {
      kind: '__proto__ key',
      raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
      contentType: JSON_TYPE,
    },
  ];
  if (numbers.length) {
    const marker = 8.888e-300;
    let huge: unknown = full;
    for (const n of numbers) huge = withLeaf(huge, n.path, marker);
    const text = JSON.stringify(huge);
    for (const big of ['1e308', '-1e308', '1e999', '123456789012345678901234567890', '-0', '0.1e-400'])
      out.push({
        kind: `every number ${big}`,
        raw: text.replaceAll(String(marker), big),
        contentType: JSON_TYPE,
      });
  }
  const [first] = texts;
  // Lengths are checked field by field in test/api/input/validation.test.ts: one field here.
  if (first)
    out.push(
      json(`1 MB of text in ${pathName(first.path)}`, withLeaf(full, first.path, '字'.repeat(300_000)), {
        large: true,
      }),
    );
  const each = { perField: true };
  for (const f of fields) {
    const name = pathName(f.path);
    out.push(
      json(`wrong type in ${name}`, withLeaf(full, f.path, f.type === 'string' ? { a: [1] } : 'x'), each),
    );
  }
  for (const f of texts) {
    const name = pathName(f.path);
    for (const [what, ch] of HOSTILE_TEXT)
      out.push(json(`${what} in ${name}`, withLeaf(full, f.path, `ab${ch}cd`), each));
    out.push(json(`a lone surrogate in ${name}`, withLeaf(full, f.path, 'ab\ud800cd'), each));
  }
  return out;
}

/** Hostile files for an operation that takes text/csv. */
export function hostileCsvBodies(): HostileBody[] {
  const csv = 'text/csv';
  const header = '工号,姓名,部门,岗位\n';
  const cells = HOSTILE_TEXT.map(([what, ch]) => ({
    kind: `CSV with ${what} in a cell`,
    raw: `${header}KF001,李${ch}娜,客服部,客服专员\n`,
    contentType: csv,
  }));
  return [
    ...cells,
    {
      kind: 'CSV of exactly 1 MiB',
      raw: header + 'x'.repeat(BODY_LIMIT - new TextEncoder().encode(header).length),
      contentType: csv,
    },
    {
      kind: 'CSV of 1 MiB + 1 byte',
      raw: header + 'x'.repeat(BODY_LIMIT + 1 - new TextEncoder().encode(header).length),
      contentType: csv,
      expect: 413,
    },
    { kind: 'CSV of 100,000 quotes', raw: `${header}"${'"'.repeat(100_000)}`, contentType: csv },
    { kind: 'CSV of 100,000 commas', raw: `${header}${','.repeat(100_000)}\n`, contentType: csv },
    {
      kind: 'binary bytes as CSV',
      raw: new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 151) % 256)),
      contentType: csv,
    },
    { kind: 'empty CSV', raw: '', contentType: csv },
    { kind: 'no body', raw: undefined },
    { kind: 'JSON to the CSV import', raw: '{"rows":[]}', contentType: JSON_TYPE },
    { kind: 'deep JSON to the CSV import', raw: '['.repeat(100_000), contentType: JSON_TYPE },
  ];
}
