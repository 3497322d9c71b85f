import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** 部门: 客服部, 保安部 …, optionally of one project site (项目/楼盘). */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    site: text('site'),
    /** The department above, for 项目 / 班组; none for a top-level one. */
    parentId: text('parent_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('departments_tenant_name_uq').on(t.tenantId, t.name)],
);

/** 岗位 with its pay: 基本工资 and 绩效奖金基数, integer fen (分), never negative. */
export const positions = sqliteTable(
  'positions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    baseSalaryFen: integer('base_salary_fen').notNull(),
    bonusBaseFen: integer('bonus_base_fen').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('positions_tenant_name_uq').on(t.tenantId, t.name),
    check('positions_money_ck', sql`${t.baseSalaryFen} >= 0 AND ${t.bonusBaseFen} >= 0`),
  ],
);

/**
 * Staff being evaluated. 工号 is the natural key integrators use; `userId` is the employee's own
 * login (role employee), if any; `supervisorUserId` the direct 主管 (a user with role
 * supervisor). Employees are deactivated, never deleted: evaluations refer to them.
 */
export const employees = sqliteTable(
  'employees',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    employeeNo: text('employee_no').notNull(),
    name: text('name').notNull(),
    departmentId: text('department_id').notNull(),
    positionId: text('position_id').notNull(),
    supervisorUserId: text('supervisor_user_id'),
    userId: text('user_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('employees_tenant_no_uq').on(t.tenantId, t.employeeNo),
    // SQLite treats NULLs as distinct, so only a set user_id must be unique.
    uniqueIndex('employees_tenant_user_uq').on(t.tenantId, t.userId),
    index('employees_tenant_dept_ix').on(t.tenantId, t.departmentId, t.employeeNo),
    index('employees_tenant_position_ix').on(t.tenantId, t.positionId),
  ],
);

/**
 * 工号 an employee had before a change. Monitoring and call-centre systems keep sending the
 * number they know; it still reaches the same person, and nobody else may be given it.
 */
export const retiredEmployeeNos = sqliteTable(
  'retired_employee_nos',
  {
    tenantId: text('tenant_id').notNull(),
    employeeNo: text('employee_no').notNull(),
    employeeId: text('employee_id').notNull(),
    retiredAt: text('retired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.employeeNo] })],
);

/** Which departments a supervisor user is scoped to: they see and rate only those employees. */
export const departmentSupervisors = sqliteTable(
  'department_supervisors',
  {
    tenantId: text('tenant_id').notNull(),
    departmentId: text('department_id').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.departmentId, t.userId] }),
    index('department_supervisors_user_ix').on(t.tenantId, t.userId),
  ],
);
