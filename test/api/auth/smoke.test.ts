import { describe, expect, it } from 'vitest';
import { newTenant } from '../../helpers/tenant';

describe('smoke', () => {
  it('signs up and answers /me', async () => {
    const t = await newTenant();
    const me = await t.owner.get('/me');
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.principal.user.email).toBe(t.email);
  });
});
