// Seeds the demo company through the public API (the same path a real customer takes), once.
// What it created is kept in .wrangler/demo.json so later starts can print it again: the
// API key's secret is shown only once by the API.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ApiClient } from './api-client.mjs';

export const DEMO = {
  companyName: '绿苑物业服务有限公司（演示）',
  slug: 'demo',
  adminName: '王丽',
  email: 'admin@demo.example',
  password: 'jixiao-demo-2026',
};

/** Returns the demo credentials, creating the company on first run. */
export async function seedDemo(baseUrl, stateFile) {
  if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8'));
  const s = new ApiClient(baseUrl);
  const signup = await s.send('POST', '/signup', DEMO);
  if (signup.status === 409)
    await s.must('POST', '/auth/login', { slug: DEMO.slug, email: DEMO.email, password: DEMO.password });
  else if (signup.status !== 201)
    throw new Error(`demo sign-up: ${signup.status} ${JSON.stringify(signup.body)}`);
  const key = await s.must('POST', '/api-keys', {
    name: '演示集成密钥（呼叫中心）',
    scopes: [
      'org:read',
      'schemes:read',
      'evaluations:read',
      'evaluations:write',
      'metrics:write',
      'reports:read',
      'reports:write',
      // The README's audit-log export: a report of the log needs the scope that reads it.
      'audit:read',
    ],
  });
  await seedMonth(s, key.secret, baseUrl);
  const state = { ...DEMO, apiKey: key.secret };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

const STAFF = [
  ['KF001', '张敏'],
  ['KF002', '李娜'],
  ['KF003', '王强'],
  ['KF004', '赵静'],
  ['KF005', '陈晨'],
  ['KF006', '刘洋'],
];

/** A 客服部 with six agents on the 客服专员 template, the current month open with its counts in. */
async function seedMonth(s, apiKey, baseUrl) {
  const dep = await s.must('POST', '/departments', { name: '客服部', site: '绿苑小区' });
  const pos = await s.must('POST', '/positions', {
    name: '客服专员',
    baseSalaryFen: 300_000,
    bonusBaseFen: 100_000,
  });
  for (const [employeeNo, name] of STAFF) {
    await s.must('POST', '/employees', { employeeNo, name, departmentId: dep.id, positionId: pos.id });
  }
  const scheme = await s.must('POST', '/schemes', { fromTemplate: 'cs-monthly' });
  await s.must('POST', `/schemes/${scheme.id}/versions/1/publish`, {});
  await s.must('PUT', '/scheme-assignments', {
    targetType: 'position',
    targetId: pos.id,
    schemeId: scheme.id,
  });
  const period = new Date().toISOString().slice(0, 7);
  await s.must('POST', '/periods', { key: period });
  // What a call-centre system would push: calls, tickets, reply and utilisation rates.
  const rows = STAFF.flatMap(([employeeNo], i) => [
    { employeeNo, period, indicator: 'calls_answered', value: 1000 + i * 40 },
    { employeeNo, period, indicator: 'tickets_closed', value: 120 + i * 6 },
    { employeeNo, period, indicator: 'reply_in_30min', value: 0.9 + i * 0.015 },
    { employeeNo, period, indicator: 'utilization_rate', value: 0.7 + i * 0.03 },
    { employeeNo, period, indicator: 'reports_on_time', value: 1 },
  ]);
  rows.push({
    employeeNo: 'KF003',
    period,
    indicator: 'call_quality',
    rule: 'no_staff_no',
    count: 2,
    evidence: { recordingId: 'REC-0309' },
  });
  await new ApiClient(baseUrl, { apiKey }).must(
    'POST',
    '/ingest',
    { rows },
    { headers: { 'Idempotency-Key': `demo-${period}` } },
  );
  // What the supervisor adds by hand: the exam, their rating, one monitored call each.
  const { items } = await s.must('GET', `/evaluations?limit=100&sort=employeeNo`);
  for (const [i, e] of items.entries()) {
    await s.must(
      'POST',
      `/evaluations/${e.id}/inputs`,
      {
        ratings: [
          { indicator: 'exam', value: 78 + i * 4 },
          { indicator: 'supervisor_rating', value: 7 + i * 0.5 },
        ],
        checks: [
          {
            indicator: 'call_monitoring',
            callId: `REC-${1000 + i}`,
            passed: [
              'answer_in_3_rings',
              'greeting',
              'no_interrupt',
              'confirm_need',
              'polite_close',
              ...(i % 2 ? ['use_surname'] : []),
            ],
          },
        ],
      },
      { headers: { 'If-Match': e.etag } },
    );
  }
}
