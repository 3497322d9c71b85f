import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { newTenant } from '../../helpers/tenant';
import { count, rows } from '../support';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 60 * 60 * 1000;

/** Fires the Worker's cron handler as Cloudflare would, and waits for its work. */
async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '17 3 * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the daily cron clears what only mattered for a while', () => {
  it('expired sessions, login attempts past the window and day-old idempotency keys go; the rest stays', async () => {
    const t = await newTenant();
    const live = await count('sessions', 'tenant_id = ?', t.tenantId);
    expect(live, 'sign-up opened a session').toBeGreaterThan(0);
    await rows(
      `INSERT INTO sessions (id, tenant_id, user_id, token_hash, csrf_token, created_at, expires_at)
       VALUES ('ses_old', ?, ?, 'hash-old', 'csrf-old', ?, ?)`,
      t.tenantId,
      t.ownerId,
      ago(40 * 24 * HOUR),
      ago(HOUR),
    );
    await rows(
      `INSERT INTO login_failures (subject, at) VALUES ('ip:203.0.113.9', ?), ('ip:203.0.113.9', ?)`,
      ago(16 * 60 * 1000),
      ago(60 * 1000),
    );
    const key = (k: string, state: string, createdAgo: number, completedAgo: number | null) =>
      rows(
        `INSERT INTO idempotency_keys (tenant_id, key, request_hash, state, response_status, response_body, created_at, completed_at)
         VALUES (?, ?, 'h', ?, 200, '{}', ?, ?)`,
        t.tenantId,
        k,
        state,
        ago(createdAgo),
        completedAgo === null ? null : ago(completedAgo),
      );
    await key('old-done', 'done', 25 * HOUR, 25 * HOUR);
    await key('dead-claim', 'in_flight', 25 * HOUR, null);
    await key('fresh', 'done', HOUR, HOUR);

    await runCron();

    expect(await count('sessions', "id = 'ses_old'"), 'the expired session').toBe(0);
    expect(await count('sessions', 'tenant_id = ?', t.tenantId), 'live sessions stay').toBe(live);
    expect(
      (await rows<{ at: string }>(`SELECT at FROM login_failures WHERE subject = 'ip:203.0.113.9'`)).length,
      'only the attempt inside the 15-minute window stays',
    ).toBe(1);
    expect(
      (await rows<{ key: string }>('SELECT key FROM idempotency_keys WHERE tenant_id = ?', t.tenantId)).map(
        (r) => r.key,
      ),
    ).toEqual(['fresh']);
    // The owner's own session still works.
    expect((await t.owner.get('/me')).status).toBe(200);
  });
});
