import { expect } from 'vitest';
import { keyScopes, type ReportKind, type Role, reportKinds } from '../../../../db/schema';
import { type Caller, caller } from '../../../helpers/client';
import { newTenant, PASSWORD, signIn, type TestTenant } from '../../../helpers/tenant';
import { ok } from '../../evaluations/fixtures';
import { COMPLETE } from '../../evaluations/workflow-support';

export { ok };

/**
 * One company with one of every object the API addresses: each role signed in, a key with
 * every scope, a department with its supervisor, a position, employees (one with a login, one
 * hired after the month opened), a published scheme with a version 2 draft, an assignment, the
 * month 2026-11 with an evaluation holding inputs of each kind and an open appeal, a report of
 * each kind, an audit digest, and a user and a key that exist only to be addressed.
 *
 * Every name carries the company's mark (甲 or 乙) and every 工号 its code, so that a name of one
 * company in the other's answers is told apart from a name both happen to share.
 */
export interface Company {
  t: TestTenant;
  tenantId: string;
  mark: string;
  code: string;
  people: Record<Role, Caller & { userId: string }>;
  /** A key with every scope: admitted wherever any scope is. */
  key: Caller;
  /** One real object per collection, by the path segment that names it (`/periods/{id}`). */
  ids: Record<string, string>;
  /** An employee of the company without an evaluation in the month (a late joiner). */
  joinerId: string;
  /** The content of scheme version 1, for a valid PUT of the version 2 draft. */
  draftContent: unknown;
  /** The evaluation's current ETag (ids.evaluations). */
  etag(): Promise<string>;
}

/** A report asked for and waited on until the queue consumer has made it. */
export async function readyReport(who: Caller, body: Record<string, unknown>): Promise<any> {
  return settled(who, ok(await who.post('/reports', body), 202).id);
}

