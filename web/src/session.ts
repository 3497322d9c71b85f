import { computed, signal } from '@preact/signals';
import { api, ok, setCsrf } from './api';

export interface Me {
  tenant: { id: string; slug: string; name: string };
  /** mustChangePassword: someone else set the password; the person chooses their own first. */
  user: { id: string; name: string; email: string; role: string; mustChangePassword: boolean };
}

/** Set while this browser holds a session cookie (the cookie itself is HttpOnly). */
const HINT = 'signedIn';

/** Who is signed in: undefined until GET /me has answered, null when nobody. */
export const me = signal<Me | null | undefined>(undefined);

/**
 * Asks the API who is signed in (the cookie is HttpOnly, so the page cannot tell by itself).
 * Signed out, the API answers 401: expected, so it is read with fetch's status, never thrown.
 */
export async function loadMe(): Promise<Me | null> {
  // No session was started in this browser: nothing to ask (and no 401 to log).
  if (localStorage.getItem(HINT) === null) {
    me.value = null;
    return null;
  }
  const res = await api.me.$get().catch(() => null);
  if (!res?.ok) {
    localStorage.removeItem(HINT);
    me.value = null;
    return null;
  }
  const body = await res.json();
  if (body.principal.kind !== 'user') {
    me.value = null;
    return null;
  }
  setCsrf(body.principal.csrfToken);
  me.value = { tenant: body.tenant, user: body.principal.user };
  return me.value;
}

export function signedIn(body: { tenant: Me['tenant']; user: Me['user']; csrfToken: string }) {
  setCsrf(body.csrfToken);
  localStorage.setItem(HINT, '1');
  me.value = { tenant: body.tenant, user: body.user };
}

/** The password is the person's own now (POST /auth/password answered): the app opens. */
export function passwordChanged() {
  if (me.value) me.value = { ...me.value, user: { ...me.value.user, mustChangePassword: false } };
}

export async function signOut() {
  await ok(api.auth.logout.$post()).catch(() => undefined);
  setCsrf('');
  localStorage.removeItem(HINT);
  me.value = null;
}

const role = computed(() => me.value?.user.role);
export const isAdmin = () => role.value === 'owner' || role.value === 'admin';
export const canAudit = () => isAdmin() || role.value === 'auditor';
export const isSupervisor = () => role.value === 'supervisor';
export const isEmployee = () => role.value === 'employee';
/** HR, supervisors and auditors read the company's months; an employee only their own. */
export const seesOthers = () => !isEmployee();
