import { describe, expect, it } from 'vitest';
import { ok } from '../../evaluations/fixtures';
import { rows } from '../../support';
import { everything, hrMonth, keyOf, refusedBy } from './support';

/*
 * Issue 14's third route around the rule: the scheme. A lenient scheme (grade A from 1 point,
 * K 1.5) assigned to HR's own record, position or department would pin next month to it.
 */

/** A published scheme whose top band starts at 1 point with K 1.5. */
async function lenientScheme(m: Awaited<ReturnType<typeof hrMonth>>) {
  const s = ok(await m.hr.post('/schemes', { fromTemplate: 'cs-monthly', name: '宽松方案' }), 201);
  const v = ok(await m.hr.get(`/schemes/${s.id}/versions/1`));
  const bands = [
    { grade: 'A', label: '优秀', min: 1, max: v.content.maxScore, k: 1.5 },
    { grade: 'E', label: '不合格', min: 0, max: 1, k: 0.5 },
  ];
  ok(await m.hr.put(`/schemes/${s.id}/versions/1`, { content: { ...v.content, bands } }));
  ok(await m.hr.post(`/schemes/${s.id}/versions/1/publish`, {}));
  return s.id as string;
}

describe('HR cannot assign themselves a scheme', () => {
  it('assigning to their employee record, position or department is refused, also through a key', async () => {
    const m = await hrMonth();
    const schemeId = await lenientScheme(m);
    const key = await keyOf(m.hr, 'schemes:write');
    const before = await everything(m);
    for (const who of [m.hr, key])
      for (const [targetType, targetId] of [
        ['employee', m.employeeId],
        ['position', m.positionId],
        ['department', m.departmentId],
      ])
        refusedBy(await who.put('/scheme-assignments', { targetType, targetId, schemeId }), 'own_scheme');
    expect(await everything(m)).toEqual(before);
    // Nor can they remove the assignment that applies to them.
    const [current] = await rows<{ id: string }>(
      'SELECT id FROM scheme_assignments WHERE tenant_id = ? AND target_id = ?',
      m.t.tenantId,
      m.positionId,
    );
    refusedBy(await m.hr.delete(`/scheme-assignments/${current?.id}`), 'own_scheme');
    // Next month stays pinned to the scheme the owner assigned.
    const next = ok(await m.t.owner.post('/periods', { key: '2026-12' }), 201);
    const mine = ok(
      await m.t.owner.get(`/evaluations?periodId=${next.period.id}&employeeId=${m.employeeId}`),
    );
    expect(mine.items[0].schemeId).toBe(m.schemeId);
    // The owner may assign it (someone else's decision, audited).
    ok(
      await m.t.owner.put('/scheme-assignments', {
        targetType: 'employee',
        targetId: m.employeeId,
        schemeId,
      }),
    );
  });
});