/** The report once the queue consumer has made it. */
export async function settled(who: Caller, id: string): Promise<any> {
  for (let i = 0; ; i++) {
    const r = ok(await who.get(`/reports/${id}`));
    if (r.status === 'ready') return r;
    if (r.status === 'failed' || i > 300) throw new Error(`report ${id}: ${JSON.stringify(r)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** What to ask for to export each kind (a new kind fails to compile until it has a line here). */
export const reportRequests: Record<ReportKind, (c: Pick<Company, 'ids'>) => Record<string, unknown>> = {
  'period-scores': (c) => ({ periodId: c.ids.periods }),
  payroll: (c) => ({ periodId: c.ids.periods, includeOpen: true }),
  'department-summary': (c) => ({ periodId: c.ids.periods }),
  'employee-history': () => ({ from: '2026-01', to: '2026-12' }),
  'audit-log': () => ({
    from: new Date(Date.now() - 3600_000).toISOString(),
    to: new Date(Date.now() + 1000).toISOString(),
  }),
};

export async function buildCompany(mark: string, code: string): Promise<Company> {
  const t = await newTenant(`${mark}物业`);
  const hr = t.owner;
  const person = async (role: Role, name: string) => {
    const email = `${role}-${code.toLowerCase()}@${t.slug}.example`;
    const user = ok(await hr.post('/users', { email, name, role, password: PASSWORD }), 201);
    return Object.assign(await signIn(t.slug, email), { userId: user.id as string });
  };
  const people: Company['people'] = {
    owner: Object.assign(hr, { userId: t.ownerId }),
    admin: await person('admin', `${mark}人事`),
    supervisor: await person('supervisor', `${mark}主管`),
    employee: await person('employee', `${mark}张敏`),
    auditor: await person('auditor', `${mark}审计`),
  };
  const addressedUser = ok(
    await hr.post('/users', {
      email: `spare-${code.toLowerCase()}@${t.slug}.example`,
      name: `${mark}备用账号`,
      role: 'employee',
      password: PASSWORD,
    }),
    201,
  );
  const everyScope = ok(await hr.post('/api-keys', { name: `${mark}全部范围`, scopes: [...keyScopes] }), 201);
  const addressedKey = ok(await hr.post('/api-keys', { name: `${mark}集成密钥`, scopes: ['org:read'] }), 201);

  const dep = ok(await hr.post('/departments', { name: `${mark}客服部`, site: `${mark}小区` }), 201);
  ok(await hr.put(`/departments/${dep.id}/supervisors`, { userIds: [people.supervisor.userId] }));
  const pos = ok(
    await hr.post('/positions', { name: `${mark}客服专员`, baseSalaryFen: 300_000, bonusBaseFen: 100_005 }),
    201,
  );
  const employee = async (no: string, name: string, extra: Record<string, string> = {}) =>
    ok(
      await hr.post('/employees', {
        employeeNo: `${code}${no}`,
        name: `${mark}${name}`,
        departmentId: dep.id,
        positionId: pos.id,
        ...extra,
      }),
      201,
    ).id as string;
  const employeeId = await employee('001', '张敏', {
    userId: people.employee.userId,
    supervisorUserId: people.supervisor.userId,
  });
  await employee('002', '李娜');

  const scheme = ok(await hr.post('/schemes', { fromTemplate: 'cs-monthly', name: `${mark}方案` }), 201);
  // Its categories (keys too) and grade labels are the company's own: they head report columns.
  const template = ok(await hr.get(`/schemes/${scheme.id}/versions/1`)).content;
  const own = (key: string) => `${code.toLowerCase()}_${key}`;
  const content = {
    ...template,
    categories: template.categories.map((c: any) => ({ key: own(c.key), name: `${mark}${c.name}` })),
    indicators: template.indicators.map((i: any) => ({ ...i, category: own(i.category) })),
    bands: template.bands.map((b: any) => ({ ...b, label: `${mark}${b.label}` })),
  };
  ok(await hr.put(`/schemes/${scheme.id}/versions/1`, { content }));
  ok(await hr.post(`/schemes/${scheme.id}/versions/1/publish`, {}));
  ok(await hr.post(`/schemes/${scheme.id}/versions`), 201);
  const assignment = ok(
    await hr.put('/scheme-assignments', { targetType: 'position', targetId: pos.id, schemeId: scheme.id }),
  );
  const opened = ok(await hr.post('/periods', { key: '2026-11' }), 201);
  expect(opened.evaluations).toBe(2);
  const joinerId = await employee('009', '新人');
  const periodId = opened.period.id as string;
  const [evaluation] = ok(await hr.get(`/evaluations?periodId=${periodId}&employeeId=${employeeId}`)).items;

  const etag = async () => (await hr.get(`/evaluations/${evaluation.id}`)).headers.get('ETag') ?? '';
  const sup = people.supervisor;
  const recorded = ok(
    await sup.post(
      `/evaluations/${evaluation.id}/inputs`,
      {
        ...COMPLETE,
        events: [
          { indicator: 'attendance', rule: 'late', count: 1, evidence: { note: `${mark}11月5日迟到` } },
          { indicator: 'praise', rule: 'phone_praise', count: 1, evidence: { complaintNo: `${code}-TEL-1` } },
        ],
        checks: [
          { indicator: 'call_monitoring', callId: `${code}-REC-1`, passed: ['greeting', 'confirm_need'] },
        ],
      },
      { headers: { 'If-Match': await etag() } },
    ),
  );
  const kinds = new Set(recorded.inputs.map((i: any) => i.kind));
  expect([...kinds].sort(), 'inputs of every kind').toEqual(['check', 'event', 'metric', 'rating']);
  const late = recorded.inputs.find((i: any) => i.rule === 'late');
  ok(await sup.post(`/evaluations/${evaluation.id}/submit`, {}, { headers: { 'If-Match': await etag() } }));
  ok(
    await people.employee.post(
      `/evaluations/${evaluation.id}/appeal`,
      { reason: `${mark}迟到是因为电梯故障`, disputedInputIds: [late.id] },
      { headers: { 'If-Match': await etag() } },
    ),
  );
  ok(await hr.post('/audit-log/digests'), 201);
  let reportId = '';
  // A kind without a request is named by reads.test.ts; the world makes the others.
  for (const kind of reportKinds.filter((k) => reportRequests[k])) {
    const r = await readyReport(hr, {
      kind,
      format: 'csv',
      ...reportRequests[kind]({ ids: { periods: periodId } }),
    });
    reportId ||= r.id;
  }
  return {
    t,
    tenantId: t.tenantId,
    mark,
    code,
    people,
    key: caller({ kind: 'key', secret: everyScope.secret }),
    ids: {
      users: addressedUser.id,
      'api-keys': addressedKey.key.id,
      departments: dep.id,
      positions: pos.id,
      employees: employeeId,
      schemes: scheme.id,
      versions: '2',
      'scheme-assignments': assignment.id,
      periods: periodId,
      evaluations: evaluation.id,
      inputs: late.id,
      reports: reportId,
    },
    joinerId,
    draftContent: content,
    etag,
  };
}
