export * from './api-keys';
export * from './audit-log';
export * from './evaluations';
export * from './idempotency';
export * from './org';
export * from './schemes';
export * from './tenants';
export * from './users';
