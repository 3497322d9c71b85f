import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { throughKey } from '../../access/policy';
import { chunk, IDS_PER_STATEMENT } from '../../data/limits';
import type { EvaluationInputs } from '../../domain/scheme';
import type { FieldIssue } from '../../lib/errors';
import { messages } from '../../lib/messages';
import { invalid, issue } from '../org/issues';
import type { Scope } from '../scope';
import { changeEvaluation } from './store';

export { publicInput } from '../../domain/evaluation/aggregate';

const raterTexts = {
  person: messages.RATER_person,
  unknown: messages.RATER_unknown,
};

/**
 * The rater shown on a rating must be true: a person rates as themselves, and a system that
 * reports someone else's rating must name a user of this company.
 */
async function assertRaters(scope: Scope, inputs: EvaluationInputs) {
  const named = inputs.ratings.flatMap((r, i) => (r.raterId === undefined ? [] : [{ i, id: r.raterId }]));
  if (named.length === 0) return;
  const bad = (i: number, code: keyof typeof raterTexts, raterId: string): FieldIssue =>
    issue(scope.lang, `ratings[${i}].raterId`, `rater_${code}`, raterTexts[code], { raterId });
  let errors: FieldIssue[];
  if (!throughKey(scope.principal)) {
    errors = named.filter((r) => r.id !== scope.actor.actorId).map((r) => bad(r.i, 'person', r.id));
  } else {
    const ids = [...new Set(named.map((r) => r.id))];
    const known = new Set<string>();
    for (const part of chunk(ids, IDS_PER_STATEMENT)) {
      const found = await scope.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, scope.tenantId), inArray(users.id, part)));
      for (const u of found) known.add(u.id);
    }
    errors = named.filter((r) => !known.has(r.id)).map((r) => bad(r.i, 'unknown', r.id));
  }
  if (errors.length > 0) throw invalid(errors);
}

/** Records inputs on a draft evaluation; the score follows from them. */
export function addInputs(scope: Scope, id: string, ifMatch: string | undefined, inputs: EvaluationInputs) {
  const source = throughKey(scope.principal) ? 'integrator' : 'person';
  return changeEvaluation(scope, id, ifMatch, { kind: 'record', via: 'record', inputs, source }, () =>
    assertRaters(scope, inputs),
  );
}

/** Deletes one input from a draft (a mistaken entry); the audit entry keeps what it was. */
export function removeInput(scope: Scope, id: string, ifMatch: string | undefined, inputId: string) {
  return changeEvaluation(scope, id, ifMatch, { kind: 'removeInput', inputId });
}
