import { z } from '@hono/zod-openapi';
import { roles } from '../../../db/schema';
import { accountActions } from '../../access/policy';
import { ADMINS } from '../../access/roles';
import { scopeOf } from '../../services/scope';
import { createUser, deleteUser, findUser, listUsers, updateUser, userAnswer } from '../../services/users';
import { userSchema } from '../auth/schema';
import { defineRoute, errorResponses, jsonBody, jsonResponse } from '../define';
import { router } from '../router';
import { changesSomething, email, idParam, pageOf, pageQuery, password, personName } from '../schemas';

// People accounts are managed by people: no key scope reaches these routes.
const access = { roles: ADMINS, scopes: [] } as const;
const tags = ['Users'];
/** A user as these routes answer: what the caller may do to the account comes with it. */
const userWithActions = userSchema
  .extend({
    allowedActions: z.array(z.enum(accountActions)),
    assignableRoles: z
      .array(z.enum(roles))
      .openapi({ description: 'The roles the caller may give this account' }),
  })
  .openapi('ManagedUser');

const createBody = z
  .object({ email, name: personName, role: z.enum(roles), password })
  .strict()
  .openapi('CreateUser');
const patchBody = z
  .object({ name: personName, role: z.enum(roles), active: z.boolean(), password })
  .partial()
  .strict()
  .refine(...changesSomething)
  .openapi('UpdateUser');

const list = defineRoute({
  method: 'get',
  path: '/users',
  tags,
  operationId: 'listUsers',
  summary: 'List the users of the company',
  access,
  request: { query: pageQuery },
  responses: {
    200: jsonResponse(pageOf(userWithActions), 'A page of users'),
    ...errorResponses('BAD_REQUEST'),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/users/{id}',
  tags,
  operationId: 'getUser',
  summary: 'One user',
  access,
  request: { params: idParam('usr') },
  responses: { 200: jsonResponse(userWithActions, 'The user'), ...errorResponses('NOT_FOUND') },
});
const create = defineRoute({
  method: 'post',
  path: '/users',
  tags,
  operationId: 'createUser',
  summary: 'Create a user (only an owner may create another owner)',
  access,
  request: { body: jsonBody(createBody) },
  responses: {
    201: jsonResponse(userWithActions, 'Created'),
    ...errorResponses('VALIDATION_FAILED', 'CONFLICT'),
  },
});
const patch = defineRoute({
  method: 'patch',
  path: '/users/{id}',
  tags,
  operationId: 'updateUser',
  summary:
    'Change name, role, active flag or password; ends the user’s sessions on role/password/deactivation',
  access,
  request: { params: idParam('usr'), body: jsonBody(patchBody) },
  responses: {
    200: jsonResponse(userWithActions, 'Updated'),
    ...errorResponses('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT'),
  },
});
const remove = defineRoute({
  method: 'delete',
  path: '/users/{id}',
  tags,
  operationId: 'deleteUser',
  summary: 'Delete a user (not yourself, not the last owner)',
  access,
  request: { params: idParam('usr') },
  responses: { 204: { description: 'Deleted' }, ...errorResponses('NOT_FOUND', 'CONFLICT') },
});

export const userRoutes = router()
  .openapi(list, async (c) => c.json(await listUsers(scopeOf(c), c.req.valid('query')), 200))
  .openapi(get, async (c) => {
    const scope = scopeOf(c);
    return c.json(userAnswer(scope, await findUser(scope, c.req.valid('param').id)), 200);
  })
  .openapi(create, async (c) => c.json(await createUser(scopeOf(c), c.req.valid('json')), 201))
  .openapi(patch, async (c) =>
    c.json(await updateUser(scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(remove, async (c) => {
    await deleteUser(scopeOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
