import { type KeyScope, type ReportKind, type Role, reportKinds } from '../../db/schema';
import type { KeyPrincipal } from '../env';
import { ApiError } from '../lib/errors';
import type { Scope } from '../services/scope';

/**
 * Which kinds a role may export. What is *in* a report is then the creator's visibility
 * (visibility.ts), the same condition the API applies: a supervisor's departments, an employee's own.
 */
const kindsByRole: Record<Role, readonly ReportKind[]> = {
  owner: reportKinds,
  admin: reportKinds,
  auditor: reportKinds,
  supervisor: ['period-scores', 'department-summary', 'employee-history'],
  employee: ['employee-history'],
};

/**
 * A key exports only what it could read through the API: a report is another way to read the
 * same rows, so `reports:write` alone must not open the audit log or the scores.
 */
const readScopeByKind: Record<ReportKind, KeyScope> = {
  'period-scores': 'evaluations:read',
  payroll: 'evaluations:read',
  'department-summary': 'evaluations:read',
  'employee-history': 'evaluations:read',
  'audit-log': 'audit:read',
};

/** The kinds a key may export and see the files of. */
export const exportableKinds = (p: KeyPrincipal): ReportKind[] =>
  reportKinds.filter((kind) => p.scopes.includes(readScopeByKind[kind]));

/** Checked when the report is asked for and again when the job runs (scopes may have changed). */
export function assertMayExport(scope: Scope, kind: ReportKind): void {
  const p = scope.principal;
  if (p.kind === 'user' && !kindsByRole[p.role].includes(kind))
    throw new ApiError('FORBIDDEN', { message: 'REPORT_KIND_FORBIDDEN', params: { kind } });
  if (p.kind === 'api_key' && !exportableKinds(p).includes(kind))
    throw new ApiError('FORBIDDEN', {
      message: 'FORBIDDEN_SCOPE',
      params: { allowed: readScopeByKind[kind] },
      details: { allowed: { scopes: [readScopeByKind[kind]] } },
    });
}
