import type { InferResponseType } from 'hono/client';
import { type api, apiHeaders, failureOf, ok } from './api';

/*
 * The reports and audit-digest APIs as CONTRACTS.md describes them (issue 7), called with fetch
 * and typed here until the Worker's routes carry their types.
 */

/** GET /periods/{id}/summary, typed by the Worker's route (landed from issue 7). */
export type Summary = InferResponseType<(typeof api.periods)[':id']['summary']['$get'], 200>;

export const reportKinds = [
  'period-scores',
  'payroll',
  'department-summary',
  'employee-history',
  'audit-log',
] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface Report {
  id: string;
  kind: ReportKind;
  format: 'csv' | 'xlsx';
  status: 'queued' | 'running' | 'ready' | 'failed';
  params: { periodId?: string; from?: string; to?: string; employeeId?: string; includeOpen?: boolean };
  fileName: string;
  rows: number | null;
  bytes: number | null;
  sha256: string | null;
  error: { code: string; message: string } | null;
  createdBy: { type: 'user' | 'api_key'; id: string; name: string | null };
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
}

export interface NewReport {
  kind: ReportKind;
  format: 'csv' | 'xlsx';
  periodId?: string;
  from?: string;
  to?: string;
  employeeId?: string;
  includeOpen?: boolean;
}

export interface Verdict {
  ok: boolean;
  checked: number;
  headHash?: string;
  firstBad?: { id: string; seq: number; reason: string };
  digests?: { checked: number; ok: boolean; firstMismatch?: { key: string; at: string; reason: string } };
}

export interface Digest {
  key: string;
  at: string;
  head: { seq: number; hash: string; at: string };
  previousDigestHash: string | null;
  digestHash: string;
  signatureValid?: boolean;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: { ...apiHeaders(), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await failureOf(res);
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const loadSummary = (periodId: string) =>
  call<Summary>('GET', `/periods/${encodeURIComponent(periodId)}/summary`);
export const listReports = () =>
  call<{ items: Report[]; nextCursor: string | null }>('GET', '/reports?limit=50');
export const getReport = (id: string) => call<Report>('GET', `/reports/${encodeURIComponent(id)}`);
export const createReport = (body: NewReport) => call<Report>('POST', '/reports', body);
export const deleteReport = (id: string) => call<void>('DELETE', `/reports/${encodeURIComponent(id)}`);
export const retryReport = (id: string) => call<Report>('POST', `/reports/${encodeURIComponent(id)}/retry`);
export const downloadUrl = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}/download`;
export const verifyAudit = () => call<Verdict>('GET', '/audit-log/verify');
export const listDigests = () =>
  call<{ items: Digest[]; nextCursor: string | null }>('GET', '/audit-log/digests?limit=20');
export const createDigest = () => call<Digest>('POST', '/audit-log/digests');
