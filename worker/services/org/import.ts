import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { departments, employees, positions, users } from '../../../db/schema';
import { assertMayChangeEmployee } from '../../access/policy';
import { type AuditChange, commit, type Statement } from '../../audit/commit';
import { isUniqueViolation } from '../../data/constraint';
import { chunk, rowsPerInsert } from '../../data/limits';
import { ApiError } from '../../lib/errors';
import { format } from '../../lib/i18n';
import { newId } from '../../lib/ids';
import { messages } from '../../lib/messages';
import { nowIso } from '../../lib/time';
import type { Scope } from '../scope';
import { CsvSyntaxError, decodeCsv, parseCsv } from './csv';
import { retiredByOthers } from './employee-numbers';
import { publicEmployee, sameEmployee } from './employees';
import { evaluationsFollow } from './evaluation-moves';
import {
  type Header,
  type ImportContext,
  type ImportIssue,
  readHeader,
  readRow,
  rowIssue,
} from './import-rows';
import type { EmployeeRow } from './records';

/** More rows than this is a file to split: it keeps one import inside one request's limits. */
export const MAX_IMPORT_ROWS = 5000;

export interface ImportResult {
  dryRun: boolean;
  /** Data rows in the file (blank lines are not rows). */
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  errors: ImportIssue[];
}

interface Prepared {
  creates: EmployeeRow[];
  updates: { before: EmployeeRow; after: EmployeeRow }[];
  unchanged: number;
  errors: ImportIssue[];
}

async function contextOf(scope: Scope): Promise<ImportContext> {
  const t = scope.tenantId;
  const [deps, poss, sups, staff] = await Promise.all([
    scope.db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(eq(departments.tenantId, t)),
    scope.db
      .select({ id: positions.id, name: positions.name })
      .from(positions)
      .where(eq(positions.tenantId, t)),
    scope.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.tenantId, t), eq(users.role, 'supervisor'))),
    scope.db.select().from(employees).where(eq(employees.tenantId, t)),
  ]);
  return {
    lang: scope.lang,
    departmentByName: new Map(deps.map((d) => [d.name, d.id])),
    positionByName: new Map(poss.map((p) => [p.name, p.id])),
    supervisorByEmail: new Map(sups.map((u) => [u.email.toLowerCase(), u.id])),
    existingByNo: new Map(staff.map((e) => [e.employeeNo, e])),
  };
}

