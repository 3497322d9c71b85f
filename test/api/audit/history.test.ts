import { describe, expect, it } from 'vitest';
import type { Caller } from '../../helpers/client';
import { newTenant } from '../../helpers/tenant';
import { ifMatch, ok, openMonth, read } from '../evaluations/fixtures';
import { show } from '../support';

/*
 * The audit log as a history: each entry names its object and actor, and says what changed,
 * old → new, with names (worker/services/audit-describe.ts); paging and filters reach every entry.
 */

async function page(who: Caller, query: Record<string, string>) {
  const res = await who.get(`/audit-log?${new URLSearchParams(query)}`);
  expect(res.status, show(res)).toBe(200);
  return res.body as { items: any[]; nextCursor: string | null };
}

describe('the audit log reads like a history', () => {
  it('an input, a position’s pay and a scheme edit show before → after with names, and who did it', async () => {
    const m = await openMonth();
    const { t } = m;
    // An input, then a correction of it: 电话接听量 380 → 400.
    let ev = await read(t.owner, m.evaluationId);
    ok(
      await t.owner.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { metrics: [{ indicator: 'calls_answered', value: 380 }] },
        ifMatch(ev.etag),
      ),
    );
    ev = await read(t.owner, m.evaluationId);
    ok(
      await t.owner.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { metrics: [{ indicator: 'calls_answered', value: 400 }] },
        ifMatch(ev.etag),
      ),
    );
    const [input] = (await page(t.owner, { limit: '1', action: 'evaluation.inputs' })).items;
    expect(input).toMatchObject({
      action: 'evaluation.inputs.add',
      actor: { type: 'user', id: t.ownerId, name: '王丽' },
      entity: { type: 'evaluation', id: m.evaluationId },
      subject: { periodKey: '2026-11', employeeNo: 'KF001', name: '张敏' },
    });
    expect(input.changes).toContainEqual({
      field: 'indicator',
      name: '电话接听量',
      format: 'number',
      before: 380,
      after: 400,
    });

    // A position's pay: 基本工资 3,000.00 元 → 3,200.00 元, in fen.
    ok(await t.owner.patch(`/positions/${m.positionId}`, { baseSalaryFen: 320_000 }));
    const [pay] = (await page(t.owner, { limit: '1', action: 'position.update' })).items;
    expect(pay).toMatchObject({ subject: { name: '客服专员' }, actor: { name: '王丽' } });
    expect(pay.changes).toEqual([
      { field: 'baseSalaryFen', format: 'money', before: 300_000, after: 320_000 },
    ]);
    // The open month is re-priced, and its entry names the evaluation too.
    const [reprice] = (await page(t.owner, { limit: '1', action: 'evaluation.reprice' })).items;
    expect(reprice.subject).toMatchObject({ periodKey: '2026-11', name: '张敏' });

    // A scheme edit: version 2 raises a target; drafts' autosaves leave no entries, the publish
    // says what changed against version 1.
    const v2 = ok(await t.owner.post(`/schemes/${m.schemeId}/versions`), 201);
    const content = structuredClone(v2.content);
    const calls = content.indicators.find((i: any) => i.key === 'calls_answered');
    const oldTarget = calls.params.target;
    calls.params.target = oldTarget + 100;
    ok(await t.owner.put(`/schemes/${m.schemeId}/versions/2`, { content }));
    calls.params.target = oldTarget + 200;
    ok(await t.owner.put(`/schemes/${m.schemeId}/versions/2`, { content }));
    ok(await t.owner.post(`/schemes/${m.schemeId}/versions/2/publish`, {}));
    const versionEntries = (await page(t.owner, { limit: '10', entityId: v2.id })).items;
    expect(versionEntries.map((e) => e.action)).toEqual(['scheme_version.publish', 'scheme_version.create']);
    const [publish] = versionEntries;
    expect(publish.subject).toMatchObject({ version: 2 });
    expect(publish.subject.name).toBeTruthy();
    expect(publish.schemeChanges).toEqual([
      {
        what: 'indicator',
        name: '电话接听量',
        kind: 'changed',
        fields: [{ field: 'params.target', before: oldTarget, after: oldTarget + 200 }],
      },
    ]);

    const chain = await t.owner.get('/audit-log/verify');
    expect(chain.body.ok, show(chain)).toBe(true);
  });

  it('pages through the whole log, newest first, and filters by kind, employee, actor and time', async () => {
    const m = await openMonth(['KF002']);
    const { t } = m;
    // Seven more entries about positions, so the log has well over one page of 5.
    for (let i = 1; i <= 7; i++)
      ok(
        await t.owner.post('/positions', { name: `岗位${i}`, baseSalaryFen: 100_000 + i, bonusBaseFen: 0 }),
        201,
      );
    const all: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await page(t.owner, { limit: '5', ...(cursor && { cursor }) });
      all.push(...p.items);
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(3);
    const seqs = all.map((e) => e.seq);
    expect(seqs, 'every entry once, newest first').toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs.at(-1)).toBe(1);
    expect(new Set(seqs).size).toBe(seqs[0]);

    const created = await page(t.owner, { limit: '200', action: 'position.create' });
    expect(created.items).toHaveLength(8);
    expect(new Set(created.items.map((e) => e.action))).toEqual(new Set(['position.create']));
    const kinds = await page(t.owner, { limit: '200', action: 'position,department' });
    expect(new Set(kinds.items.map((e) => e.entity.type))).toEqual(new Set(['position', 'department']));

    // One employee: their record and their evaluation, not the colleague's.
    const ev = await read(t.owner, m.evaluationId);
    ok(
      await t.owner.post(
        `/evaluations/${m.evaluationId}/inputs`,
        { metrics: [{ indicator: 'calls_answered', value: 380 }] },
        ifMatch(ev.etag),
      ),
    );
    const about = await page(t.owner, { limit: '200', employeeId: m.employeeId });
    expect(about.items.map((e) => `${e.entity.type}:${e.action}`).sort()).toEqual(
      ['employee:employee.create', 'evaluation:evaluation.inputs.add'].sort(),
    );
    expect(about.items.every((e) => e.subject.name === '张敏')).toBe(true);

    const bySupervisor = await page(t.owner, { limit: '200', actorId: m.supervisor.userId });
    expect(bySupervisor.items.every((e) => e.actor.id === m.supervisor.userId)).toBe(true);
    expect(bySupervisor.items.length).toBeGreaterThan(0);

    const future = await page(t.owner, { limit: '200', from: '2099-01-01T00:00:00Z' });
    expect(future.items).toEqual([]);
  });

  it("never shows or names another company's entries", async () => {
    const a = await openMonth();
    const b = await newTenant('他家物业');
    const mine = await page(b.owner, { limit: '200' });
    expect(mine.items.every((e) => e.entity.id !== a.evaluationId && e.actor.id !== a.t.ownerId)).toBe(true);
    expect((await page(b.owner, { limit: '200', employeeId: a.employeeId })).items).toEqual([]);
    expect((await page(b.owner, { limit: '200', entityId: a.positionId })).items).toEqual([]);
    expect((await page(b.owner, { limit: '200', actorId: a.t.ownerId })).items).toEqual([]);
    expect(JSON.stringify(mine)).not.toContain('张敏');
  });
});
