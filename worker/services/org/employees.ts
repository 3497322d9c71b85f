import { and, asc, eq, gt, ne, or, type SQL, sql } from 'drizzle-orm';
import { departments, employees, positions, users } from '../../../db/schema';
import { assertMayChangeEmployee, loginOf, visibleEmployees } from '../../access/policy';
import { commit } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { ApiError, type FieldIssue, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { decodeCursor, page } from '../cursor';
import type { Scope } from '../scope';
import { assertNumberFree, renumber } from './employee-numbers';
import { evaluationsFollow } from './evaluation-moves';
import { invalid, issue, refTexts } from './issues';
import { assertEmployeeVisible, type EmployeeRow, employeeForUser, findEmployee } from './records';

/** What the API and the audit log show of an employee. */
export function publicEmployee(e: EmployeeRow) {
  return {
    id: e.id,
    employeeNo: e.employeeNo,
    name: e.name,
    departmentId: e.departmentId,
    positionId: e.positionId,
    supervisorUserId: e.supervisorUserId,
    userId: e.userId,
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
export type PublicEmployee = ReturnType<typeof publicEmployee>;

export interface EmployeeInput {
  employeeNo: string;
  name: string;
  departmentId: string;
  positionId: string;
  supervisorUserId?: string | null;
  userId?: string | null;
  active?: boolean;
}
export type EmployeePatch = Partial<EmployeeInput>;

export interface EmployeeFilter {
  departmentId?: string;
  positionId?: string;
  active?: boolean;
  q?: string;
  cursor?: string;
  limit: number;
}

/** Ordered by 工号; the cursor is the last 工号 seen. A supervisor sees only their departments. */
export async function listEmployees(scope: Scope, f: EmployeeFilter) {
  const after = decodeCursor<string>(f.cursor, 'string');
  // instr, not LIKE: a search for "50%" or "_" means those characters, nothing else.
  const search: SQL | undefined = f.q
    ? or(sql`instr(${employees.name}, ${f.q}) > 0`, sql`instr(${employees.employeeNo}, ${f.q}) > 0`)
    : undefined;
  const rows = await scope.db
    .select()
    .from(employees)
    .where(
      and(
        eq(employees.tenantId, scope.tenantId),
        visibleEmployees(scope),
        f.departmentId ? eq(employees.departmentId, f.departmentId) : undefined,
        f.positionId ? eq(employees.positionId, f.positionId) : undefined,
        f.active !== undefined ? eq(employees.active, f.active) : undefined,
        search,
        after !== undefined ? gt(employees.employeeNo, after) : undefined,
      ),
    )
    .orderBy(asc(employees.employeeNo))
    .limit(f.limit + 1);
  const p = page(rows, f.limit, (e) => e.employeeNo);
  return { items: p.items.map(publicEmployee), nextCursor: p.nextCursor };
}

export async function getEmployee(scope: Scope, id: string): Promise<PublicEmployee> {
  return publicEmployee(await assertEmployeeVisible(scope, id));
}

/** The caller's own employee record (a login linked through `userId`), or 404. */
export async function myEmployee(scope: Scope): Promise<PublicEmployee> {
  const login = loginOf(scope.principal);
  if (!login) throw notFound();
  const row = await employeeForUser(scope, login);
  if (!row) throw notFound();
  return publicEmployee(row);
}

async function exists(scope: Scope, table: typeof departments | typeof positions, id: string) {
  const [row] = await scope.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, scope.tenantId), eq(table.id, id)));
  return Boolean(row);
}

async function userHasRole(scope: Scope, id: string, role: 'supervisor' | 'employee') {
  const [row] = await scope.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, scope.tenantId), eq(users.id, id), eq(users.role, role)));
  return Boolean(row);
}

/** Every reference in the input that does not point at the right thing of this tenant, named. */
async function checkReferences(scope: Scope, input: EmployeePatch, selfId?: string): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.departmentId !== undefined && !(await exists(scope, departments, input.departmentId)))
    issues.push(issue(scope.lang, 'departmentId', 'unknown_department', refTexts.noDepartment));
  if (input.positionId !== undefined && !(await exists(scope, positions, input.positionId)))
    issues.push(issue(scope.lang, 'positionId', 'unknown_position', refTexts.noPosition));
  if (input.supervisorUserId && !(await userHasRole(scope, input.supervisorUserId, 'supervisor')))
    issues.push(issue(scope.lang, 'supervisorUserId', 'not_supervisor', refTexts.notSupervisor));
  if (input.userId && !(await userHasRole(scope, input.userId, 'employee')))
    issues.push(issue(scope.lang, 'userId', 'not_employee_user', refTexts.notEmployeeUser));
  if (issues.length) throw invalid(issues);
  if (input.userId) {
    const [other] = await scope.db
      .select({ id: employees.id })
      .from(employees)
      .where(
        and(
          eq(employees.tenantId, scope.tenantId),
          eq(employees.userId, input.userId),
          selfId ? ne(employees.id, selfId) : undefined,
        ),
      );
    if (other) throw userTaken();
  }
}

