import { describe, expect, it } from 'vitest';
import { expectError } from '../support';
import { ok, openMonth } from './fixtures';
import { act } from './workflow-support';

// Production D1 refuses a row over 2 MB; the data layer holds local D1 to that, so these
// show that the largest requests the API accepts still fit once stored and audited.
describe('the largest accepted inputs fit in D1 rows', () => {
  const annotated = (round: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      indicator: 'call_quality',
      rule: 'no_staff_no',
      evidence: { recordingId: `REC-${round}-${i}`, note: '录音核实：未报工号。'.padEnd(280, '。') },
    }));

  it('1,000 annotated events per request, three times on one evaluation: each 200, nothing lost', async () => {
    const m = await openMonth();
    let last: any;
    for (let round = 0; round < 3; round++) {
      last = ok(await act(m.supervisor, m.evaluationId, 'inputs', { events: annotated(round, 1000) }));
    }
    expect(last.inputs.filter((i: { kind: string }) => i.kind === 'event')).toHaveLength(3000);
    expect(last.inputs[2999].evidence.recordingId).toBe('REC-2-999');
  });

  it('more than 1,000 events in one request is a 400 naming events', async () => {
    const m = await openMonth();
    const r = await act(m.supervisor, m.evaluationId, 'inputs', {
      events: annotated(0, 1001).map(({ evidence: _, ...e }) => e),
    });
    expectError(r, 400, 'VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toEqual(['events']);
  });

  it('1,000 annotated events for one employee through ingestion: one audit entry that fits', async () => {
    const m = await openMonth();
    const key = await m.t.keyWith('metrics:write');
    const rows = annotated(0, 1000).map((e) => ({ employeeNo: 'KF001', period: '2026-11', ...e }));
    ok(await key.post('/ingest', { rows }));
  });
});
