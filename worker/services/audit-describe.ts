import { and, eq, inArray } from 'drizzle-orm';
import {
  apiKeys,
  type auditLog,
  departments,
  employees,
  evaluations,
  periods,
  positions,
  schemes,
  schemeVersions,
  users,
} from '../../db/schema';
import type { SchemeContent } from '../domain/scheme';
import { type Change, diffContent } from '../domain/scheme/diff';
import type { Scope } from './scope';

/*
 * The audit log as a history: which object, who, and what changed, old → new.
 *
 * Decision: names are resolved when the log is READ, not stored when it is written. The entries
 * are hash-chained and never rewritten, so labels added to new entries would leave the whole
 * existing history nameless; and the entries already carry what changed (each write records
 * before/after snapshots), so the per-field changes are computed from them here. A name that
 * the snapshot itself holds (a position's, an employee's) is taken from the entry, i.e. the name
 * at the time; only names the entry does not carry (whose evaluation, which indicator, which
 * actor) come from the current rows. Words stay out: the API answers codes, names and values,
 * the dashboard's catalogue says them in the reader's language.
 */

type AuditRow = typeof auditLog.$inferSelect;
type Json = Record<string, unknown>;

/** How a value reads: money in fen, a plain number or word, a flag, an evaluation status, a role. */
export type ValueFormat = 'money' | 'number' | 'text' | 'bool' | 'status' | 'role';
export type Value = string | number | boolean | null;

/** One field, old → new. `name` is data (an indicator's name) when the field is an indicator. */
export interface FieldChange {
  field: string;
  name?: string;
  format: ValueFormat;
  before: Value;
  after: Value;
}

/** The object in words' ingredients: 工号 and name, a period's key, a scheme's name and version. */
export interface SubjectLabel {
  name?: string;
  employeeNo?: string;
  periodKey?: string;
  version?: number;
  kind?: string;
}

export interface Description {
  subject: SubjectLabel | null;
  actorName: string | null;
  changes: FieldChange[];
  schemeChanges?: Change[];
}

const asObject = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;

/** Bookkeeping that is no change a person made. */
const SKIPPED = new Set([
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'revision',
  'missingRequired',
  'content',
  'supervisorUserIds',
  'addedInputs',
  'replacedInputs',
  'removedInput',
  'importedBy',
  'publishedAt',
  'publishedBy',
  'lastUsedAt',
  'mustChangePassword',
]);
/** Fields that name another row: shown by that row's name. */
const REFERENCES: Record<string, 'department' | 'position' | 'user'> = {
  departmentId: 'department',
  positionId: 'position',
  parentId: 'department',
  supervisorUserId: 'user',
  userId: 'user',
};

interface Names {
  department: Map<string, string>;
  position: Map<string, string>;
  user: Map<string, string>;
  key: Map<string, string>;
  evaluation: Map<string, { employeeNo: string; name: string; periodKey: string; content: SchemeContent }>;
  schemeVersion: Map<string, { name: string; version: number }>;
  scheme: Map<string, string>;
  employee: Map<string, { employeeNo: string; name: string }>;
  period: Map<string, string>;
}

function formatOf(entityType: string, field: string, v: unknown): ValueFormat {
  if (field.endsWith('Fen')) return 'money';
  if (field === 'status' && entityType === 'evaluation') return 'status';
  if (field === 'role') return 'role';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return 'text';
}

const primitive = (v: unknown): Value =>
  v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Value);

/** Top-level fields of two snapshots that differ, ids shown as the names they point at. */
function fieldChanges(entityType: string, before: Json | null, after: Json | null, names: Names) {
  if (!before || !after) return [];
  const out: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SKIPPED.has(field)) continue;
    const x = before[field];
    const y = after[field];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const ref = REFERENCES[field];
    if (ref) {
      const name = (id: unknown) => (typeof id === 'string' ? (names[ref].get(id) ?? null) : null);
      out.push({ field, format: 'text', before: name(x), after: name(y) });
      continue;
    }
    if (asObject(x) || asObject(y) || Array.isArray(x) || Array.isArray(y)) continue;
    out.push({
      field,
      format: formatOf(entityType, field, y ?? x),
      before: primitive(x),
      after: primitive(y),
    });
  }
  return out;
}

