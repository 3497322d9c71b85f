import { eq, type SQL } from 'drizzle-orm';
import { type ReportKind, type Role, reportKinds, reports } from '../../../db/schema';
import { ApiError } from '../../lib/errors';
import type { Scope } from '../scope';

/**
 * Which kinds a role may export (CONTRACTS.md). What is *in* a report is then the creator's
 * visibility, the same condition the API applies: a supervisor's departments, an employee's own.
 */
const kindsByRole: Record<Role, readonly ReportKind[]> = {
  owner: reportKinds,
  admin: reportKinds,
  auditor: reportKinds,
  supervisor: ['period-scores', 'department-summary', 'employee-history'],
  employee: ['employee-history'],
};

/** Keys are the company's, like HR: `reports:write` exports every kind (the route checks it). */
export function assertMayExport(scope: Scope, kind: ReportKind): void {
  const p = scope.principal;
  if (p.kind === 'user' && !kindsByRole[p.role].includes(kind))
    throw new ApiError('FORBIDDEN', { message: 'REPORT_KIND_FORBIDDEN', params: { kind } });
}

const seesAll = (scope: Scope) =>
  scope.principal.kind === 'api_key' || ['owner', 'admin', 'auditor'].includes(scope.principal.role);

/**
 * The reports a caller may list, read and download: HR, auditors and keys every report of the
 * company; a supervisor or employee only their own (another supervisor's holds other departments).
 */
export function visibleReports(scope: Scope): SQL | undefined {
  const p = scope.principal;
  return seesAll(scope) || p.kind !== 'user' ? undefined : eq(reports.createdById, p.userId);
}

/** Deleting and retrying: owners, admins and keys any report; everyone else their own. */
export function manageableReports(scope: Scope): SQL | undefined {
  const p = scope.principal;
  if (p.kind === 'api_key' || p.role === 'owner' || p.role === 'admin') return undefined;
  return eq(reports.createdById, p.userId);
}
