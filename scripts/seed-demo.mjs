// Seeds the demo company through the public API (the same path a real customer takes), once.
// What it created is kept in .wrangler/demo.json so later starts can print it again: the
// API key's secret is shown only once by the API.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const DEMO = {
  companyName: '绿苑物业服务有限公司（演示）',
  slug: 'demo',
  adminName: '王丽',
  email: 'admin@demo.example',
  password: 'jixiao-demo-2026',
};

class Session {
  constructor(baseUrl, origin) {
    this.baseUrl = baseUrl;
    this.origin = origin;
    this.cookie = '';
    this.csrf = '';
  }

  async send(method, path, body) {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Origin: this.origin,
        ...(this.cookie && { Cookie: this.cookie, 'X-CSRF-Token': this.csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, body: json };
  }

  async must(method, path, body) {
    const res = await this.send(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

/** Returns the demo credentials, creating the company on first run. */
export async function seedDemo(baseUrl, stateFile) {
  if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8'));
  const s = new Session(baseUrl, new URL(baseUrl).origin);
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
    ],
  });
  const state = { ...DEMO, apiKey: key.secret };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}