interface InputView {
  kind: string;
  indicator: string;
  rule: string | null;
  value: number | null;
  count: number | null;
  passed: string[] | null;
}

/** An input's figure: a metric's value or rating, an event's count, a check's passed items. */
const figure = (i: InputView): number | null =>
  i.kind === 'event' ? (i.count ?? 1) : i.kind === 'check' ? (i.passed?.length ?? 0) : i.value;

/** 电话接听量 380 → 400: each input added against the one it replaced (or removed). */
function inputChanges(after: Json, content: SchemeContent | undefined): FieldChange[] {
  const added = (after.addedInputs as InputView[] | undefined) ?? [];
  const replaced = (after.replacedInputs as InputView[] | undefined) ?? [];
  const removed = after.removedInput as InputView | undefined;
  const nameOf = (i: InputView) => {
    const ind = content?.indicators.find((x) => x.key === i.indicator);
    const rule =
      i.rule && ind && 'rules' in ind.params
        ? ind.params.rules.find((r) => r.key === i.rule)?.name
        : undefined;
    const base = ind?.name ?? i.indicator;
    return rule ? `${base} · ${rule}` : base;
  };
  const same = (a: InputView, b: InputView) =>
    a.kind === b.kind && a.indicator === b.indicator && a.rule === b.rule;
  const out: FieldChange[] = added.map((a) => {
    const old = replaced.find((r) => same(r, a));
    return {
      field: 'indicator',
      name: nameOf(a),
      format: 'number',
      before: old ? figure(old) : null,
      after: figure(a),
    };
  });
  if (removed)
    out.push({
      field: 'indicator',
      name: nameOf(removed),
      format: 'number',
      before: figure(removed),
      after: null,
    });
  return out;
}

async function loadNames(scope: Scope, rows: AuditRow[]): Promise<Names> {
  const ids = (pred: (r: AuditRow) => boolean) => [...new Set(rows.filter(pred).map((r) => r.entityId))];
  const refIds = new Set<string>();
  for (const r of rows)
    for (const side of [r.before, r.after]) {
      const o = side ? asObject(JSON.parse(side)) : null;
      for (const f of Object.keys(REFERENCES)) if (o && typeof o[f] === 'string') refIds.add(o[f] as string);
    }
  const refs = [...refIds];
  const actorIds = [...new Set(rows.map((r) => r.actorId))];
  const evalIds = ids((r) => r.entityType === 'evaluation');
  const versionIds = ids((r) => r.entityType === 'scheme_version');
  const { db, tenantId } = scope;
  const none = Promise.resolve([]);
  const [deps, poss, people, keys, evals, versions, schemeRows, emps, pers] = await Promise.all([
    refs.length
      ? db
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(and(eq(departments.tenantId, tenantId), inArray(departments.id, refs)))
      : none,
    refs.length
      ? db
          .select({ id: positions.id, name: positions.name })
          .from(positions)
          .where(and(eq(positions.tenantId, tenantId), inArray(positions.id, refs)))
      : none,
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, [...refs, ...actorIds]))),
    db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, tenantId), inArray(apiKeys.id, actorIds))),
    evalIds.length
      ? db
          .select({
            id: evaluations.id,
            employeeNo: employees.employeeNo,
            name: employees.name,
            periodKey: periods.key,
            content: schemeVersions.content,
          })
          .from(evaluations)
          .innerJoin(employees, eq(employees.id, evaluations.employeeId))
          .innerJoin(periods, eq(periods.id, evaluations.periodId))
          .innerJoin(schemeVersions, eq(schemeVersions.id, evaluations.schemeVersionId))
          .where(and(eq(evaluations.tenantId, tenantId), inArray(evaluations.id, evalIds)))
      : none,
    versionIds.length
      ? db
          .select({ id: schemeVersions.id, name: schemes.name, version: schemeVersions.version })
          .from(schemeVersions)
          .innerJoin(schemes, eq(schemes.id, schemeVersions.schemeId))
          .where(and(eq(schemeVersions.tenantId, tenantId), inArray(schemeVersions.id, versionIds)))
      : none,
    db
      .select({ id: schemes.id, name: schemes.name })
      .from(schemes)
      .where(
        and(
          eq(schemes.tenantId, tenantId),
          inArray(
            schemes.id,
            ids((r) => r.entityType === 'scheme'),
          ),
        ),
      ),
    db
      .select({ id: employees.id, employeeNo: employees.employeeNo, name: employees.name })
      .from(employees)
      .where(
        and(
          eq(employees.tenantId, tenantId),
          inArray(
            employees.id,
            ids((r) => r.entityType === 'employee'),
          ),
        ),
      ),
    db
      .select({ id: periods.id, key: periods.key })
      .from(periods)
      .where(
        and(
          eq(periods.tenantId, tenantId),
          inArray(
            periods.id,
            ids((r) => r.entityType === 'period'),
          ),
        ),
      ),
  ]);
  return {
    department: new Map(deps.map((d) => [d.id, d.name])),
    position: new Map(poss.map((p) => [p.id, p.name])),
    user: new Map(people.map((u) => [u.id, u.name])),
    key: new Map(keys.map((k) => [k.id, k.name])),
    evaluation: new Map(evals.map((e) => [e.id, { ...e, content: e.content as SchemeContent }])),
    schemeVersion: new Map(versions.map((v) => [v.id, v])),
    scheme: new Map(schemeRows.map((s) => [s.id, s.name])),
    employee: new Map(emps.map((e) => [e.id, e])),
    period: new Map(pers.map((p) => [p.id, p.key])),
  };
}

