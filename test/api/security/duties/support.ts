import { expect } from 'vitest';
import type { KeyScope } from '../../../../db/schema';
import { type Caller, caller, type Reply } from '../../../helpers/client';
import { signIn } from '../../../helpers/tenant';
import { type Month, ok, openMonth, read } from '../../evaluations/fixtures';
import { auditCount, stored } from '../../evaluations/workflow-support';
import { rows } from '../../support';

/*
 * The HR person of issue 14: KF001's login promoted to admin, so an admin whose own month runs
 * in the company (their evaluation, their employee record, their position's pay). Every attack
 * below is theirs, through a principal they control.
 */

export interface HrMonth extends Month {
  /** KF001's admin session. */
  hr: Caller & { userId: string };
}

/** A month whose evaluated employee KF001 is an admin (the owner promoted them). */
export async function hrMonth(extra: string[] = []): Promise<HrMonth> {
  const m = await openMonth(extra);
  ok(await m.t.owner.patch(`/users/${m.employee.userId}`, { role: 'admin' }));
  const hr = Object.assign(await signIn(m.t.slug, m.employee.email), { userId: m.employee.userId });
  return { ...m, hr };
}

/** A key the HR person creates for themselves. */
export async function keyOf(who: Caller, ...scopes: KeyScope[]) {
  const made = ok(await who.post('/api-keys', { name: '我的对接', scopes }), 201);
  return Object.assign(caller({ kind: 'key', secret: made.secret }), { keyId: made.key.id as string });
}

/** Everything a refused call might have touched in the month's company. */
export async function everything(m: Month) {
  return {
    evaluation: await stored(m.evaluationId),
    employees: await rows('SELECT * FROM employees WHERE tenant_id = ? ORDER BY id', m.t.tenantId),
    positions: await rows('SELECT * FROM positions WHERE tenant_id = ? ORDER BY id', m.t.tenantId),
    assignments: await rows('SELECT * FROM scheme_assignments WHERE tenant_id = ? ORDER BY id', m.t.tenantId),
    users: await rows('SELECT id, role, active FROM users WHERE tenant_id = ? ORDER BY id', m.t.tenantId),
    audit: await auditCount(m.t.tenantId),
  };
}

/** A 403 that names `rule` in its details, with the reply shown when it is not. */
export function refusedBy(res: Reply, rule: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body.error.details?.rule, JSON.stringify(res.body)).toBe(rule);
  return res.body.error as { code: string; message: string; details: Record<string, unknown> };
}

/** The evaluation's ETag as HR (the owner) reads it: the attacker may read their own anyway. */
export async function etagOf(m: Month) {
  return { 'If-Match': (await read(m.t.owner, m.evaluationId)).etag };
}
