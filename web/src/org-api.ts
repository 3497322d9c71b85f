import type { InferResponseType } from 'hono/client';
import { allPages, api, ok } from './api';

export type Department = InferResponseType<typeof api.departments.$get, 200>['items'][number];
export type Position = InferResponseType<typeof api.positions.$get, 200>['items'][number];
export type Employee = InferResponseType<typeof api.employees.$get, 200>['items'][number];
export type User = InferResponseType<typeof api.users.$get, 200>['items'][number];
/** What the caller may do to an account, as the API says on each (`allowedActions`). */
export type AccountAction = User['allowedActions'][number];

const page = { limit: '200' };

export const loadDepartments = () =>
  allPages((cursor) => ok(api.departments.$get({ query: { ...page, ...(cursor && { cursor }) } })));
export const loadPositions = () =>
  allPages((cursor) => ok(api.positions.$get({ query: { ...page, ...(cursor && { cursor }) } })));
export const loadEmployees = (
  filters: { q?: string; departmentId?: string; positionId?: string; active?: 'true' | 'false' } = {},
) =>
  allPages((cursor) => ok(api.employees.$get({ query: { ...page, ...filters, ...(cursor && { cursor }) } })));
export const loadUsers = () =>
  allPages((cursor) => ok(api.users.$get({ query: { ...page, ...(cursor && { cursor }) } })));

/** id → name, for showing references by name. */
export const namesById = <T extends { id: string; name: string }>(rows: T[]) =>
  new Map(rows.map((r) => [r.id, r.name]));
