import type { SchemeContent } from './content';

/** A value as it was or is: a number, a word, a flag, or a list's names (a rule list). */
export type DiffValue = string | number | boolean | null;

/** One field of a row that changed, old → new. `field` is a path such as `params.target`. */
export interface FieldChange {
  field: string;
  before: DiffValue;
  after: DiffValue;
}

export type Change = {
  what: 'category' | 'indicator' | 'band' | 'scheme';
  name: string;
  kind: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
};

type Row = Record<string, unknown>;

/** A rule or item list reads as its names with their amounts: "漏接 2 / 辱骂 10". */
function shown(v: unknown): DiffValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v))
    return v
      .map((x) => {
        if (x === null || typeof x !== 'object') return String(x);
        const r = x as Row;
        const amount = r.deduct ?? r.add ?? r.weight;
        return amount === undefined ? String(r.name ?? '') : `${String(r.name ?? '')} ${String(amount)}`;
      })
      .join(' / ');
  return JSON.stringify(v);
}

/** Field by field, one level into objects (`params.target`), so a change says old → new. */
function fieldChanges(a: Row, b: Row, prefix = ''): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const x = a[f];
    const y = b[f];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const nested = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!prefix && nested(x) && nested(y)) out.push(...fieldChanges(x as Row, y as Row, `${f}.`));
    else out.push({ field: `${prefix}${f}`, before: shown(x), after: shown(y) });
  }
  return out;
}

function diffRows<T extends Row>(
  what: Change['what'],
  a: T[],
  b: T[],
  id: (x: T) => string,
  name: (x: T) => string,
): Change[] {
  const out: Change[] = [];
  const before = new Map(a.map((x) => [id(x), x]));
  const after = new Map(b.map((x) => [id(x), x]));
  for (const [k, x] of before)
    if (!after.has(k)) out.push({ what, name: name(x), kind: 'removed', fields: [] });
  for (const [k, y] of after) {
    const x = before.get(k);
    if (!x) {
      out.push({ what, name: name(y), kind: 'added', fields: [] });
      continue;
    }
    const fields = fieldChanges(x, y);
    if (fields.length > 0) out.push({ what, name: name(y), kind: 'changed', fields });
  }
  return out;
}

/**
 * What changed from one version's content to another's, row by row and field by field, old → new.
 * One function for the scheme history screen and the audit log's publish entries.
 */
export function diffContent(a: SchemeContent, b: SchemeContent): Change[] {
  const top = fieldChanges({ maxScore: a.maxScore }, { maxScore: b.maxScore });
  return [
    ...(top.length > 0 ? [{ what: 'scheme' as const, name: '', kind: 'changed' as const, fields: top }] : []),
    ...diffRows(
      'category',
      a.categories as unknown as Row[],
      b.categories as unknown as Row[],
      (c) => String(c.key),
      (c) => String(c.name),
    ),
    ...diffRows(
      'indicator',
      a.indicators as unknown as Row[],
      b.indicators as unknown as Row[],
      (i) => String(i.key),
      (i) => String(i.name),
    ),
    ...diffRows(
      'band',
      a.bands as unknown as Row[],
      b.bands as unknown as Row[],
      (x) => String(x.grade),
      (x) => `${String(x.grade)} ${String(x.label ?? '')}`,
    ),
  ];
}
