import { z } from '@hono/zod-openapi';
import { ApiError } from '../../lib/errors';
import { importEmployees } from '../../services/org/import';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonResponse } from '../define';
import { ORG_WRITERS } from '../org-access';
import { router } from '../router';
import { importQuery, importResultSchema } from './schema';

const route = defineRoute({
  method: 'post',
  path: '/employees/import',
  tags: ['Employees'],
  operationId: 'importEmployees',
  summary: 'Import employees from CSV (upsert by 工号): a dry run reports, a real run writes all or nothing',
  description:
    'The body is the file itself, `Content-Type: text/csv`, UTF-8 (with or without BOM) or GBK/GB18030 ' +
    '(what Excel in China saves); `; charset=gbk` may say which. The first line is the header, with ' +
    'Chinese or English column names: 工号/employeeNo, 姓名/name, 部门/department (by name), ' +
    '岗位/position (by name), and optionally 上级/supervisorEmail (e-mail of a supervisor user) and ' +
    '在职/active (是/否/true/false/1/0). A new 工号 creates an employee; a known one updates name, ' +
    'department and position, and 上级/在职 when the cell is not empty. At most 5,000 rows. ' +
    'With dryRun=true nothing is written and every problem is listed by line and field; otherwise any ' +
    'problem is a 400 listing them all and nothing is written, and a clean file is written in one ' +
    'atomic batch together with its audit entries.',
  access: ORG_WRITERS,
  request: {
    query: importQuery,
    body: {
      required: true,
      description: 'The CSV file',
      content: {
        'text/csv': {
          schema: z.string().openapi({ example: '工号,姓名,部门,岗位\nKF001,李娜,客服部,客服专员' }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(importResultSchema, 'What was (or, in a dry run, would be) created and updated'),
    ...errorResponses('VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'CONFLICT'),
  },
});

/** `text/csv; charset=gbk` → its essence and charset. */
function mediaType(header: string | undefined) {
  const [essence = '', ...params] = (header ?? '').split(';');
  const charset = params
    .map((p) => p.trim().split('='))
    .find(([k]) => k?.trim().toLowerCase() === 'charset')?.[1];
  return { essence: essence.trim().toLowerCase(), charset };
}

export const employeeImportRoutes = router().openapi(route, async (c) => {
  const { essence, charset } = mediaType(c.req.header('Content-Type'));
  if (essence !== 'text/csv') throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { message: 'CSV_MEDIA_TYPE' });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const dryRun = c.req.valid('query').dryRun === 'true';
  return c.json(await importEmployees(scopeOf(c), bytes, { dryRun, charset }), 200);
});
