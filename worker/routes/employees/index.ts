import { EVERYONE } from '../../access/roles';
import {
  createEmployee,
  deactivateEmployee,
  getEmployee,
  listEmployees,
  myEmployee,
  updateEmployee,
} from '../../services/org/employees';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { ORG_READERS, ORG_WRITERS } from '../org-access';
import { router } from '../router';
import { idParam, pageOf } from '../schemas';
import { createEmployeeBody, employeeQuery, employeeSchema, updateEmployeeBody } from './schema';

const tags = ['Employees'];

const list = defineRoute({
  method: 'get',
  path: '/employees',
  tags,
  operationId: 'listEmployees',
  summary: 'List employees by 工号; a supervisor sees only the employees of their departments',
  access: ORG_READERS,
  request: { query: employeeQuery },
  responses: {
    200: jsonResponse(pageOf(employeeSchema), 'A page of employees'),
    ...errorResponses('BAD_REQUEST', 'VALIDATION_FAILED'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/employees/{id}',
  tags,
  operationId: 'getEmployee',
  summary: 'One employee. Supervisors: only of their departments; employees: only themselves (404 otherwise)',
  access: { roles: EVERYONE, scopes: ['org:read', 'org:write'] },
  request: { params: idParam('emp') },
  responses: { 200: jsonResponse(employeeSchema, 'The employee'), ...errorResponses('NOT_FOUND') },
});
const mine = defineRoute({
  method: 'get',
  path: '/me/employee',
  tags,
  operationId: 'myEmployee',
  summary: "The caller's own employee record (404 when their login is linked to none)",
  access: { roles: EVERYONE, scopes: [] },
  responses: { 200: jsonResponse(employeeSchema, 'Your employee record'), ...errorResponses('NOT_FOUND') },
});
const create = defineRoute({
  method: 'post',
  path: '/employees',
  tags,
  operationId: 'createEmployee',
  summary: 'Create an employee; the 工号 is unique in the company (409 naming employeeNo)',
  access: ORG_WRITERS,
  request: { body: jsonBody(createEmployeeBody) },
  responses: {
    201: jsonResponse(employeeSchema, 'Created'),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT'),
  },
});
const patch = defineRoute({
  method: 'patch',
  path: '/employees/{id}',
  tags,
  operationId: 'updateEmployee',
  summary: 'Change an employee (null clears supervisorUserId or userId)',
  access: ORG_WRITERS,
  request: { params: idParam('emp'), body: jsonBody(updateEmployeeBody) },
  responses: {
    200: jsonResponse(employeeSchema, 'Updated'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/employees/{id}',
  tags,
  operationId: 'deactivateEmployee',
  summary: 'Deactivate an employee: employees are never deleted, because evaluations refer to them',
  access: ORG_WRITERS,
  request: { params: idParam('emp') },
  responses: { 200: jsonResponse(employeeSchema, 'Deactivated'), ...errorResponses('NOT_FOUND') },
});

const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

export const employeeRoutes = router()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listEmployees(scopeOf(c), { ...q, active: flag(q.active) }), 200);
  })
  .openapi(mine, async (c) => c.json(await myEmployee(scopeOf(c)), 200))
  .openapi(get, async (c) => c.json(await getEmployee(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await createEmployee(scopeOf(c), c.req.valid('json')), 201))
  .openapi(patch, async (c) =>
    c.json(await updateEmployee(scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(remove, async (c) => c.json(await deactivateEmployee(scopeOf(c), c.req.valid('param').id), 200));
