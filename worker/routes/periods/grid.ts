import { z } from '@hono/zod-openapi';
import { evaluationStatusValues } from '../../../db/schema';
import { offeredActions } from '../../access/policy';
import { inputValueSchema, keySchema } from '../../domain/scheme';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { readGrid, saveGrid } from '../../services/evaluations/grid';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { idParam } from '../schemas';

const tags = ['Periods'];
// The people who enter a month's values, and systems that may write evaluations.
const entry = ['owner', 'admin', 'supervisor'] as const;
// An auditor reads the grid too (no cell is theirs to write).
const read = { roles: [...entry, 'auditor'], scopes: ['evaluations:read', 'evaluations:write'] } as const;
const write = { roles: entry, scopes: ['evaluations:write'] } as const;

const gridColumnSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    type: z.enum(['quantity', 'ratio', 'rating']).openapi({
      description: 'quantity: a count; ratio: a rate sent as a fraction (96% is 0.96); rating: 0..scale',
    }),
    scale: z.number().nullable().openapi({ description: "A rating's top mark" }),
    required: z.boolean(),
  })
  .openapi('GridColumn');

const gridRowSchema = z
  .object({
    evaluationId: z.string(),
    employeeId: z.string(),
    employeeNo: z.string(),
    employeeName: z.string(),
    departmentId: z.string(),
    status: z.enum(evaluationStatusValues),
    revision: z.number().int(),
    etag: z.string(),
    allowedActions: z.array(z.enum(offeredActions)),
    cells: z.record(z.string(), z.number().nullable()).openapi({
      description:
        "Current value per column key: the metric, or the caller's own rating; null when none yet. A column the row's scheme lacks is absent",
    }),
  })
  .openapi('GridRow');

const gridSchema = z
  .object({
    period: z.object({ id: z.string(), key: z.string(), status: z.enum(['open', 'closed']) }),
    columns: z.array(gridColumnSchema),
    rows: z.array(gridRowSchema),
  })
  .openapi('Grid');

export const gridSaveSchema = z
  .object({
    rows: z
      .array(
        z
          .object({
            evaluationId: oneLine().max(64),
            revision: z.number().int().min(0).openapi({ description: 'The revision the row was read at' }),
            cells: z
              .record(keySchema, inputValueSchema)
              .refine((c) => Object.keys(c).length <= 200, {
                params: { i18n: messages.GRID_ROW_TOO_MANY_CELLS },
              })
              .openapi({
                description:
                  'Indicator key → value; rates as fractions (96% is 0.96), ratings as the caller’s',
              }),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict()
  .openapi('GridSave');

const get = defineRoute({
  method: 'get',
  path: '/periods/{id}/grid',
  tags,
  operationId: 'getPeriodGrid',
  summary:
    'The scoring grid of a period: the evaluations you see (one department with departmentId) × the indicators that take a value',
  access: read,
  request: {
    params: idParam('per'),
    query: z.object({ departmentId: oneLine().max(64).optional() }),
  },
  responses: { 200: jsonResponse(gridSchema, 'The grid'), ...errorResponses('NOT_FOUND') },
});

const save = defineRoute({
  method: 'put',
  path: '/periods/{id}/grid',
  tags,
  operationId: 'savePeriodGrid',
  summary:
    'Record many cells of a period at once, each row at the revision it was read: all in one audited batch, or nothing and every problem per row or cell',
  access: write,
  request: { params: idParam('per'), body: jsonBody(gridSaveSchema) },
  responses: {
    200: jsonResponse(
      z.object({
        saved: z.number().int(),
        rows: z.array(
          z.object({
            evaluationId: z.string(),
            revision: z.number().int(),
            etag: z.string(),
            status: z.enum(evaluationStatusValues),
            missingRequired: z.array(z.string()),
          }),
        ),
      }),
      'Saved, every row',
    ),
    ...errorResponses({ code: 'VALIDATION_FAILED', message: 'GRID_INVALID' }, 'NOT_FOUND', {
      code: 'CONFLICT',
      message: 'GRID_CONFLICT',
    }),
  },
});

export const gridRoutes = router()
  .openapi(get, async (c) =>
    c.json(await readGrid(scopeOf(c), c.req.valid('param').id, c.req.valid('query').departmentId), 200),
  )
  .openapi(save, async (c) =>
    c.json(await saveGrid(scopeOf(c), c.req.valid('param').id, c.req.valid('json').rows), 200),
  );
