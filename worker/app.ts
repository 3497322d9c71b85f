import { OpenAPIHono } from '@hono/zod-openapi';
import { authorize, failClosed } from './access/authorize';
import type { AppEnv } from './env';
import { limitBody } from './middleware/body-limit';
import { onError, onNotFound } from './middleware/errors';
import { requestContext } from './middleware/request-context';
import { apiKeyRoutes } from './routes/api-keys';
import { auditRoutes } from './routes/audit-log';
import { authRoutes } from './routes/auth';
import { departmentRoutes } from './routes/departments';
import { docsPage } from './routes/docs/page';
import { employeeRoutes } from './routes/employees';
import { employeeImportRoutes } from './routes/employees/import';
import { evaluationRoutes } from './routes/evaluations';
import { ingestRoutes } from './routes/ingest';
import { periodRoutes } from './routes/periods';
import { positionRoutes } from './routes/positions';
import { reportRoutes } from './routes/reports';
import { assignmentRoutes } from './routes/scheme-assignments';
import { schemeRoutes } from './routes/schemes';
import { userRoutes } from './routes/users';

export const API_BASE = '/api/v1';

const openApiConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Jixiao (绩效) API',
    version: '1.0.0',
    description:
      'Performance evaluation for property-company customer service. People use a session cookie ' +
      '(writes need X-CSRF-Token and a same-origin Origin); integrators use `Authorization: Bearer pek_…`.',
  },
  servers: [{ url: '/' }],
};

/** Every /api/v1 resource; its type is what the dashboard's typed client (hono/client) reads. */
function apiV1() {
  return new OpenAPIHono<AppEnv>()
    .route('/', authRoutes)
    .route('/', userRoutes)
    .route('/', apiKeyRoutes)
    .route('/', auditRoutes)
    .route('/', assignmentRoutes)
    .route('/', periodRoutes)
    .route('/', evaluationRoutes)
    .route('/', ingestRoutes)
    .route('/', departmentRoutes)
    .route('/', positionRoutes)
    .route('/', employeeRoutes)
    .route('/', employeeImportRoutes)
    .route('/', schemeRoutes)
    .route('/', reportRoutes);
}
export type ApiV1 = ReturnType<typeof apiV1>;

/** The one app factory, used by the Worker and by the tests alike. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext);
  app.use(`${API_BASE}/*`, limitBody);
  // Every route, not only /api/v1: one added anywhere without access answers 403.
  app.use('*', failClosed);

  app.route(API_BASE, apiV1());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'jx_session',
  });
  app.get(`${API_BASE}/openapi.json`, authorize({ public: true }), (c) =>
    c.json(app.getOpenAPI31Document(openApiConfig)),
  );
  app.get(`${API_BASE}/docs`, authorize({ public: true }), (c) => c.html(docsPage));

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