const noTaken = (employeeNo: string) =>
  new ApiError('CONFLICT', { message: 'EMPLOYEE_NO_TAKEN', params: { employeeNo }, field: 'employeeNo' });
const userTaken = () => new ApiError('CONFLICT', { message: 'EMPLOYEE_USER_TAKEN', field: 'userId' });

/** The two unique keys of an employee, as 409s naming the field (also when a race hits them). */
async function guardUnique<T>(input: EmployeePatch, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (
      input.employeeNo !== undefined &&
      isUniqueViolation(err, 'employees.tenant_id, employees.employee_no')
    )
      throw noTaken(input.employeeNo);
    if (isUniqueViolation(err, 'employees.tenant_id, employees.user_id')) throw userTaken();
    throw err;
  }
}

export async function createEmployee(scope: Scope, input: EmployeeInput): Promise<PublicEmployee> {
  return guardUnique(input, () =>
    commit(scope.db, scope.actor, async () => {
      await checkReferences(scope, input);
      await assertNumberFree(scope, input.employeeNo);
      const now = nowIso();
      const row: EmployeeRow = {
        id: newId('emp'),
        tenantId: scope.tenantId,
        employeeNo: input.employeeNo,
        name: input.name,
        departmentId: input.departmentId,
        positionId: input.positionId,
        supervisorUserId: input.supervisorUserId ?? null,
        userId: input.userId ?? null,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      };
      assertMayChangeEmployee(scope, undefined, row);
      return {
        statements: [scope.db.insert(employees).values(row)],
        audit: [
          { action: 'employee.create', entityType: 'employee', entityId: row.id, after: publicEmployee(row) },
        ],
        result: publicEmployee(row),
      };
    }),
  );
}

const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);

export async function updateEmployee(
  scope: Scope,
  id: string,
  patch: EmployeePatch,
  action = 'employee.update',
): Promise<PublicEmployee> {
  return guardUnique(patch, () =>
    commit(scope.db, scope.actor, async () => {
      const before = await findEmployee(scope, id);
      const after: EmployeeRow = {
        ...before,
        employeeNo: pick(patch.employeeNo, before.employeeNo),
        name: pick(patch.name, before.name),
        departmentId: pick(patch.departmentId, before.departmentId),
        positionId: pick(patch.positionId, before.positionId),
        supervisorUserId: pick(patch.supervisorUserId, before.supervisorUserId),
        userId: pick(patch.userId, before.userId),
        active: pick(patch.active, before.active),
        updatedAt: nowIso(),
      };
      // Whose record it is comes first: the rule is the answer, whatever else is wrong.
      assertMayChangeEmployee(scope, before, after);
      await checkReferences(scope, patch, id);
      if (sameEmployee(before, after)) return { statements: [], audit: [], result: publicEmployee(before) };
      const renumbered = after.employeeNo !== before.employeeNo;
      if (renumbered) await assertNumberFree(scope, after.employeeNo, id);
      const { id: _id, tenantId: _t, createdAt: _c, ...changes } = after;
      // Open evaluations follow a new department (supervisor access) and a new position (pay).
      const moved = await evaluationsFollow(scope, [
        {
          employeeId: id,
          ...(after.departmentId !== before.departmentId && { departmentId: after.departmentId }),
          ...(after.positionId !== before.positionId && { positionId: after.positionId }),
        },
      ]);
      return {
        statements: [
          scope.db
            .update(employees)
            .set(changes)
            .where(and(eq(employees.tenantId, scope.tenantId), eq(employees.id, id))),
          ...(renumbered ? renumber(scope, id, before.employeeNo, after.employeeNo, after.updatedAt) : []),
          ...moved.statements,
        ],
        audit: [
          {
            action,
            entityType: 'employee',
            entityId: id,
            before: publicEmployee(before),
            after: publicEmployee(after),
          },
          ...moved.audit,
        ],
        result: publicEmployee(after),
      };
    }),
  );
}

/** Employees are never deleted (evaluations refer to them): "deleting" one deactivates it. */
export async function deactivateEmployee(scope: Scope, id: string): Promise<PublicEmployee> {
  return updateEmployee(scope, id, { active: false }, 'employee.deactivate');
}

const compared = [
  'employeeNo',
  'name',
  'departmentId',
  'positionId',
  'supervisorUserId',
  'userId',
  'active',
] as const satisfies (keyof EmployeeRow)[];

/** True when nothing a person would call a change differs (timestamps aside). */
export function sameEmployee(a: EmployeeRow, b: EmployeeRow): boolean {
  return compared.every((k) => a[k] === b[k]);
}
