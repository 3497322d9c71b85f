import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { ApiError, type ErrorBody } from '../lib/errors';

function send(c: Context<AppEnv>, err: ApiError) {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.localized(c.get('lang') ?? 'zh-CN'),
      ...(err.options.details !== undefined && { details: err.options.details }),
      ...(err.options.field !== undefined && {
        details: [
          { field: err.options.field, code: err.code, message: err.localized(c.get('lang') ?? 'zh-CN') },
        ],
      }),
      requestId: c.get('requestId') ?? '',
    },
  };
  for (const [k, v] of Object.entries(err.options.headers ?? {})) c.header(k, v);
  c.header('X-Request-Id', body.error.requestId);
  return c.json(body, err.status as ContentfulStatusCode);
}

/** Hono's own exceptions (bad JSON, wrong media type, body limit) in our envelope. */
function fromHttpException(e: HTTPException): ApiError {
  if (e.status === 415) return new ApiError('UNSUPPORTED_MEDIA_TYPE');
  if (e.status === 413) return new ApiError('PAYLOAD_TOO_LARGE');
  if (e.status === 400 && /JSON/i.test(e.message)) return new ApiError('MALFORMED_JSON');
  if (e.status === 401) return new ApiError('UNAUTHORIZED');
  return new ApiError('BAD_REQUEST');
}

/** Every failure leaves as `{error:{code,message,details?,requestId}}`; a 500 shows no internals. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return send(c, err);
  if (err instanceof HTTPException) return send(c, fromHttpException(err));
  console.error(
    JSON.stringify({ requestId: c.get('requestId'), error: String(err), stack: (err as Error).stack }),
  );
  return send(c, new ApiError('INTERNAL'));
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  send(
    c,
    new ApiError('NOT_FOUND', {
      message: 'ROUTE_NOT_FOUND',
      params: { method: c.req.method, path: c.req.path },
    }),
  );
