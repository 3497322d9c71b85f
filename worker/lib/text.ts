import { z } from 'zod';
import { format, type Texts } from './i18n';
import { messages } from './messages';

/*
 * What a text field may hold. Every string a request carries is one of two kinds:
 *
 * - one line (names, titles, 工号, keys, labels, ids, e-mails, filters): no line break at all;
 * - several lines (reasons, answers, notes, descriptions): LF (U+000A) breaks lines, nothing else.
 *
 * Neither may hold NUL or another C0/C1 control (TAB included: it aligns nothing in a cell or a
 * payslip), a bidi override or isolate (U+202E turns `KF001` into what reads as another 工号
 * in a table and hides what a name says: "Trojan Source"), or an invisible zero-width character
 * (two names that look alike and are not). Such text is refused, never cleaned: what is stored,
 * audited and shown is what the caller sent. Lone surrogates are refused earlier, for the whole
 * body (middleware/json-text.ts).
 */

export type TextKind = 'oneLine' | 'multiLine';

/** Each refusal's code (in `details[].code` and in import issues) and its text after the field. */
export const textTexts = {
  line_break: messages.TEXT_line_break,
  not_lf: messages.TEXT_not_lf,
  control_character: messages.TEXT_control_character,
  bidi_control: messages.TEXT_bidi_control,
  zero_width: messages.TEXT_zero_width,
} satisfies Record<string, Texts>;

export type TextProblem = keyof typeof textTexts;

/** Line breaks other than LF: CR, VT, FF, NEL and the Unicode line and paragraph separators. */
const otherBreak = (c: number) =>
  c === 0x0b || c === 0x0c || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
/** C0 and C1 controls and DEL. */
const control = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
/** Embeddings and overrides, isolates, the LRM/RLM marks and the Arabic letter mark. */
const bidi = (c: number) =>
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069) ||
  c === 0x200e ||
  c === 0x200f ||
  c === 0x061c;
/** Zero-width space, non-joiner, joiner, word joiner and the BOM as a zero-width no-break space. */
const zeroWidth = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Why the UTF-16 unit `c` may not be in text of this kind, or undefined when it may. */
function classify(c: number, kind: TextKind): TextProblem | undefined {
  if (c === 0x0a) return kind === 'oneLine' ? 'line_break' : undefined;
  if (otherBreak(c)) return kind === 'oneLine' ? 'line_break' : 'not_lf';
  if (control(c)) return 'control_character';
  if (bidi(c)) return 'bidi_control';
  if (zeroWidth(c)) return 'zero_width';
  return undefined;
}

export interface TextRefusal {
  code: TextProblem;
  /** `U+202E`. */
  char: string;
  /** 1-based, counted in characters (code points), as a person counts them. */
  position: number;
  texts: Texts;
}

/** The first character `value` may not hold as text of this kind, or undefined when it is clean. */
export function refusedCharacter(value: string, kind: TextKind): TextRefusal | undefined {
  let position = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A surrogate pair is one character; every refused character is a single UTF-16 unit.
    if (c < 0xdc00 || c > 0xdfff || i === 0 || !isHigh(value.charCodeAt(i - 1))) position++;
    const code = classify(c, kind);
    if (!code) continue;
    const char = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    const params = { char, position };
    const texts = {
      'zh-CN': format(textTexts[code]['zh-CN'], params),
      en: format(textTexts[code].en, params),
    };
    return { code, char, position, texts };
  }
  return undefined;
}

const textRule = (kind: TextKind) =>
  z.string().superRefine((value, ctx) => {
    const refused = refusedCharacter(value, kind);
    if (!refused) return;
    // `continue: false`: a name that is not text is not also "too short" once trimmed.
    ctx.addIssue({
      code: 'custom',
      message: refused.texts.en,
      params: { i18n: refused.texts, code: refused.code },
      continue: false,
    });
  });

/**
 * A one-line text field: no line break, control, bidi or zero-width character. Chain the
 * field's own rules after it (`oneLine().trim().min(1).max(100)`): the check sees the text as
 * sent, before trimming.
 */
export const oneLine = () => textRule('oneLine');

/** A text of several lines (a reason, an answer, a note): as oneLine, but LF may break lines. */
export const multiLine = () => textRule('multiLine');
