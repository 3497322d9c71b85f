import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { type Access, type Authorizer, authorize } from '../access/authorize';
import { type ErrorCode, errorStatus } from '../lib/errors';
import { type MessageKey, messages } from '../lib/messages';
import { jsonText } from '../middleware/json-text';
import { errorBodySchema } from './schemas';

type RouteWithAccess = Omit<RouteConfig, 'middleware'> & { access: Access };

function describeAccess(access: Access) {
  if ('public' in access) return { public: true };
  return { roles: [...access.roles], scopes: [...access.scopes] };
}

/**
 * The failures every route of a kind can give, whatever its handler does: they come from the
 * middleware (authorizer, CSRF, body limit, text check, validator, error handler), so no
 * route file has to remember them and the document lists each status an operation answers.
 */
function impliedCodes(config: Omit<RouteWithAccess, 'responses'>): ErrorCode[] {
  const codes: ErrorCode[] = ['INTERNAL'];
  if (!('public' in config.access)) codes.push('UNAUTHORIZED', 'FORBIDDEN');
  if (!('public' in config.access) && config.method !== 'get') codes.push('CSRF_FAILED');
  const request = config.request ?? {};
  if (request.body) {
    codes.push('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION_FAILED');
    if ('application/json' in (request.body.content ?? {})) codes.push('MALFORMED_JSON');
  }
  if (request.query || request.params) codes.push('VALIDATION_FAILED');
  if (config.path.includes('{')) codes.push('NOT_FOUND');
  return codes;
}

/** An error a route documents: its code, or the code with the specific message it gives. */
export type DocumentedError = ErrorCode | { code: ErrorCode; message: MessageKey };
/** Each code of an entry with the message key it is documented with (the code's own by default). */
type ErrorTexts = Map<ErrorCode, MessageKey | undefined>;

/** The errors an `errorResponses` entry stands for, so defineRoute can merge in more. */
const entryErrors = new WeakMap<object, ErrorTexts>();

const textOf = (code: ErrorCode, key: MessageKey | undefined) =>
  messages[key ?? (code in messages ? (code as MessageKey) : 'INTERNAL')];

/** One documented error answer: its codes, each with its English text, and an example. */
export function errorEntry(errors: ErrorTexts) {
  const [first] = errors;
  const entry = {
    description: [...errors].map(([code, key]) => `${code}: ${textOf(code, key).en}`).join('; '),
    ...(errors.has('TOO_MANY_REQUESTS') && {
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before trying again (429 only)',
          schema: { type: 'integer' as const, minimum: 1 },
        },
      },
    }),
    'x-error-codes': [...errors.keys()],
    // Read by worker/openapi/document.ts to give each code its text in the reader's language.
    'x-error-messages': Object.fromEntries([...errors].filter(([, key]) => key !== undefined)),
    content: {
      'application/json': {
        schema: errorBodySchema,
        example: {
          error: {
            code: first?.[0],
            message: first ? textOf(first[0], first[1]).en : '',
            requestId: 'req_4fQ8cTz1Lm0pXa9K',
          },
        },
      },
    },
  };
  entryErrors.set(entry, errors);
  return entry;
}

/** OpenAPI entries for the error answers a route's own handler can give, by status. */
export function errorResponses(...documented: DocumentedError[]) {
  const byStatus = new Map<number, ErrorTexts>();
  for (const d of documented) {
    const [code, key] = typeof d === 'string' ? [d, undefined] : [d.code, d.message];
    const status = errorStatus[code];
    byStatus.set(status, (byStatus.get(status) ?? new Map()).set(code, key));
  }
  return Object.fromEntries([...byStatus].map(([status, errors]) => [status, errorEntry(errors)]));
}

/** The route's own responses plus the implied failures, one entry per status. */
function withImpliedErrors(config: Omit<RouteWithAccess, 'responses'>, responses: RouteConfig['responses']) {
  const byStatus = new Map<number, ErrorTexts>();
  for (const entry of Object.values(responses)) {
    for (const [code, key] of entryErrors.get(entry) ?? []) {
      const status = errorStatus[code];
      byStatus.set(status, (byStatus.get(status) ?? new Map()).set(code, key));
    }
  }
  for (const code of impliedCodes(config)) {
    const status = errorStatus[code];
    const errors = byStatus.get(status) ?? new Map();
    if (!errors.has(code)) errors.set(code, undefined);
    byStatus.set(status, errors);
  }
  const merged: RouteConfig['responses'] = { ...responses };
  for (const [status, errors] of byStatus) {
    const own = responses[status];
    // A route that documents a status with its own body (not an error envelope) keeps it.
    if (own && !entryErrors.has(own)) continue;
    merged[status] = errorEntry(errors);
  }
  return merged;
}

/**
 * The body of an operation that takes none of its own (publish, close, revoke, a delete …):
 * nothing, or `{}`, which clients send to action endpoints out of habit. Anything else is
 * refused like any bad body (400 for JSON that is not `{}`, 415 for another media type), so
 * the document and the behaviour agree on every operation. defineRoute gives it to each
 * non-GET route that declares no body.
 */
export const emptyBody = {
  required: false,
  description: 'None, or an empty JSON object `{}`',
  content: { 'application/json': { schema: z.object({}).strict().openapi('EmptyBody') } },
};

/** The request as served: a non-GET route without a body of its own takes `emptyBody`. */
function withEmptyBody(config: Omit<RouteWithAccess, 'responses'>): RouteConfig['request'] {
  if (config.method === 'get' || config.request?.body) return config.request;
  return { ...config.request, body: emptyBody };
}

/**
 * createRoute plus the one required statement of who may call it. The authorizer runs before
 * validation; the same declaration is published in the OpenAPI document as `x-access`, and
 * bearer/cookie security is stated for every non-public route. The failures the middleware
 * can give are added to the responses (see impliedCodes).
 */
export function defineRoute<P extends string, R extends Omit<RouteWithAccess, 'path'> & { path: P }>(
  config: R,
) {
  const { access, responses, ...rest } = config;
  const request = withEmptyBody(config);
  const security = 'public' in access ? [] : [{ bearer: [] }, { session: [] }];
  // Who may call first, then the body's text, then (by zod-openapi) its shape.
  const middleware: [Authorizer, typeof jsonText] = [authorize(access), jsonText];
  // The static type keeps the route's own request: clients may leave the empty body out.
  const route = {
    ...rest,
    ...(request && { request }),
    responses: withImpliedErrors({ ...config, ...(request && { request }) }, responses),
    middleware,
    security,
    'x-access': describeAccess(access),
  };
  return createRoute(route as unknown as Omit<R, 'access'> & { middleware: [Authorizer, typeof jsonText] });
}

export const jsonBody = <T>(schema: T, description = 'JSON body') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
