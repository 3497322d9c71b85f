import { z } from '@hono/zod-openapi';
import { oneLine } from '../../lib/text';
import { isoTime } from '../schemas';

const name = oneLine().trim().min(1).max(100).openapi({ example: '客服部' });
const site = oneLine().trim().min(1).max(100).nullable().openapi({
  example: '绿苑花园',
  description: 'The project site (项目/楼盘) the department belongs to, if any',
});

export const departmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    site: z.string().nullable(),
    supervisorUserIds: z.array(z.string()).openapi({
      description: 'Supervisor users scoped to this department: they see and rate its employees',
    }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Department');

export const createDepartmentBody = z
  .object({ name, site: site.optional() })
  .strict()
  .openapi('CreateDepartment');
export const updateDepartmentBody = z.object({ name, site }).partial().strict().openapi('UpdateDepartment');

export const supervisorsBody = z
  .object({
    userIds: z.array(oneLine().max(64)).max(100).openapi({
      description: 'The complete new list; each a user of this company with the supervisor role',
    }),
  })
  .strict()
  .openapi('SetDepartmentSupervisors');