function subjectOf(r: AuditRow, snap: Json | null, names: Names): SubjectLabel | null {
  const text = (k: string) => (snap && typeof snap[k] === 'string' ? (snap[k] as string) : undefined);
  switch (r.entityType) {
    case 'evaluation': {
      const e = names.evaluation.get(r.entityId);
      return e ? { employeeNo: e.employeeNo, name: e.name, periodKey: e.periodKey } : null;
    }
    case 'employee': {
      const e = names.employee.get(r.entityId);
      const employeeNo = text('employeeNo') ?? e?.employeeNo;
      const name = text('name') ?? e?.name;
      return name ? { employeeNo, name } : null;
    }
    case 'scheme_version': {
      const v = names.schemeVersion.get(r.entityId);
      return v ? { name: v.name, version: v.version } : null;
    }
    case 'scheme': {
      const name = text('name') ?? names.scheme.get(r.entityId);
      return name ? { name } : null;
    }
    case 'period': {
      const key = text('key') ?? names.period.get(r.entityId);
      return key ? { periodKey: key } : null;
    }
    case 'report':
      return text('kind') ? { kind: text('kind') } : null;
    default: {
      const name = text('name');
      return name ? { name } : null;
    }
  }
}

/** Each entry of a page with its object, its actor and its changes, in data the dashboard says in words. */
export async function describeEntries(scope: Scope, rows: AuditRow[]): Promise<Description[]> {
  if (rows.length === 0) return [];
  const names = await loadNames(scope, rows);
  return rows.map((r) => {
    const before = r.before ? asObject(JSON.parse(r.before)) : null;
    const after = r.after ? asObject(JSON.parse(r.after)) : null;
    const actorName =
      r.actorType === 'user'
        ? (names.user.get(r.actorId) ?? null)
        : r.actorType === 'api_key'
          ? (names.key.get(r.actorId) ?? null)
          : null;
    const d: Description = {
      subject: subjectOf(r, after ?? before, names),
      actorName,
      changes: fieldChanges(r.entityType, before, after, names),
    };
    if (r.entityType === 'evaluation' && after)
      d.changes.push(...inputChanges(after, names.evaluation.get(r.entityId)?.content));
    // A publish entry holds the version before it (the previous published one) and the new one.
    const a = after?.content as SchemeContent | undefined;
    const b = before?.content as SchemeContent | undefined;
    if (r.action === 'scheme_version.publish' && a && b) d.schemeChanges = diffContent(b, a);
    // A version's own bookkeeping (status, number) is said by the action and the object.
    if (r.entityType === 'scheme_version') d.changes = [];
    return d;
  });
}
