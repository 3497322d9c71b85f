import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type KeyScope, type ReportKind, type Role, reportKinds, reports } from '../../../db/schema';
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

/** Checked when the report is asked for and again when the job runs (scopes may have changed). */
export function assertMayExport(scope: Scope, kind: ReportKind): void {
  const p = scope.principal;
  if (p.kind === 'user' && !kindsByRole[p.role].includes(kind))
    throw new ApiError('FORBIDDEN', { message: 'REPORT_KIND_FORBIDDEN', params: { kind } });
  if (p.kind === 'api_key' && !p.scopes.includes(readScopeByKind[kind]))
    throw new ApiError('FORBIDDEN', {
      message: 'FORBIDDEN_SCOPE',
      params: { allowed: readScopeByKind[kind] },
      details: { allowed: { scopes: [readScopeByKind[kind]] } },
    });
}

const seesAll: readonly Role[] = ['owner', 'admin', 'auditor'];

/**
 * The reports a caller may list, read and download: HR and auditors every report of the company;
 * keys every report of a kind they could export (an audit-log file HR made is no way around
 * audit:read); a supervisor or employee only their own (another supervisor's holds other departments).
 */
export function visibleReports(scope: Scope): SQL | undefined {
  const p = scope.principal;
  if (p.kind === 'api_key') {
    const kinds = reportKinds.filter((kind) => p.scopes.includes(readScopeByKind[kind]));
    return kinds.length > 0 ? inArray(reports.kind, kinds) : sql`0`;
  }
  return seesAll.includes(p.role) ? undefined : eq(reports.createdById, p.userId);
}

/** Deleting and retrying: owners, admins and keys any report; everyone else their own. */
export function manageableReports(scope: Scope): SQL | undefined {
  const p = scope.principal;
  if (p.kind === 'api_key' || p.role === 'owner' || p.role === 'admin') return undefined;
  return eq(reports.createdById, p.userId);
}