/** Checks every row against the tenant as it is now and works out what each one changes. */
async function prepare(scope: Scope, header: Header, data: { line: number; cells: string[] }[]) {
  const ctx = await contextOf(scope);
  const out: Prepared = { creates: [], updates: [], unchanged: 0, errors: [] };
  const firstLineOf = new Map<string, number>();
  const now = nowIso();
  for (const rec of data) {
    const { values: v, issues } = readRow(ctx, header, rec, firstLineOf);
    out.errors.push(...issues);
    if (!v) continue;
    const before = ctx.existingByNo.get(v.employeeNo);
    if (!before) {
      out.creates.push({
        id: newId('emp'),
        tenantId: scope.tenantId,
        employeeNo: v.employeeNo,
        name: v.name,
        departmentId: v.departmentId,
        positionId: v.positionId,
        supervisorUserId: v.supervisorUserId ?? null,
        userId: null,
        active: v.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    // An empty 上级 or 在职 cell (or no such column) keeps what the employee has.
    const after: EmployeeRow = {
      ...before,
      name: v.name,
      departmentId: v.departmentId,
      positionId: v.positionId,
      supervisorUserId: v.supervisorUserId ?? before.supervisorUserId,
      active: v.active ?? before.active,
      updatedAt: now,
    };
    if (sameEmployee(before, after)) out.unchanged += 1;
    else {
      // A file cannot move or re-price its importer's own record any more than a form can.
      assertMayChangeEmployee(scope, before, after);
      out.updates.push({ before, after });
    }
  }
  const retired = await retiredByOthers(
    scope,
    out.creates.map((c) => c.employeeNo),
  );
  for (const c of out.creates.filter((c) => retired.has(c.employeeNo))) {
    const line = firstLineOf.get(c.employeeNo) ?? 0;
    const text = new ApiError('CONFLICT', {
      message: 'EMPLOYEE_NO_RETIRED',
      params: { employeeNo: c.employeeNo },
    });
    const said = text.localized(scope.lang);
    const message = format(messages.IMPORT_ISSUE[scope.lang], {
      line,
      field: messages.COLUMN_employeeNo[scope.lang],
      text: said,
    });
    out.errors.push({
      line,
      field: 'employeeNo',
      code: 'employee_no_retired',
      message,
      params: { employeeNo: c.employeeNo },
    });
  }
  return out;
}

/** New rows as chunked multi-row INSERTs; changed rows as chunked upserts on (tenant, 工号). */
function statementsFor(scope: Scope, p: Prepared): Statement[] {
  const per = rowsPerInsert(Object.keys(getTableColumns(employees)).length);
  const inserts = chunk(p.creates, per).map((rows) => scope.db.insert(employees).values(rows));
  const upserts = chunk(
    p.updates.map((u) => u.after),
    per,
  ).map((rows) =>
    scope.db
      .insert(employees)
      .values(rows)
      .onConflictDoUpdate({
        target: [employees.tenantId, employees.employeeNo],
        set: {
          name: sql`excluded.name`,
          departmentId: sql`excluded.department_id`,
          positionId: sql`excluded.position_id`,
          supervisorUserId: sql`excluded.supervisor_user_id`,
          active: sql`excluded.active`,
          updatedAt: sql`excluded.updated_at`,
        },
      }),
  );
  return [...inserts, ...upserts];
}

function auditFor(p: Prepared, summary: Omit<ImportResult, 'errors' | 'dryRun'>): AuditChange[] {
  return [
    ...p.creates.map((e) => ({
      action: 'employee.create',
      entityType: 'employee',
      entityId: e.id,
      after: { ...publicEmployee(e), source: 'import' },
    })),
    ...p.updates.map((u) => ({
      action: 'employee.update',
      entityType: 'employee',
      entityId: u.after.id,
      before: publicEmployee(u.before),
      after: { ...publicEmployee(u.after), source: 'import' },
    })),
    { action: 'employee.import', entityType: 'employee_import', entityId: newId('imp'), after: summary },
  ];
}

/** The file's header and data rows, or the file-level problems that stop reading it. */
function readFile(scope: Scope, bytes: Uint8Array, charset?: string) {
  const text = decodeCsv(bytes, charset);
  let records: { line: number; cells: string[] }[];
  try {
    records = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { rows: 0, errors: [rowIssue(scope.lang, err.line, '(csv)', err.reason)] };
  }
  const [first, ...data] = records;
  if (!first || data.length === 0) throw new ApiError('VALIDATION_FAILED', { message: 'CSV_EMPTY' });
  if (data.length > MAX_IMPORT_ROWS) {
    throw new ApiError('VALIDATION_FAILED', {
      message: 'CSV_TOO_MANY_ROWS',
      params: { rows: data.length, max: MAX_IMPORT_ROWS },
    });
  }
  const header = readHeader(scope.lang, first);
  return { rows: data.length, header, data, errors: header.issues };
}

const rejected = (errors: ImportIssue[]) =>
  new ApiError('VALIDATION_FAILED', {
    message: 'CSV_REJECTED',
    params: { n: errors.length },
    details: errors,
  });

/**
 * Upserts employees by 工号 from a CSV file. A dry run writes nothing and reports what would
 * happen and every bad row. A real run writes all rows, their audit entries and one summary
 * entry in one atomic batch, or, if any row is bad, nothing at all (400 listing every problem).
 */
export async function importEmployees(
  scope: Scope,
  bytes: Uint8Array,
  opts: { dryRun: boolean; charset?: string },
): Promise<ImportResult> {
  const file = readFile(scope, bytes, opts.charset);
  const empty = { rows: file.rows, creates: 0, updates: 0, unchanged: 0 };
  if (!file.header || file.errors.length) {
    if (opts.dryRun) return { dryRun: true, ...empty, errors: file.errors };
    throw rejected(file.errors);
  }
  const { header, data } = file;
  const counts = (p: Prepared) => ({
    rows: file.rows,
    creates: p.creates.length,
    updates: p.updates.length,
    unchanged: p.unchanged,
  });
  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line;

  if (opts.dryRun) {
    const p = await prepare(scope, header, data);
    return { dryRun: true, ...counts(p), errors: p.errors.sort(byLine) };
  }
  try {
    return await commit(scope.db, scope.actor, async () => {
      const p = await prepare(scope, header, data);
      if (p.errors.length) throw rejected(p.errors.sort(byLine));
      const summary = counts(p);
      const moved = await evaluationsFollow(
        scope,
        p.updates.map(({ before, after }) => ({
          employeeId: after.id,
          ...(after.departmentId !== before.departmentId && { departmentId: after.departmentId }),
          ...(after.positionId !== before.positionId && { positionId: after.positionId }),
        })),
      );
      return {
        statements: [...statementsFor(scope, p), ...moved.statements],
        audit: [...(p.creates.length + p.updates.length ? auditFor(p, summary) : []), ...moved.audit],
        result: { dryRun: false, ...summary, errors: [] },
      };
    });
  } catch (err) {
    // Someone created one of the new 工号 between our read and our write: nothing was written.
    if (isUniqueViolation(err, 'employees.tenant_id, employees.employee_no')) {
      throw new ApiError('CONFLICT', { message: 'IMPORT_RACED' });
    }
    throw err;
  }
}
