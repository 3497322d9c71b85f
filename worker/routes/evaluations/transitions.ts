import { EVERYONE } from '../../access/roles';
import { transitionEvaluation } from '../../services/evaluations/transitions';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody } from '../define';
import { router } from '../router';
import { idParam } from '../schemas';
import { answer } from './answer';
import { evaluationAnswer, ifMatchHeader, transitionBodies } from './schema';

// Anyone signed in may try a step; the workflow decides by the caller's relation to the
// evaluation (HR, its supervisor, the employee) and its state, and names both when it refuses.
const access = { roles: EVERYONE, scopes: ['evaluations:write'] } as const;

const summaries: Record<keyof typeof transitionBodies, string> = {
  submit: 'Supervisor submits a draft (all required inputs present)',
  confirm: 'The employee confirms a submitted evaluation',
  appeal: 'The employee appeals (申诉) with a reason, naming disputed inputs',
  resolve: 'HR answers an appeal, may void events; the score follows; back to submitted',
  approve: 'HR approves a submitted or confirmed evaluation',
  reopen: 'HR reopens an approved or locked evaluation, with a reason',
};

const takesFields = (step: keyof typeof transitionBodies) =>
  Object.keys(transitionBodies[step].shape).length > 0;

function stepRoute<T extends keyof typeof transitionBodies>(step: T) {
  return defineRoute({
    method: 'post',
    path: `/evaluations/{id}/${step}` as `/evaluations/{id}/${T}`,
    tags: ['Evaluations'],
    operationId: `${step}Evaluation`,
    summary: summaries[step],
    access,
    request: {
      params: idParam('evl'),
      headers: ifMatchHeader,
      // submit, confirm and approve take nothing, or `{}`; appeal, resolve and reopen a reason.
      body: { ...jsonBody(transitionBodies[step]), required: takesFields(step) },
    },
    responses: {
      200: evaluationAnswer('Moved'),
      ...errorResponses(
        'VALIDATION_FAILED',
        'NOT_FOUND',
        'CONFLICT',
        'PRECONDITION_FAILED',
        'PRECONDITION_REQUIRED',
      ),
    },
  });
}

const steps = Object.keys(transitionBodies) as (keyof typeof transitionBodies)[];

export const transitionRoutes = steps.reduce(
  (app, step) =>
    app.openapi(stepRoute(step), async (c) => {
      const { id } = c.req.valid('param');
      const e = await transitionEvaluation(
        scopeOf(c),
        id,
        c.req.valid('header')['if-match'],
        step,
        c.req.valid('json'),
      );
      return c.json(answer(c, e), 200);
    }),
  router(),
);
