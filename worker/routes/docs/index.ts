import { Hono } from 'hono';
import { authorize } from '../../access/authorize';
import type { AppEnv } from '../../env';
import { docsPage, docsStyle } from './page';
import { docsScript } from './script';

/**
 * The API reference page and its two files. It is the only HTML the API serves, so it states
 * its own CSP: its script, style and document from this origin, nothing inline, no framing.
 */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Public and cacheable for a few minutes: the reference has nothing of any tenant. */
const CACHE = 'public, max-age=300';

export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', authorize({ public: true }), (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('Cache-Control', CACHE);
    return c.html(docsPage);
  })
  .get('/docs/docs.js', authorize({ public: true }), (c) => {
    c.header('Cache-Control', CACHE);
    return c.body(docsScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  })
  .get('/docs/docs.css', authorize({ public: true }), (c) => {
    c.header('Cache-Control', CACHE);
    return c.body(docsStyle, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
