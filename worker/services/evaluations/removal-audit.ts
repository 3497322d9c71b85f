import type { AuditChange } from '../../audit/commit';
import { auditParts } from '../../audit/parts';

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
  const parts = auditParts(head, inputs);
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
