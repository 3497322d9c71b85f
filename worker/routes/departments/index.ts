import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  setDepartmentSupervisors,
  updateDepartment,
} from '../../services/org/departments';
import { scopeOf } from '../../services/scope';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { ORG_READERS, ORG_WRITERS } from '../org-access';
import { router } from '../router';
import { idParam, pageOf, pageQuery } from '../schemas';
import { createDepartmentBody, departmentSchema, supervisorsBody, updateDepartmentBody } from './schema';

const tags = ['Departments'];

const list = defineRoute({
  method: 'get',
  path: '/departments',
  tags,
  operationId: 'listDepartments',
  summary: 'List departments (部门), by name',
  access: ORG_READERS,
  request: { query: pageQuery },
  responses: {
    200: jsonResponse(pageOf(departmentSchema), 'A page of departments'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/departments/{id}',
  tags,
  operationId: 'getDepartment',
  summary: 'One department',
  access: ORG_READERS,
  request: { params: idParam('dep') },
  responses: { 200: jsonResponse(departmentSchema, 'The department'), ...errorResponses('NOT_FOUND') },
});
const create = defineRoute({
  method: 'post',
  path: '/departments',
  tags,
  operationId: 'createDepartment',
  summary: 'Create a department; the name is unique in the company',
  access: ORG_WRITERS,
  request: { body: jsonBody(createDepartmentBody) },
  responses: {
    201: jsonResponse(departmentSchema, 'Created'),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT'),
  },
});
const patch = defineRoute({
  method: 'patch',
  path: '/departments/{id}',
  tags,
  operationId: 'updateDepartment',
  summary: 'Rename a department or change its project site',
  access: ORG_WRITERS,
  request: { params: idParam('dep'), body: jsonBody(updateDepartmentBody) },
  responses: {
    200: jsonResponse(departmentSchema, 'Updated'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/departments/{id}',
  tags,
  operationId: 'deleteDepartment',
  summary: 'Delete an unused department (409 while employees, evaluations or schemes refer to it)',
  access: ORG_WRITERS,
  request: { params: idParam('dep') },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('NOT_FOUND', 'CONFLICT') },
});
const supervisors = defineRoute({
  method: 'put',
  path: '/departments/{id}/supervisors',
  tags,
  operationId: 'setDepartmentSupervisors',
  summary: 'Replace the supervisors scoped to a department (users with the supervisor role)',
  access: ORG_WRITERS,
  request: { params: idParam('dep'), body: jsonBody(supervisorsBody) },
  responses: {
    200: jsonResponse(departmentSchema, 'The department with its new supervisors'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND'),
  },
});

export const departmentRoutes = router()
  .openapi(list, async (c) => c.json(await listDepartments(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => c.json(await getDepartment(scopeOf(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await createDepartment(scopeOf(c), c.req.valid('json')), 201))
  .openapi(patch, async (c) =>
    c.json(await updateDepartment(scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(remove, async (c) => {
    await deleteDepartment(scopeOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(supervisors, async (c) =>
    c.json(
      await setDepartmentSupervisors(scopeOf(c), c.req.valid('param').id, c.req.valid('json').userIds),
      200,
    ),
  );
