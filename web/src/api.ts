import { hc } from 'hono/client';
import type { ApiV1 } from '../../worker/app';
import { currentLang } from './i18n';

let csrfToken = '';
export const setCsrf = (token: string) => {
  csrfToken = token;
};

/** Headers every call sends: the reader's language, and the CSRF token for cookie writes. */
export const apiHeaders = (): Record<string, string> => ({
  'Accept-Language': currentLang(),
  ...(csrfToken && { 'X-CSRF-Token': csrfToken }),
});

/** The typed client of the API: paths, bodies and answers are checked against the Worker's routes. */
export const api = hc<ApiV1>('/api/v1', { headers: apiHeaders, init: { credentials: 'same-origin' } });

/** One invalid field as the API reports it: a dotted path into the payload, a code, a message. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  line?: number;
}

/** The API's error envelope: its code, its localised message and each field's issue. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: unknown };
}

const isIssue = (d: unknown): d is FieldIssue =>
  typeof d === 'object' && d !== null && typeof (d as FieldIssue).field === 'string';

/** The failure a non-2xx answer stands for. */
export async function failureOf(r: { status: number; json(): Promise<unknown> }): Promise<ApiFailure> {
  const body = (await r.json().catch(() => ({}))) as ErrorEnvelope;
  const details = Array.isArray(body.error?.details) ? body.error.details.filter(isIssue) : [];
  return new ApiFailure(r.status, body.error?.code ?? 'INTERNAL', body.error?.message ?? '', details);
}

/** Resolves a client call to its JSON body, or throws ApiFailure with the server's own words. */
export async function ok<T>(res: Promise<{ ok: boolean; status: number; json(): Promise<T> }>): Promise<T> {
  const r = await res;
  if (r.ok) return r.status === 204 ? (undefined as T) : r.json();
  throw await failureOf(r as { status: number; json(): Promise<unknown> });
}

/** Reads every page of a cursor-paged list. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
