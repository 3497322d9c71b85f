import { api, ok, setCsrf } from './api';

export interface Me {
  tenant: { id: string; slug: string; name: string };
  user: { id: string; name: string; email: string; role: string };
}

let me: Me | null = null;
export const currentMe = () => me;

/** Asks the API who is signed in (the cookie is HttpOnly, so the page cannot tell by itself). */
export async function loadMe(): Promise<Me | null> {
  try {
    const body = await ok(api.me.$get());
    if (body.principal.kind !== 'user') return null;
    setCsrf(body.principal.csrfToken);
    me = { tenant: body.tenant, user: body.principal.user };
  } catch {
    me = null;
  }
  return me;
}

export function signedIn(body: { tenant: Me['tenant']; user: Me['user']; csrfToken: string }) {
  setCsrf(body.csrfToken);
  me = { tenant: body.tenant, user: body.user };
}

export async function signOut() {
  await ok(api.auth.logout.$post()).catch(() => undefined);
  setCsrf('');
  me = null;
}

export const isAdmin = () => me?.user.role === 'owner' || me?.user.role === 'admin';
export const canAudit = () => isAdmin() || me?.user.role === 'auditor';
export const isSupervisor = () => me?.user.role === 'supervisor';
export const isEmployee = () => me?.user.role === 'employee';
