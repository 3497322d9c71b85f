import type { KeyScope, Role } from '../../db/schema';
import type { Principal } from '../env';

/*
 * Who is acting. A person acts through their session; a key acts for the person who created it
 * (or was handed it): it is refused wherever that person would be, and never reaches further
 * than their current role. Every rule of the policy starts from these few facts.
 */

/** The person behind a principal: the signed-in user, or the key's creator. */
export const personOf = (p: Principal): string => (p.kind === 'user' ? p.userId : p.createdBy);

/** The role the person acting holds today (for a key: its creator's). */
export const roleOf = (p: Principal): Role => (p.kind === 'user' ? p.role : p.creatorRole);

/** Owners and admins: HR, who run the month for the whole company. */
export const isHr = (role: Role) => role === 'owner' || role === 'admin';

/**
 * Whether the principal reads the whole company: HR and auditors, and keys (whose route
 * access already asked for a read scope, and whose creator is HR or the key does not work).
 */
export const seesWholeTenant = (p: Principal): boolean =>
  p.kind === 'api_key' || isHr(p.role) || p.role === 'auditor';

/** Whether a key holds any of these scopes; a person is judged by role, so always true. */
export const hasScope = (p: Principal, ...scopes: KeyScope[]): boolean =>
  p.kind === 'user' || scopes.some((s) => p.scopes.includes(s));

/**
 * Whether `userId` is one of the principal's selves: the person, or whoever controls the
 * account acted through (set its password), so their evaluation and pay are off limits.
 */
export const isSelf = (p: Principal, userId: string | null | undefined): boolean =>
  userId != null && p.selves.includes(userId);

/** The login of a person signed in (a key has none): whose own records `/me/…` shows. */
export const loginOf = (p: Principal): string | undefined => (p.kind === 'user' ? p.userId : undefined);

/** The key a change came through, if any (recorded on inputs beside the person it acted for). */
export const keyOf = (p: Principal): string | null => (p.kind === 'api_key' ? p.keyId : null);
