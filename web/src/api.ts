import { hc } from 'hono/client';
import type { ApiV1 } from '../../worker/app';
import { currentLang } from './i18n';

let csrfToken = '';
export const setCsrf = (token: string) => {
  csrfToken = token;
};

/** The typed client of the API: paths, bodies and answers are checked against the Worker's routes. */
export const api = hc<ApiV1>('/api/v1', {
  headers: () => ({ 'Accept-Language': currentLang(), ...(csrfToken && { 'X-CSRF-Token': csrfToken }) }),
  init: { credentials: 'same-origin' },
});

/** The API's error envelope, as text for a person: the message, then each field's message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: { message?: string }[] };
}

/** Resolves a client call to its JSON body, or throws ApiFailure with the server's own words. */
export async function ok<T>(res: Promise<{ ok: boolean; status: number; json(): Promise<T> }>): Promise<T> {
  const r = await res;
  if (r.ok) return r.status === 204 ? (undefined as T) : r.json();
  const body = (await r.json().catch(() => ({}))) as ErrorEnvelope;
  const details = Array.isArray(body.error?.details)
    ? body.error.details.map((d) => d.message).filter(Boolean)
    : [];
  throw new ApiFailure(r.status, body.error?.code ?? 'HTTP', [body.error?.message, ...details].join('\n'));
}
