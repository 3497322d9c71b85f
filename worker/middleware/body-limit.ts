import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';

/**
 * 1 MiB per request body: room for a 1,000-row ingestion call or a CSV of several thousand
 * employees, far below the Worker's 128 MB, and small enough that a flood costs little.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', { params: { limit: MAX_BODY_BYTES } });
  },
});
