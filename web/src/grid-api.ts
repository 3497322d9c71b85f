import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, ok } from './api';

export type Grid = InferResponseType<(typeof api.periods)[':id']['grid']['$get'], 200>;
export type GridRow = Grid['rows'][number];
export type GridColumn = Grid['columns'][number];
export type GridSave = InferRequestType<(typeof api.periods)[':id']['grid']['$put']>['json'];

/** The period's grid as the caller may see it, one department when named. */
export const loadGrid = (periodId: string, departmentId?: string) =>
  ok(api.periods[':id'].grid.$get({ param: { id: periodId }, query: departmentId ? { departmentId } : {} }));

/** Saves many cells in one request: all of them, or none and the issues per row and cell. */
export const saveGrid = (periodId: string, rows: GridSave['rows']) =>
  ok(api.periods[':id'].grid.$put({ param: { id: periodId }, json: { rows } }));
