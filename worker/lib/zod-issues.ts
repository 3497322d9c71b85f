import type { z } from 'zod';
import type { FieldIssue } from './errors';
import { format, type Lang, type Texts } from './i18n';
import { messages } from './messages';

/** `indicators[2].points` from zod's path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

const texts = {
  required: messages.ZOD_required,
  type: messages.ZOD_type,
  stringTooLong: messages.ZOD_stringTooLong,
  stringTooShort: messages.ZOD_stringTooShort,
  numberTooBig: messages.ZOD_numberTooBig,
  numberTooSmall: messages.ZOD_numberTooSmall,
  tooMany: messages.ZOD_tooMany,
  tooFew: messages.ZOD_tooFew,
  format: messages.ZOD_format,
  oneOf: messages.ZOD_oneOf,
  unknownKeys: messages.ZOD_unknownKeys,
  notMultiple: messages.ZOD_notMultiple,
  invalid: messages.ZOD_invalid,
} satisfies Record<string, Texts>;

function describe(issue: z.core.$ZodIssue, lang: Lang): string {
  const t = (key: keyof typeof texts, params: Record<string, string | number> = {}) =>
    format(texts[key][lang], params);
  switch (issue.code) {
    case 'invalid_type':
      // zod's finalized issue keeps no input; its default text says when nothing was there.
      return issue.message.endsWith('received undefined')
        ? t('required')
        : t('type', { expected: issue.expected });
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return t('stringTooLong', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t('tooMany', { n });
      return t('numberTooBig', { n });
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return t('stringTooShort', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t('tooFew', { n });
      return t('numberTooSmall', { n });
    }
    case 'invalid_format':
      return t('format', { format: issue.format });
    case 'invalid_value':
      return t('oneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t('unknownKeys', { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return t('notMultiple', { n: Math.max(0, -Math.round(Math.log10(Number(issue.divisor)))) });
    case 'custom': {
      const i18n = (issue.params as { i18n?: Texts } | undefined)?.i18n;
      return i18n ? i18n[lang] : lang === 'en' ? issue.message : t('invalid');
    }
    default:
      return lang === 'en' ? issue.message : t('invalid');
  }
}

/** zod issues as field-by-field errors in the caller's language. */
export function fieldIssues(error: z.ZodError, lang: Lang): FieldIssue[] {
  // zod 4 still runs length checks on a value of the wrong type (`["a"]` for a string is "too
  // small: expected array to have >=3 items"); the type error is the one worth saying.
  const wrongType = new Set(
    error.issues.filter((i) => i.code === 'invalid_type').map((i) => fieldPath(i.path)),
  );
  const issues = error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(fieldPath(i.path)));
  return issues.map((issue) => {
    const field = fieldPath(issue.path) || '(body)';
    const text = describe(issue, lang);
    // A rule may name its refusal more exactly than zod's `custom` (lib/text.ts: `bidi_control`).
    const code =
      (issue.code === 'custom' && (issue.params as { code?: string } | undefined)?.code) || issue.code;
    return { field, code, message: lang === 'en' ? `${field} ${text}` : `${field}：${text}` };
  });
}
