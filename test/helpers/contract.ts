import type { ZodType } from 'zod';
import { createApp } from '../../worker/app';

/*
 * Every answer a test receives is held to its route's contract, as openstatus's tests parse
 * each response with the route's own schema: the status must be one the operation documents,
 * and a JSON body must parse with the zod schema documented for that status. The routes come
 * from the app's own OpenAPI registry, so a route added anywhere is checked without a line here.
 */

interface Documented {
  method: string;
  operationId: string;
  pattern: RegExp;
  /** Literal paths win over templated ones (`/schemes/templates` before `/schemes/{id}`). */
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: object }>;
}

let documented: Documented[] | undefined;

function routes(): Documented[] {
  if (documented) return documented;
  documented = createApp()
    .openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []))
    .map((r) => ({
      method: r.method.toUpperCase(),
      operationId: r.operationId ?? `${r.method} ${r.path}`,
      pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      params: (r.path.match(/\{/g) ?? []).length,
      responses: r.responses as Documented['responses'],
    }))
    .sort((a, b) => a.params - b.params);
  return documented;
}

/**
 * Headers a route sets on purpose, which clients act on: each must be declared on the
 * response that carries it. (X-Request-Id, the security headers and Cache-Control are on
 * every answer, set by middleware, and stated once in the README.)
 */
const ROUTE_HEADERS = ['etag', 'retry-after', 'idempotent-replayed', 'content-disposition', 'location'];

const isZod = (s: unknown): s is ZodType => typeof (s as ZodType | undefined)?.safeParse === 'function';

/** Throws, naming the operation, when an answer breaks its documented contract. */
export function assertContract(
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: unknown,
  headers?: Headers,
) {
  const path = url.split('?')[0]!;
  const route = routes().find((r) => r.method === method && r.pattern.test(path));
  if (!route) return; // no such operation: the 404 ROUTE_NOT_FOUND is the API's, not a route's
  const where = `${route.operationId} (${method} ${path}) answered ${status}`;
  const entry = route.responses[String(status)];
  if (!entry) {
    throw new Error(
      `${where}, a status its OpenAPI responses do not list (${Object.keys(route.responses).join(', ')}): document it. Body: ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
  const declared = Object.keys(entry.headers ?? {}).map((h) => h.toLowerCase());
  const undeclared = ROUTE_HEADERS.filter((h) => headers?.has(h) && !declared.includes(h));
  if (undeclared.length > 0) {
    throw new Error(
      `${where} with the header(s) ${undeclared.join(', ')}, which its response does not declare`,
    );
  }
  const schema = entry.content?.['application/json']?.schema;
  if (!contentType.includes('application/json') || !isZod(schema)) return;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .slice(0, 8);
    throw new Error(
      `${where} with a body its schema refuses:\n  ${issues.join('\n  ')}\nBody: ${JSON.stringify(body).slice(0, 500)}`,
    );
  }
}
