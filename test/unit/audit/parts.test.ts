import { describe, expect, it } from 'vitest';
import { AUDIT_VALUE_BYTES, auditParts, bytesOf } from '../../../worker/audit/parts';

// A month of 24,000 evaluations is listed in its period.open entry: ~2.9 MB, over D1's 2 MB row.
const summary = Array.from({ length: 24_000 }, (_, i) => ({
  id: `evl_${String(i).padStart(20, '0')}`,
  employeeId: `emp_${String(i).padStart(20, '0')}`,
  schemeVersionId: 'scv_0123456789abcdefghij',
}));

describe('auditParts: long lists in entries that fit a D1 row', () => {
  it('splits a 24,000-evaluation month so that every entry stays under the limit, nothing lost', () => {
    const head = { id: 'per_x', key: '2026-11', skipped: [] };
    const parts = auditParts(head, summary);
    expect(bytesOf(summary)).toBeGreaterThan(2_000_000);
    expect(parts.length).toBeGreaterThan(2);
    expect(bytesOf({ ...head, evaluations: parts[0] })).toBeLessThanOrEqual(AUDIT_VALUE_BYTES);
    for (const part of parts.slice(1))
      expect(bytesOf({ part: 99, of: 99, evaluations: part })).toBeLessThanOrEqual(AUDIT_VALUE_BYTES);
    expect(parts.flat()).toEqual(summary);
  });

  it('keeps a short list in one entry', () => {
    expect(auditParts({}, summary.slice(0, 10))).toEqual([summary.slice(0, 10)]);
  });
});
