import type { Role } from '../../../../db/schema';
import { type Caller, type CallOptions, call, type Reply } from '../../../helpers/client';
import { label, type Operation, type XAccess } from '../../support';
import type { Company } from './world';

/**
 * How an operation of the OpenAPI document is called on a company's objects. Each path
 * parameter names an object of the collection whose segment comes before it
 * (`/periods/{id}/evaluations/{evaluationId}` → a period, then an evaluation), so a new route
 * on an existing resource needs nothing here; a new resource needs an object in world.ts.
 */
export function collectionOf(path: string, param: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return segments[at - 1] ?? '';
}

/** The collection a field or query parameter names: `periodId` → periods, `apiKeyId` → api-keys. */
export const collectionNamed = (name: string) =>
  `${name.replace(/Id$/, '').replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}s`;

/** Path parameters whose collection the company has no object of, as `op: {param} (collection)`. */
export function uncovered(op: Operation, c: Company): string[] {
  return [...op.path.matchAll(/\{([^}]+)\}/g)]
    .map(([, p]) => [p!, collectionOf(op.path, p!)] as const)
    .filter(([, coll]) => !(coll in c.ids))
    .map(
      ([p, coll]) => `${label(op)}: {${p}} names a "${coll}" and test/api/security/routes/world.ts has none`,
    );
}

export function pathFor(op: Operation, c: Company): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, p: string) =>
    encodeURIComponent(c.ids[collectionOf(op.path, p)]!),
  );
}

/**
 * Bodies that would pass validation and change the company's object were the tenant check
 * missing, by operationId; any other write gets `{}`. A write whose `{}` is refused as invalid
 * answers 400 before it looks its object up, and the sweep names it: give it a body here.
 */
const bodies: Record<string, (c: Company) => unknown> = {
  updateUser: () => ({ name: '被改了', role: 'admin', active: false, password: 'b-chose-this-1' }),
  updateDepartment: () => ({ name: '被改了', site: null }),
  setDepartmentSupervisors: () => ({ userIds: [] }),
  updatePosition: () => ({ name: '被改了', baseSalaryFen: 1 }),
  updateEmployee: () => ({ name: '被改了', active: false }),
  updateScheme: () => ({ name: '被改了', description: '被改了' }),
  updateSchemeDraft: (c) => ({ content: c.draftContent }),
  previewSchemeVersion: () => ({ metrics: [{ indicator: 'calls_answered', value: 1 }] }),
  addPeriodEvaluation: (c) => ({ employeeId: c.joinerId }),
  removePeriodEvaluation: () => ({ reason: '被别的公司删了' }),
  addEvaluationInputs: () => ({ ratings: [{ indicator: 'exam', value: 1 }] }),
  savePeriodGrid: (c) => ({
    rows: [{ evaluationId: c.ids.evaluations, revision: 1, cells: { calls_answered: 1 } }],
  }),
  appealEvaluation: () => ({ reason: '别的公司的申诉' }),
  resolveEvaluation: () => ({ answer: '别的公司的答复' }),
  reopenEvaluation: () => ({ reason: '别的公司重新打开' }),
  handOverApiKey: (c) => ({ userId: c.people.admin.userId }),
};

/** The request for `op` on company `c`'s objects: path, body, and its current ETag where asked. */
export async function requestFor(op: Operation, c: Company): Promise<{ path: string; opts: CallOptions }> {
  const opts: CallOptions = {};
  const writes = ['POST', 'PUT', 'PATCH'].includes(op.method) || op.hasBody;
  if (writes) opts.body = bodies[op.operationId]?.(c) ?? {};
  if (op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'))
    opts.headers = { 'If-Match': await c.etag() };
  return { path: pathFor(op, c), opts };
}

export const send = (who: Caller, op: Operation, req: { path: string; opts: CallOptions }): Promise<Reply> =>
  call(who.creds, op.method, req.path, req.opts);

/** Our callers: a person of each role and the key with every scope. */
export const callers = (c: Company): [Role | 'key', Caller][] => [
  ...(Object.entries(c.people) as [Role, Caller][]),
  ['key', c.key],
];

/** Whether `x-access` admits the caller: a role it lists, or (for the every-scope key) any scope. */
export function admits(access: XAccess | undefined, who: Role | 'key'): boolean {
  if (!access || 'public' in access) return access !== undefined;
  return who === 'key' ? access.scopes.length > 0 : (access.roles as string[]).includes(who);
}

/** Text of an answer or a file, to look for the other company's strings in. */
export const textOf = (r: Reply) => (typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
