import type { Change } from '../../domain/evaluation/aggregate';
import type { Transition } from '../../domain/evaluation/workflow';
import type { Scope } from '../scope';
import { changeEvaluation } from './store';

export interface TransitionBody {
  reason?: string;
  disputedInputIds?: string[];
  answer?: string;
  voidInputIds?: string[];
}

/** A step's request body as the aggregate's change (the route's schema required the texts). */
function changeOf(step: Exclude<Transition, 'lock'>, body: TransitionBody): Change {
  switch (step) {
    case 'appeal':
      return { kind: 'appeal', reason: body.reason ?? '', disputedInputIds: body.disputedInputIds ?? [] };
    case 'resolve':
      return { kind: 'resolve', answer: body.answer ?? '', voidInputIds: body.voidInputIds ?? [] };
    case 'reopen':
      return { kind: 'reopen', reason: body.reason ?? '' };
    default:
      return { kind: step };
  }
}

/** Moves an evaluation one step of its workflow, checked for role and state. */
export function transitionEvaluation(
  scope: Scope,
  id: string,
  ifMatch: string | undefined,
  step: Exclude<Transition, 'lock'>,
  body: TransitionBody,
) {
  return changeEvaluation(scope, id, ifMatch, changeOf(step, body));
}
