import type { Role } from '../../db/schema';

/** Named role sets that routes declare, so the policy reads the same everywhere. */
export const ADMINS: readonly Role[] = ['owner', 'admin'];
export const READERS: readonly Role[] = ['owner', 'admin', 'auditor'];
export const EVERYONE: readonly Role[] = ['owner', 'admin', 'supervisor', 'employee', 'auditor'];
