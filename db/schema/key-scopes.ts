/** API-key scopes. Kept free of imports so the dashboard can share the list. */
export const keyScopes = [
  'org:read',
  'org:write',
  'schemes:read',
  'schemes:write',
  'evaluations:read',
  'evaluations:write',
  'metrics:write',
  'reports:read',
  'reports:write',
  'audit:read',
] as const;
export type KeyScope = (typeof keyScopes)[number];
