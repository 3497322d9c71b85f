import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

/**
 * Hono's secure-headers for every API answer. JSON needs no sources at all, so the CSP is
 * `default-src 'none'` and nothing may frame it. `overwrite: false` lets the one route that
 * serves a page (the API reference, which needs its own script and style) state its own CSP.
 */
export const apiSecureHeaders: MiddlewareHandler<AppEnv> = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  permissionsPolicy: { camera: false, microphone: false, geolocation: false, payment: false, usb: false },
  overwrite: false,
});

/**
 * `Cache-Control: no-store` on every answer that does not say otherwise: authenticated
 * answers, errors and the sign-in answers that carry a CSRF token must never sit in a browser
 * or proxy cache. Only the public API reference opts into caching.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};
