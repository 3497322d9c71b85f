// A realistic tenant, created through the public API the way a customer would: sign-up, one
// 客服部 with its 客服专员 position, N agents by CSV import, the cs-monthly scheme published and
// assigned, an integrator's API key. Periods are opened by the benchmark itself (it times that).
import { ApiClient } from '../api-client.mjs';

const METRICS = ['calls_answered', 'tickets_closed', 'reply_in_30min', 'utilization_rate', 'reports_on_time'];
export const METRICS_PER_EMPLOYEE = METRICS.length;

/** 工号 of the i-th seeded agent: KF0001 … */
export const employeeNo = (i) => `KF${String(i + 1).padStart(4, '0')}`;

/** 工号,姓名,部门,岗位 for agents `from` … `from + count - 1`. */
export function employeesCsv(from, count) {
  const lines = ['工号,姓名,部门,岗位'];
  for (let i = from; i < from + count; i++) lines.push(`${employeeNo(i)},客服${i + 1},客服部,客服专员`);
  return `${lines.join('\n')}\n`;
}

/** What a call-centre system pushes: five metrics for each of the agents `from` … (wrapping). */
export function ingestRows({ period, from, employees, count, seed = 0 }) {
  return Array.from({ length: count }, (_, r) => {
    const i = (from + Math.floor(r / METRICS.length)) % employees;
    const indicator = METRICS[r % METRICS.length];
    const value =
      indicator === 'calls_answered'
        ? 900 + ((i * 37 + seed) % 400)
        : indicator === 'tickets_closed'
          ? 100 + ((i * 11 + seed) % 60)
          : indicator === 'reports_on_time'
            ? 1
            : 0.7 + ((i * 7 + seed) % 30) / 100;
    return { employeeNo: employeeNo(i), period, indicator, value };
  });
}

/** Creates the tenant; resolves to the owner's session and the integrator's key. */
export async function seedTenant(baseUrl, { slug, employees }) {
  const owner = new ApiClient(baseUrl);
  const signedUp = await owner.must('POST', '/signup', {
    companyName: `基准测试物业（${slug}）`,
    slug,
    adminName: '基准',
    email: `owner@${slug}.example`,
    password: 'bench-password-2026',
  });
  await owner.must('POST', '/departments', { name: '客服部', site: '基准小区' });
  const pos = await owner.must('POST', '/positions', {
    name: '客服专员',
    baseSalaryFen: 300_000,
    bonusBaseFen: 100_000,
  });
  const imported = await owner.must('POST', '/employees/import', employeesCsv(0, employees), {
    type: 'text/csv',
  });
  if (imported.creates !== employees) throw new Error(`import created ${imported.creates} of ${employees}`);
  const scheme = await owner.must('POST', '/schemes', { fromTemplate: 'cs-monthly' });
  await owner.must('POST', `/schemes/${scheme.id}/versions/1/publish`, {});
  await owner.must('PUT', '/scheme-assignments', {
    targetType: 'position',
    targetId: pos.id,
    schemeId: scheme.id,
  });
  const key = await owner.must('POST', '/api-keys', {
    name: 'benchmark integrator',
    scopes: ['org:read', 'evaluations:read', 'evaluations:write', 'metrics:write'],
  });
  return {
    tenantId: signedUp.tenant.id,
    owner,
    integrator: new ApiClient(baseUrl, { apiKey: key.secret }),
    apiKey: key.secret,
  };
}
