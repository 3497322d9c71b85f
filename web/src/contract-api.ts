import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, ok } from './api';

/*
 * The reports, period-summary and audit-digest APIs (issue 7, CONTRACTS.md), through the typed
 * client like every other call.
 */

export type Summary = InferResponseType<(typeof api.periods)[':id']['summary']['$get'], 200>;
export type Report = InferResponseType<typeof api.reports.$get, 200>['items'][number];
export type ReportKind = Report['kind'];
export type NewReport = InferRequestType<typeof api.reports.$post>['json'];
export type Verdict = InferResponseType<(typeof api)['audit-log']['verify']['$get'], 200>;
export type Digest = InferResponseType<(typeof api)['audit-log']['digests']['$post'], 201>;

export const reportKinds = [
  'period-scores',
  'payroll',
  'department-summary',
  'employee-history',
  'audit-log',
] as const satisfies readonly ReportKind[];

const byId = (id: string) => ({ param: { id } });

export const loadSummary = (periodId: string) => ok(api.periods[':id'].summary.$get(byId(periodId)));
export const listReports = () => ok(api.reports.$get({ query: { limit: '50' } }));
export const createReport = (json: NewReport) => ok(api.reports.$post({ json }));
export const deleteReport = (id: string) => ok(api.reports[':id'].$delete(byId(id)));
export const retryReport = (id: string) => ok(api.reports[':id'].retry.$post(byId(id)));
/** The file itself: a plain link, so the browser downloads it with the session cookie. */
export const downloadUrl = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}/download`;
export const verifyAudit = () => ok(api['audit-log'].verify.$get());
export const createDigest = () => ok(api['audit-log'].digests.$post());
