import type { Texts } from '../../lib/i18n';

/** What the reference says of one field, in both languages, with an example value. */
export interface FieldDoc {
  description: Texts;
  example?: unknown;
}

/** `f(zh, en, example?)`: one field's line. */
export const f = (zh: string, en: string, example?: unknown): FieldDoc => ({
  description: { 'zh-CN': zh, en },
  ...(example !== undefined && { example }),
});

/**
 * Fields by dotted path inside a schema: `indicators[].params.capRatio`. `[]` steps into a
 * list's items; through a oneOf/anyOf the path applies to every alternative that has it.
 */
export type FieldDocs = Record<string, FieldDoc>;
