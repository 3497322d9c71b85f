// One small client for the scripts that drive the public API from outside (the demo seed,
// the benchmark, the browser tests' helpers): a signed-in person keeps the session cookie and
// CSRF token that login returns; an integrator sends its API key.

export class ApiClient {
  /** @param {string} baseUrl @param {{ apiKey?: string }} [options] */
  constructor(baseUrl, { apiKey } = {}) {
    this.baseUrl = baseUrl;
    this.origin = new URL(baseUrl).origin;
    this.apiKey = apiKey;
    this.cookie = '';
    this.csrf = '';
  }

  /** Sends one request and answers `{ status, body }`; `body` is JSON unless a string (then `type` says what). */
  async send(method, path, body, { type = 'application/json', headers = {} } = {}) {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Origin: this.origin,
        ...(body !== undefined && { 'Content-Type': type }),
        ...(this.apiKey && { Authorization: `Bearer ${this.apiKey}` }),
        ...(this.cookie && { Cookie: this.cookie, 'X-CSRF-Token': this.csrf }),
        ...headers,
      },
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, body: json };
  }

  /** Sends and insists on success; a failure shows the API's answer. */
  async must(method, path, body, options) {
    const res = await this.send(method, path, body, options);
    if (res.status >= 300) {
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    }
    return res.body;
  }
}
