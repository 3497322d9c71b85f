import { canonicalJson } from './chain';

/** Bytes of one audit entry's before or after: a row of production D1 holds at most 2 MB. */
export const AUDIT_VALUE_BYTES = 1_000_000;
const utf8 = new TextEncoder();
export const bytesOf = (value: unknown) => utf8.encode(canonicalJson(value)).length;

/**
 * Splits a long list for the audit log: the first part fits beside `head` in one entry, each
 * further part in an entry of its own (each keeps ~200 bytes for its list's name and numbering). However many
 * evaluations a month or inputs an evaluation has, every entry stays under D1's row limit.
 */
export function auditParts<T>(head: unknown, items: T[]): T[][] {
  let part: T[] = [];
  const parts = [part];
  const roomOfPart = AUDIT_VALUE_BYTES - 200;
  let room = roomOfPart - bytesOf(head);
  for (const item of items) {
    const n = bytesOf(item) + 1;
    if (n > room && part.length > 0) {
      part = [];
      parts.push(part);
      room = roomOfPart;
    }
    part.push(item);
    room -= n;
  }
  return parts;
}
