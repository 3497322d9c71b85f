import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../worker/index';
import { type Caller, caller, type Send } from './client';

/**
 * The Worker's own fetch handler with this test's bindings: `{ DB: countingD1(env.DB).db }`
 * and the like replace the real ones for the calls of one caller. Only a test can do this,
 * so a wrapper can never be switched on in production.
 */
export function sendWith(bindings: Partial<Cloudflare.Env>): Send {
  const testEnv = { ...env, ...bindings };
  return async (url, init) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(url, init), testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
}

/** The same person or key as `who`, calling through the Worker with this test's bindings. */
export const through = (who: Caller, bindings: Partial<Cloudflare.Env>): Caller =>
  caller(who.creds, sendWith(bindings));
