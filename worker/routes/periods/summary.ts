import { z } from '@hono/zod-openapi';
import { EVERYONE } from '../../access/roles';
import { evaluationStatuses } from '../../domain/evaluation/workflow';
import { scopeOf } from '../../services/scope';
import { periodSummary } from '../../services/summary';
import { defineRoute, errorResponses, jsonResponse } from '../define';
import { router } from '../router';
import { idParam, isoTime } from '../schemas';

const score = z.number().openapi({ description: 'Points, exact to 0.01' });
const count = z.number().int().min(0);

export const periodSummarySchema = z
  .object({
    periodId: z.string(),
    periodKey: z.string().openapi({ example: '2026-11' }),
    status: z.enum(['open', 'closed']),
    evaluations: count,
    byStatus: z.object(
      Object.fromEntries(evaluationStatuses.map((s) => [s, count])) as Record<
        (typeof evaluationStatuses)[number],
        typeof count
      >,
    ),
    grades: z
      .array(z.object({ grade: z.string(), label: z.string(), count }))
      .openapi({ description: 'Every band of the scheme versions in use, high to low' }),
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count })).openapi({
      description:
        '5-point bins (from, to], the first also holding 0; scores above 100 in a last bin {from: 100, to: maxScore}',
    }),
    departments: z.array(
      z.object({
        departmentId: z.string(),
        name: z.string(),
        headcount: count,
        mean: score,
        median: score,
        min: score,
        max: score,
      }),
    ),
    openAppeals: z.array(
      z.object({
        evaluationId: z.string(),
        appealId: z.string(),
        employeeId: z.string(),
        employeeNo: z.string(),
        employeeName: z.string(),
        reason: z.string(),
        createdAt: isoTime,
      }),
    ),
    totalBonusFen: z.number().int(),
    totalPayFen: z.number().int(),
  })
  .openapi('PeriodSummary');

const summary = defineRoute({
  method: 'get',
  path: '/periods/{id}/summary',
  tags: ['Periods'],
  operationId: 'getPeriodSummary',
  summary: "A month's figures for charts: statuses, grades, score histogram, departments, appeals, pay",
  description:
    'Counts per evaluation status, the grade distribution over every band of the schemes in use, a ' +
    'histogram of totals in 5-point bins, per department headcount, mean, median, min and max, the open ' +
    'appeals and the bonus and pay totals (integer fen). It covers the evaluations the caller may see: a ' +
    "supervisor's summary holds only their departments (and their own evaluation), an employee's only their own.",
  access: { roles: EVERYONE, scopes: ['evaluations:read', 'evaluations:write'] },
  request: { params: idParam('per') },
  responses: { 200: jsonResponse(periodSummarySchema, 'The summary'), ...errorResponses('NOT_FOUND') },
});

export const periodSummaryRoutes = router().openapi(summary, async (c) =>
  c.json(await periodSummary(scopeOf(c), c.req.valid('param').id), 200),
);
