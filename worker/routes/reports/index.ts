import { z } from '@hono/zod-openapi';
import { EVERYONE } from '../../access/roles';
import { oneLine } from '../../lib/text';
import {
  createReport,
  deleteReport,
  downloadReport,
  getReport,
  listReports,
  retryReport,
} from '../../services/reports';
import { contentDisposition, contentTypes } from '../../services/reports/public';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { pageOf, pageQuery } from '../schemas';
import { createReportBody, reportSchema } from './schema';

const tags = ['Reports'];
// Longer than other ids allow: someone trying an R2 object key as an id gets the same 404.
const idParam = z.object({
  id: oneLine()
    .max(300)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'rpt_7Hq2…' }),
});
// Who may export which kind, and what a report holds, is the service's (services/reports/access).
const read = { roles: EVERYONE, scopes: ['reports:read', 'reports:write'] } as const;
const write = { roles: EVERYONE, scopes: ['reports:write'] } as const;
const visibility =
  'Owners, admins and auditors see every report of the company; API keys every report of a kind their scopes ' +
  'let them export; supervisors and employees the ' +
  "reports they asked for. Another company's report, a deleted or an expired one (30 days) answers 404.";

const create = defineRoute({
  method: 'post',
  path: '/reports',
  tags,
  operationId: 'createReport',
  summary: 'Ask for a report file (CSV or XLSX); it is made in the background',
  description:
    'Queues an export and answers 202 with the report, status `queued`; poll `GET /reports/{id}` until it is ' +
    '`ready` (or `failed`, with the reason), then download it. period-scores, payroll and department-summary ' +
    'need `periodId`; employee-history `from`/`to` as YYYY-MM and optionally `employeeId`; audit-log `from`/`to` ' +
    'as ISO times. Payroll of a month that is not closed needs `includeOpen: true`. Owners, admins and auditors ' +
    'export every kind; supervisors period-scores, department-summary and employee-history of their departments; ' +
    'employees only their own employee-history. A key needs, besides `reports:write`, the scope that reads the ' +
    'same rows: `evaluations:read`, or `audit:read` for audit-log. Headers and the file name follow Accept-Language.',
  access: write,
  request: { body: jsonBody(createReportBody) },
  responses: {
    202: jsonResponse(reportSchema, 'Queued'),
    ...errorResponses('VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});
const list = defineRoute({
  method: 'get',
  path: '/reports',
  tags,
  operationId: 'listReports',
  summary: 'Reports, newest first',
  description: visibility,
  access: read,
  request: { query: pageQuery },
  responses: {
    200: jsonResponse(pageOf(reportSchema), 'A page of reports'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/reports/{id}',
  tags,
  operationId: 'getReport',
  summary: "One report's status: queued, running, ready (rows, bytes, SHA-256) or failed (why)",
  description: visibility,
  access: read,
  request: { params: idParam },
  responses: { 200: jsonResponse(reportSchema, 'The report'), ...errorResponses('NOT_FOUND') },
});
const download = defineRoute({
  method: 'get',
  path: '/reports/{id}/download',
  tags,
  operationId: 'downloadReport',
  summary: 'The file, streamed from R2 (audited)',
  description:
    `${visibility} The Content-Disposition names the file in UTF-8 (RFC 6266 \`filename*\`) with an ASCII ` +
    'fallback; the ETag is its SHA-256. A report that is not ready answers 409.',
  access: read,
  request: { params: idParam },
  responses: {
    200: {
      description: 'The file',
      headers: {
        'Content-Disposition': {
          description: 'attachment, with the file name in UTF-8 (`filename*`) and an ASCII fallback',
          schema: { type: 'string' as const },
        },
        ETag: { description: 'The SHA-256 of the file, hex, quoted', schema: { type: 'string' as const } },
      },
      content: {
        [contentTypes.csv]: { schema: z.string().openapi({ format: 'binary' }) },
        [contentTypes.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses('NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/reports/{id}',
  tags,
  operationId: 'deleteReport',
  summary: 'Delete a report and its file (audited)',
  description: 'Owners, admins and API keys delete any report; everyone else the reports they asked for.',
  access: write,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('NOT_FOUND') },
});
const retry = defineRoute({
  method: 'post',
  path: '/reports/{id}/retry',
  tags,
  operationId: 'retryReport',
  summary: 'Make a failed report again',
  description: 'Queues a failed report as a new attempt and answers 202; any other status answers 409.',
  access: write,
  request: { params: idParam },
  responses: { 202: jsonResponse(reportSchema, 'Queued again'), ...errorResponses('NOT_FOUND', 'CONFLICT') },
});

export const reportRoutes = router()
  .openapi(create, async (c) =>
    c.json(await createReport(scopeOf(c), c.env.REPORT_JOBS, c.req.valid('json')), 202),
  )
  .openapi(list, async (c) => c.json(await listReports(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getReport(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(download, async (c) => {
    const { row, object } = await downloadReport(scopeOf(c), c.env.REPORTS, c.req.valid('param').id);
    // The Workers stream type; the cast keeps the dashboard's DOM-typed check of this file happy.
    return new Response(object.body as unknown as BodyInit, {
      status: 200,
      headers: {
        'Content-Type': contentTypes[row.format],
        'Content-Length': String(object.size),
        'Content-Disposition': contentDisposition(row),
        ETag: `"${row.sha256}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  })
  .openapi(remove, async (c) => {
    await deleteReport(scopeOf(c), c.env.REPORTS, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(retry, async (c) =>
    c.json(await retryReport(scopeOf(c), c.env.REPORT_JOBS, c.req.valid('param').id), 202),
  );
