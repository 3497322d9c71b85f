import { breakdownFields } from './breakdown';
import type { FieldDocs } from './entry';
import { errorFields } from './error';
import { evaluationFields } from './evaluation';
import { evaluationInputsFields, ingestFields, storedInputFields } from './inputs';
import { schemeContentFields } from './scheme-content';

/**
 * Field descriptions and examples, in zh-CN and en, for the schemas an integrator works from.
 * A key names a component schema, or `operationId#body` for an inline request body.
 * test/api/edge/openapi.test.ts names every field of these schemas that lacks one.
 */
export const fieldCatalogue: Record<string, FieldDocs> = {
  SchemeContent: schemeContentFields,
  'addEvaluationInputs#body': evaluationInputsFields,
  'previewSchemeVersion#body': evaluationInputsFields,
  EvaluationInput: storedInputFields,
  IngestRequest: ingestFields,
  ScoreResult: breakdownFields,
  EvaluationDetail: evaluationFields,
  Error: errorFields,
};
