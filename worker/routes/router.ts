import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { fieldIssues } from '../lib/zod-issues';

/**
 * A router whose zod failures become one VALIDATION_FAILED error listing every field, in the
 * caller's language. Every resource builds its routes on one of these.
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        throw new ApiError('VALIDATION_FAILED', { details: fieldIssues(result.error, c.get('lang')) });
      }
    },
  });
}
