import { z } from '@hono/zod-openapi';
import { oneLine } from '../../lib/text';
import { EMPLOYEE_NO, employeeNoTexts } from '../../services/org/issues';
import { changesSomething, isoTime, pageQuery, personName } from '../schemas';

export const employeeNo = oneLine()
  .trim()
  .refine((v) => EMPLOYEE_NO.test(v), { params: { i18n: employeeNoTexts } })
  .openapi({ example: 'KF001', description: '工号, unique in the company' });
const ref = (example: string, description: string) => oneLine().max(64).openapi({ example, description });

export const employeeSchema = z
  .object({
    id: z.string(),
    employeeNo: z.string(),
    name: z.string(),
    departmentId: z.string(),
    positionId: z.string(),
    supervisorUserId: z.string().nullable(),
    userId: z
      .string()
      .nullable()
      .openapi({ description: "The employee's own login (role employee), if any" }),
    active: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Employee');

const fields = {
  employeeNo,
  name: personName.openapi({ example: '李娜' }),
  departmentId: ref('dep_7Hq2…', 'A department of this company'),
  positionId: ref('pos_7Hq2…', 'A position of this company'),
  supervisorUserId: ref('usr_7Hq2…', 'A user with the supervisor role (直属主管)').nullable(),
  userId: ref(
    'usr_7Hq2…',
    "The employee's own login: a user with the employee role, linked to one employee only",
  ).nullable(),
  active: z.boolean(),
};

export const createEmployeeBody = z
  .object({
    ...fields,
    supervisorUserId: fields.supervisorUserId.optional(),
    userId: fields.userId.optional(),
    active: fields.active.optional(),
  })
  .strict()
  .openapi('CreateEmployee');
export const updateEmployeeBody = z
  .object(fields)
  .partial()
  .strict()
  .refine(...changesSomething)
  .openapi('UpdateEmployee');

const flag = z.enum(['true', 'false']);
export const employeeQuery = pageQuery.extend({
  departmentId: oneLine().max(64).optional(),
  positionId: oneLine().max(64).optional(),
  active: flag.optional(),
  q: oneLine().trim().min(1).max(50).optional().openapi({ description: 'Part of a name or 工号' }),
});

export const importQuery = z.object({
  dryRun: flag.optional().openapi({ description: 'true: check and report, write nothing (default false)' }),
});

const importIssue = z.object({
  line: z.number().int().openapi({ description: 'Line of the file, 1 = the header' }),
  field: z
    .string()
    .openapi({ description: 'employeeNo, name, department, position, supervisorEmail, active …' }),
  code: z.string(),
  message: z.string(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .openapi({ description: "The message's values, to word it again in another language (by code)" }),
});
export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    creates: z.number().int(),
    updates: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(importIssue),
  })
  .openapi('EmployeeImportResult');
