import { and, count, eq, ne } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Action } from '../domain/evaluation/workflow';
import { ApiError } from '../lib/errors';
import type { Texts } from '../lib/i18n';
import { format } from '../lib/i18n';
import { type MessageKey, messages } from '../lib/messages';
import type { Scope } from '../services/scope';
import { personOf, roleOf } from './principal';

/** Each action in the refusal's sentence ("nobody may {action} their own evaluation"). */
const actionWords: Record<Action, Texts> = {
  record: messages.ACTION_record,
  removeInput: messages.ACTION_removeInput,
  ingest: messages.ACTION_ingest,
  submit: messages.ACTION_submit,
  confirm: messages.ACTION_confirm,
  appeal: messages.ACTION_appeal,
  resolve: messages.ACTION_resolve,
  approve: messages.ACTION_approve,
  reopen: messages.ACTION_reopen,
  lock: messages.ACTION_lock,
  follow: messages.ACTION_follow,
  join: messages.ACTION_join,
  leave: messages.ACTION_leave,
};

/** Active admins of the company other than the person acting. */
async function otherAdmins(scope: Scope): Promise<number> {
  const [row] = await scope.db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.tenantId, scope.tenantId),
        eq(users.active, true),
        eq(users.role, 'admin'),
        ne(users.id, personOf(scope.principal)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Who must act instead: an admin for the owner's own month, the owner or another admin for an
 * admin's (the owner alone where there is one admin), HR or the supervisor for anyone else's.
 */
async function whoActs(scope: Scope): Promise<MessageKey> {
  const role = roleOf(scope.principal);
  if (role === 'owner') return (await otherAdmins(scope)) > 0 ? 'WHO_ACTS_ADMIN' : 'WHO_ACTS_ADMIN_NONE_YET';
  if (role === 'admin') return (await otherAdmins(scope)) > 0 ? 'WHO_ACTS_OWNER_OR_ADMIN' : 'WHO_ACTS_OWNER';
  return 'WHO_ACTS_HR_OR_SUPERVISOR';
}

/** The 403 for the rule "nobody acts on their own evaluation", naming it and who must act. */
export async function ownEvaluationError(scope: Scope, action: Action): Promise<ApiError> {
  const who = await whoActs(scope);
  return new ApiError('FORBIDDEN', {
    message: 'OWN_EVALUATION',
    params: { action: actionWords[action][scope.lang], who: format(messages[who][scope.lang]) },
    details: { rule: 'own_evaluation', action, whoActs: who },
  });
}
