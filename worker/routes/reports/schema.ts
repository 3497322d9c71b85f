import { z } from '@hono/zod-openapi';
import { reportFormats, reportKinds, reportStatuses } from '../../../db/schema';
import type { Texts } from '../../lib/i18n';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { isoTime } from '../schemas';

const monthKey = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-11', description: 'YYYY-MM' });

// Each text follows the field's name (fieldIssues prefixes it: `periodId：…`, `periodId …`).
const needs: Record<string, Texts> = {
  periodId: messages.REPORT_NEEDS_PERIOD,
  months: messages.REPORT_NEEDS_MONTHS,
  times: messages.REPORT_NEEDS_TIMES,
  order: messages.REPORT_FROM_AFTER_TO,
  unused: messages.REPORT_FIELD_UNUSED,
};

/**
 * What each kind takes: period kinds a periodId, employee-history months `from`…`to` and maybe
 * an employee, audit-log ISO times. A field a kind does not use is refused, not ignored.
 */
export const createReportBody = z
  .object({
    kind: z.enum(reportKinds),
    format: z.enum(reportFormats),
    periodId: oneLine().max(64).optional(),
    from: oneLine()
      .max(40)
      .optional()
      .openapi({ description: 'YYYY-MM (employee-history) or ISO time (audit-log)' }),
    to: oneLine()
      .max(40)
      .optional()
      .openapi({ description: 'YYYY-MM (employee-history) or ISO time (audit-log)' }),
    employeeId: oneLine().max(64).optional(),
    includeOpen: z
      .boolean()
      .optional()
      .openapi({ description: 'payroll: export a month that is not closed yet' }),
  })
  .strict()
  .superRefine((b, ctx) => {
    const issue = (path: string, text: Texts) =>
      ctx.addIssue({ code: 'custom', path: [path], message: text.en, params: { i18n: text } });
    const period = b.kind === 'period-scores' || b.kind === 'payroll' || b.kind === 'department-summary';
    const allowed = new Set(
      period
        ? ['periodId', ...(b.kind === 'payroll' ? ['includeOpen'] : [])]
        : b.kind === 'employee-history'
          ? ['from', 'to', 'employeeId']
          : ['from', 'to'],
    );
    for (const f of ['periodId', 'from', 'to', 'employeeId', 'includeOpen'] as const)
      if (b[f] !== undefined && !allowed.has(f)) issue(f, needs.unused!);
    if (period && !b.periodId) issue('periodId', needs.periodId!);
    if (b.kind === 'employee-history') {
      for (const f of ['from', 'to'] as const) if (!monthKey.safeParse(b[f]).success) issue(f, needs.months!);
    }
    if (b.kind === 'audit-log') {
      for (const f of ['from', 'to'] as const)
        if (!z.iso.datetime({ offset: true }).safeParse(b[f]).success) issue(f, needs.times!);
    }
    if (!period && b.from && b.to) {
      const order = b.kind === 'audit-log' ? Date.parse(b.from) > Date.parse(b.to) : b.from > b.to;
      if (order) issue('from', needs.order!);
    }
  })
  .openapi('CreateReport');

export const reportSchema = z
  .object({
    id: z.string().openapi({ example: 'rpt_7Hq2…' }),
    kind: z.enum(reportKinds),
    format: z.enum(reportFormats),
    status: z.enum(reportStatuses),
    params: z.object({
      periodId: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      employeeId: z.string().optional(),
      includeOpen: z.boolean().optional(),
    }),
    fileName: z.string().openapi({ example: '工资表-2026-11.xlsx' }),
    rows: z.number().int().nullable().openapi({ description: 'Data rows written (ready only)' }),
    bytes: z.number().int().nullable(),
    sha256: z.string().nullable().openapi({ description: 'SHA-256 of the file, hex (ready only)' }),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .openapi({ description: "Why it failed (failed only), in the reader's language" }),
    createdBy: z.object({ type: z.enum(['user', 'api_key']), id: z.string(), name: z.string().nullable() }),
    createdAt: isoTime,
    finishedAt: isoTime.nullable(),
    expiresAt: isoTime.openapi({ description: '30 days after creation; then the report is gone' }),
  })
  .openapi('Report');
