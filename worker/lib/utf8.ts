const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Length of the well-formed UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const b0 = b[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  const b1 = b[i + 1] ?? 0;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 === 0xe0 && b1 < 0xa0) return 0; // overlong
    if (b0 === 0xed && b1 > 0x9f) return 0; // an encoded surrogate
    return 3;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 === 0xf0 && b1 < 0x90) return 0; // overlong
    if (b0 === 0xf4 && b1 > 0x8f) return 0; // beyond U+10FFFF
    return 4;
  }
  return 0;
}

/**
 * Decodes UTF-8, turning each byte that is not part of a well-formed sequence into a lone
 * low surrogate (U+DC80–U+DCFF, as Python's "surrogateescape" does) instead of U+FFFD. After
 * JSON.parse, a string that held bad bytes is then not well-formed, exactly like one that held
 * a `\ud800` escape, so one check finds both and can name the field.
 */
export function decodeMarkingInvalid(bytes: Uint8Array): { text: string; invalidBytes: boolean } {
  try {
    return { text: strict.decode(bytes), invalidBytes: false };
  } catch {
    // fall through to the byte-by-byte walk
  }
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (start < i) parts.push(strict.decode(bytes.subarray(start, i)));
    parts.push(String.fromCharCode(0xdc00 + bytes[i]!));
    i += 1;
    start = i;
  }
  if (start < i) parts.push(strict.decode(bytes.subarray(start, i)));
  return { text: parts.join(''), invalidBytes: true };
}

/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
/** For naming a key in an error: the lone surrogates shown as U+FFFD. */
const printable = (s: string) => s.replace(LONE_SURROGATES, '\ufffd');

/** Dotted paths (`items[2].name`) of every string, key or value, that is not well-formed UTF-16. */
export function malformedTextFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return wellFormed(value) ? [] : [path || '(body)'];
  if (Array.isArray(value)) return value.flatMap((v, i) => malformedTextFields(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const field = path ? `${path}.${printable(k)}` : printable(k);
      return wellFormed(k) ? malformedTextFields(v, field) : [field];
    });
  }
  return [];
}
