import { expect } from 'vitest';
import type { Caller, Reply } from '../../helpers/client';
import { rows } from '../support';
import { ifMatch, type Month, ok, read } from './fixtures';

/**
 * Every required input of the 客服专员月度 template (calls_answered, tickets_closed,
 * reply_in_30min, exam, utilization_rate, reports_on_time, supervisor_rating), nothing optional.
 */
export const COMPLETE = {
  metrics: [
    { indicator: 'calls_answered', value: 1080 },
    { indicator: 'tickets_closed', value: 150 },
    { indicator: 'reply_in_30min', value: 0.95 },
    { indicator: 'utilization_rate', value: 0.8 },
    { indicator: 'reports_on_time', value: 1 },
  ],
  ratings: [
    { indicator: 'exam', value: 95 },
    { indicator: 'supervisor_rating', value: 10 },
  ],
};

/** The evaluation, its inputs and appeals straight from D1, to show a refused call wrote nothing. */
export async function stored(id: string) {
  return {
    evaluation: await rows('SELECT * FROM evaluations WHERE id = ?', id),
    inputs: await rows('SELECT * FROM evaluation_inputs WHERE evaluation_id = ? ORDER BY id', id),
    appeals: await rows('SELECT * FROM appeals WHERE evaluation_id = ? ORDER BY id', id),
  };
}

/** How many audit entries a tenant has. */
export async function auditCount(tenantId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM audit_log WHERE tenant_id = ?',
    tenantId,
  );
  return row?.n ?? 0;
}

/** Posts a workflow step (or `inputs`) with the ETag `who` reads first. */
export async function act(
  who: Caller,
  id: string,
  step: string,
  body: unknown = {},
  lang?: 'en',
): Promise<Reply> {
  const { etag } = await read(who, id);
  return who.post(`/evaluations/${id}/${step}`, body, { ...ifMatch(etag), ...(lang && { lang }) });
}

/** Posts a step with HR's view of the ETag (for callers who cannot read the evaluation). */
export async function actBlind(
  hr: Caller,
  who: Caller,
  id: string,
  step: string,
  body: unknown = {},
  lang?: 'en',
): Promise<Reply> {
  const { etag } = await read(hr, id);
  return who.post(`/evaluations/${id}/${step}`, body, { ...ifMatch(etag), ...(lang && { lang }) });
}

/** HR records every required input, the supervisor submits: the evaluation is `submitted`. */
export async function toSubmitted(m: Month, id = m.evaluationId) {
  ok(await act(m.t.owner, id, 'inputs', COMPLETE));
  const submitted = ok(await act(m.supervisor, id, 'submit'));
  expect(submitted.status).toBe('submitted');
  return submitted;
}

/** … and HR approves: `approved` (or `locked` if its period is closed). */
export async function toApproved(m: Month, id = m.evaluationId) {
  await toSubmitted(m, id);
  return ok(await act(m.t.owner, id, 'approve'));
}

/** The error envelope's code and message, with the reply shown when they differ. */
export function refused(res: Reply, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code, JSON.stringify(res.body)).toBe(code);
  return res.body.error as { code: string; message: string; details?: any };
}
