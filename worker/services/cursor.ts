import { fromBase64, toBase64 } from '../lib/crypto';
import { ApiError } from '../lib/errors';

/** Opaque keyset cursors: base64 of the last row's sort key, so pages never skip or repeat. */
export function encodeCursor(key: string | number): string {
  // UTF-8 first: btoa alone throws on Chinese names.
  return toBase64(new TextEncoder().encode(JSON.stringify(key))).replace(/=+$/, '');
}

export function decodeCursor<T extends string | number>(
  cursor: string | undefined,
  kind: 'string' | 'number',
) {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64(cursor)),
    );
    // Number keys are offsets, sequence and version numbers: whole and not negative. Anything
    // else is a forged cursor and would reach SQL as a bad OFFSET or comparison.
    if (kind === 'number' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string')
      return value as T;
  } catch {
    // falls through to the error below
  }
  throw new ApiError('BAD_REQUEST', { message: 'INVALID_CURSOR' });
}

/** Splits a `limit + 1` fetch into the page and the cursor for the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => string | number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
