import { canonicalJson } from '../../audit/chain';
import type { AuditChange } from '../../audit/commit';

/** Bytes of one audit entry's `before`: a row of production D1 holds at most 2 MB. */
const AUDIT_BEFORE_BYTES = 1_000_000;
const utf8 = new TextEncoder();
const bytesOf = (value: unknown) => utf8.encode(canonicalJson(value)).length;

/**
 * What a removal leaves in the audit log: one `evaluation.delete` with the evaluation, its
 * appeals, the reason and as many inputs as fit, then `evaluation.delete.inputs` entries with
 * the rest (thousands of annotated events do not fit one row), all in the removal's batch.
 */
export function removalEntries(
  removed: Record<string, unknown> & { inputs: unknown[] },
  evaluationId: string,
): AuditChange[] {
  const { inputs, ...head } = removed;
  let part: unknown[] = [];
  const parts = [part];
  let room = AUDIT_BEFORE_BYTES - bytesOf(head);
  for (const input of inputs) {
    const n = bytesOf(input) + 1;
    if (n > room && part.length > 0) {
      part = [];
      parts.push(part);
      room = AUDIT_BEFORE_BYTES - 200; // the part's reason and numbering
    }
    part.push(input);
    room -= n;
  }
  return parts.map((chunk, i) =>
    i === 0
      ? {
          action: 'evaluation.delete',
          entityType: 'evaluation',
          entityId: evaluationId,
          before: { ...head, inputs: chunk, inputCount: inputs.length, inputParts: parts.length },
        }
      : {
          action: 'evaluation.delete.inputs',
          entityType: 'evaluation',
          entityId: evaluationId,
          before: { reason: head.reason, part: i + 1, of: parts.length, inputs: chunk },
        },
  );
}
