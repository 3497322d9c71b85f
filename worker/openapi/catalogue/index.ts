import { auditOperations } from './audit';
import { authOperations } from './auth';
import type { OperationText } from './entry';
import { evaluationOperations } from './evaluations';
import { orgOperations } from './org';
import { reportOperations } from './reports';
import { schemeOperations } from './schemes';

/**
 * Every operation's summary and description in zh-CN and en, keyed by operationId, so route
 * files stay small. A new operation adds one `op(…)` line to its area's file (or a new file
 * here); test/api/edge/openapi.test.ts names each operation that lacks one.
 */
export const operationCatalogue: Record<string, OperationText> = {
  ...authOperations,
  ...auditOperations,
  ...orgOperations,
  ...schemeOperations,
  ...evaluationOperations,
  ...reportOperations,
};
