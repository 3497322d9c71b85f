import type { Access } from '../access/authorize';
import { ADMINS } from '../access/roles';

/**
 * Who reaches the organisation routes. Supervisors read the structure they work in (and, in
 * the service, only the employees of their departments); only HR and `org:write` keys change
 * anything. Employees reach only their own record (GET /me/employee, GET /employees/{id}).
 */
export const ORG_READERS: Access = {
  roles: ['owner', 'admin', 'auditor', 'supervisor'],
  scopes: ['org:read', 'org:write'],
};
export const ORG_WRITERS: Access = { roles: ADMINS, scopes: ['org:write'] };
