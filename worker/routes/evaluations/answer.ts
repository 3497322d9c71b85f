import type { Context } from 'hono';
import type { EvaluationState } from '../../domain/evaluation/aggregate';
import type { AppEnv } from '../../env';
import { etagOf } from '../../services/evaluations/etag';
import { detailOf } from '../../services/evaluations/read';
import { scopeOf } from '../../services/scope';

/** Answers a changed evaluation in full, from the state the change produced, with its new ETag. */
export function answer(c: Context<AppEnv>, state: EvaluationState) {
  c.header('ETag', etagOf(state.row));
  return detailOf(scopeOf(c), state);
}
