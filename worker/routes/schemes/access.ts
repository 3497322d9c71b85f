import { ADMINS, EVERYONE } from '../../access/roles';

/** Everyone reads schemes (a supervisor scores with them); owners and admins change them. */
export const read = { roles: EVERYONE, scopes: ['schemes:read', 'schemes:write'] } as const;
export const write = { roles: ADMINS, scopes: ['schemes:write'] } as const;
export const tags = ['Schemes'];
