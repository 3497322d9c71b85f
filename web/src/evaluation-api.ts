import type { InferResponseType } from 'hono/client';
import type { z } from 'zod';
import { evaluationStatuses } from '../../worker/domain/evaluation/workflow';
import type { EvaluationInputsInput, SchemeContent, ScoreResult } from '../../worker/domain/scheme';
import type { transitionBodies } from '../../worker/routes/evaluations/schema';
import { api, ok } from './api';

export type Evaluation = InferResponseType<typeof api.evaluations.$get, 200>['items'][number];
export type Status = Evaluation['status'];
type DetailBody = InferResponseType<(typeof api.evaluations)[':id']['$get'], 200>;
/** One evaluation in full; the API types its breakdown loosely, the scheme domain exactly. */
export type Detail = Omit<DetailBody, 'breakdown'> & { breakdown: ScoreResult };
export type Input = Detail['inputs'][number];
export type Period = InferResponseType<typeof api.periods.$get, 200>['items'][number];
export type Step = keyof typeof transitionBodies;
/**
 * What the caller may do to an evaluation now, as the API's access policy says on every answer
 * (`allowedActions`). The dashboard offers exactly these and keeps no workflow rules of its own.
 */
export type Action = Evaluation['allowedActions'][number];
export const allows = (e: Pick<Evaluation, 'allowedActions'>, action: Action) =>
  e.allowedActions.includes(action);
type StepBody<S extends Step> = z.input<(typeof transitionBodies)[S]>;

/** Every state an evaluation can be in, in workflow order. */
export const statuses = evaluationStatuses satisfies readonly Status[];

/** The API's schema leaves the breakdown untyped (z.unknown); it is the domain's ScoreResult. */
const asDetail = (b: DetailBody): Detail => ({ ...b, breakdown: b.breakdown as unknown as ScoreResult });

export async function loadEvaluation(id: string): Promise<Detail> {
  return asDetail(await ok(api.evaluations[':id'].$get({ param: { id } })));
}

/*
 * The workflow steps are mounted with a reduce in worker/routes/evaluations/transitions.ts,
 * which hides them from hono/client's types; the client's proxy still builds the same request.
 * Bodies are typed from the Worker's own schemas, so a change there still fails here.
 */
type StepClient = {
  $post(args: { param: { id: string }; header: { 'if-match': string }; json: object }): Promise<Response>;
};

/** One workflow step, sent with If-Match from the evaluation as last read. */
export async function step<S extends Step>(
  d: Pick<Detail, 'id' | 'etag'>,
  name: S,
  body: StepBody<S>,
): Promise<Detail> {
  const client = api.evaluations[':id'] as unknown as Record<Step, StepClient>;
  return ok<Detail>(client[name].$post({ param: { id: d.id }, header: { 'if-match': d.etag }, json: body }));
}

export async function addInputs(d: Detail, json: EvaluationInputsInput): Promise<Detail> {
  const res = api.evaluations[':id'].inputs.$post({
    param: { id: d.id },
    header: { 'if-match': d.etag },
    json,
  });
  return asDetail(await ok(res));
}

export async function removeInput(d: Detail, inputId: string): Promise<Detail> {
  const res = api.evaluations[':id'].inputs[':inputId'].$delete({
    param: { id: d.id, inputId },
    header: { 'if-match': d.etag },
  });
  return asDetail(await ok(res));
}

/** Removes a leaver's evaluation from its open period, with the reason the audit log keeps. */
export async function removeFromPeriod(e: Pick<Evaluation, 'id' | 'periodId'>, reason: string) {
  await ok(
    api.periods[':id'].evaluations[':evaluationId'].$delete({
      param: { id: e.periodId, evaluationId: e.id },
      json: { reason },
    }),
  );
}

/** Published versions never change, so each is fetched once per page load. */
const versions = new Map<string, Promise<SchemeContent>>();

/** The scheme version an evaluation is pinned to (rule names, rating scales, event rules). */
export function pinnedContent(d: Pick<Detail, 'schemeId' | 'schemeVersionId'>): Promise<SchemeContent> {
  let found = versions.get(d.schemeVersionId);
  if (!found) {
    found = (async () => {
      const list = await ok(
        api.schemes[':id'].versions.$get({ param: { id: d.schemeId }, query: { limit: '100' } }),
      );
      const v = list.items.find((x) => x.id === d.schemeVersionId);
      if (!v) throw new Error(d.schemeVersionId);
      const full = await ok(
        api.schemes[':id'].versions[':version'].$get({
          param: { id: d.schemeId, version: String(v.version) },
        }),
      );
      return full.content;
    })();
    versions.set(d.schemeVersionId, found);
    found.catch(() => versions.delete(d.schemeVersionId));
  }
  return found;
}

/** All periods, newest first. */
export async function loadPeriods(): Promise<Period[]> {
  return (await ok(api.periods.$get())).items.reverse();
}

/** The whole ranking of a period, following pages (ranks continue across them). */
export async function loadRanking(periodId: string): Promise<Evaluation[]> {
  const items: Evaluation[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(
      api.evaluations.$get({ query: { periodId, sort: 'rank', limit: '200', ...(cursor && { cursor }) } }),
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
