export * from './api-keys';
export * from './audit-log';
export * from './tenants';
export * from './users';
