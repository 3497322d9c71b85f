import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { pickLang } from '../lib/i18n';
import { randomBase62 } from '../lib/ids';

/** Gives every request an id (echoed in X-Request-Id and every error) and its language. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = `req_${randomBase62(16)}`;
  c.set('requestId', requestId);
  c.set('lang', pickLang(c.req.header('Accept-Language')));
  await next();
  c.header('X-Request-Id', requestId);
};
