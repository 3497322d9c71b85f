import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { etagOf } from '../../services/evaluations/etag';
import type { EvaluationRow } from '../../services/evaluations/mutate';
import { withDetails } from '../../services/evaluations/read';
import { scopeOf } from '../../services/scope';

/** Answers a changed evaluation in full, with its new ETag header. */
export async function answer(c: Context<AppEnv>, e: EvaluationRow) {
  c.header('ETag', etagOf(e));
  return withDetails(scopeOf(c), e);
}
