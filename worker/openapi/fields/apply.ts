import type { Lang } from '../../lib/i18n';
import { fieldCatalogue } from '.';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schema objects are plain JSON here
export type SchemaNode = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: the document as generated
type Doc = Record<string, any>;

/** The schema a catalogue key names: a component, or an operation's JSON request body. */
export function rootSchema(doc: Doc, target: string): SchemaNode | undefined {
  const [operationId, part] = target.split('#');
  if (part !== 'body') return doc.components?.schemas?.[target];
  for (const item of Object.values<Doc>(doc.paths ?? {})) {
    for (const op of Object.values<Doc>(item)) {
      if (op?.operationId === operationId) return op.requestBody?.content?.['application/json']?.schema;
    }
  }
  return undefined;
}

export const resolve = (doc: Doc, node: SchemaNode): SchemaNode =>
  node.$ref ? resolve(doc, doc.components.schemas[String(node.$ref).split('/').pop()!]) : node;

export const alternatives = (node: SchemaNode): SchemaNode[] => [
  ...(node.oneOf ?? []),
  ...(node.anyOf ?? []),
  ...(node.allOf ?? []),
];

/** `indicators[].params.capRatio` → ['indicators', '[]', 'params', 'capRatio']. */
const segments = (path: string) =>
  path.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), '[]'] : [s]));

/** Every schema object at the path (the property object itself, where it is a property). */
function nodesAt(doc: Doc, node: SchemaNode, path: string[]): SchemaNode[] {
  if (path.length === 0) return [node];
  const here = resolve(doc, node);
  const [head, ...rest] = path;
  const viaAlternatives = alternatives(here).flatMap((alt) => nodesAt(doc, alt, path));
  if (head === '[]') return [...viaAlternatives, ...(here.items ? nodesAt(doc, here.items, rest) : [])];
  const prop = here.properties?.[head!];
  return [...viaAlternatives, ...(prop ? nodesAt(doc, prop, rest) : [])];
}

/**
 * The catalogue's example, unless this alternative of a union allows fixed values only (the
 * `type` of each indicator, a veto's 0 points): then its first allowed value, so that every
 * example conforms to its own schema.
 */
function exampleFor(node: SchemaNode, example: unknown): unknown {
  const allowed: unknown[] | undefined = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  return allowed && !allowed.includes(example) ? allowed[0] : example;
}

/** Writes each catalogued field's description (in `lang`) and example into the document. */
export function applyFieldDocs(doc: Doc, lang: Lang): void {
  for (const [target, fields] of Object.entries(fieldCatalogue)) {
    const root = rootSchema(doc, target);
    if (!root) continue;
    for (const [path, field] of Object.entries(fields)) {
      for (const node of nodesAt(doc, root, segments(path))) {
        node.description = field.description[lang];
        if (field.example !== undefined) node.example = exampleFor(node, field.example);
      }
    }
  }
}
