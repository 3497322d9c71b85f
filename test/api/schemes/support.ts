import { expect } from 'vitest';
import type { Caller } from '../../helpers/client';
import { show } from '../support';

/**
 * A small valid scheme: 上级评分 40 + 工作纪律 30 + 电话接听量 30 = 100, seed bands.
 * indicators[2] is the quantity whose `params.target` the error tests break.
 */
export function smallContent(): any {
  return {
    maxScore: 100,
    categories: [
      { key: 'quality', name: '质量考核' },
      { key: 'performance', name: '业绩考核' },
    ],
    indicators: [
      {
        key: 'supervisor_rating',
        name: '上级综合评分',
        category: 'quality',
        type: 'rating',
        points: 40,
        required: true,
        params: { scale: 10 },
      },
      {
        key: 'conduct',
        name: '工作纪律',
        category: 'quality',
        type: 'deduction',
        points: 30,
        params: { rules: [{ key: 'late', name: '迟到', deduct: 0.5 }] },
      },
      {
        key: 'calls',
        name: '电话接听量',
        category: 'performance',
        type: 'quantity',
        points: 30,
        required: true,
        params: { target: 100, capRatio: 1 },
      },
    ],
    bands: [
      { grade: 'A', label: '优秀', min: 95, max: 100, k: 1.1 },
      { grade: 'B', label: '良好', min: 90, max: 95, k: 1 },
      { grade: 'C', label: '合格', min: 85, max: 90, k: 0.9 },
      { grade: 'D', label: '待改进', min: 75, max: 85, k: 0.8 },
      { grade: 'E', label: '不合格', min: 0, max: 75, k: 0.5 },
    ],
  };
}

/** 36 + 28.5 + 24 = 88.5 → C 合格, K 0.9. */
export const smallInputs = {
  ratings: [{ indicator: 'supervisor_rating', value: 9 }],
  events: [{ indicator: 'conduct', rule: 'late', count: 3, evidence: { note: '3月迟到三次' } }],
  metrics: [{ indicator: 'calls', value: 80 }],
};

/** Creates a scheme with the small content as its v1 draft; answers its id. */
export async function draftScheme(as: Caller, name = '客服月度考核'): Promise<string> {
  const res = await as.post('/schemes', { name, content: smallContent() });
  expect(res.status, show(res)).toBe(201);
  return res.body.id;
}

/** Creates and publishes version 1. */
export async function publishedScheme(as: Caller, name?: string): Promise<string> {
  const id = await draftScheme(as, name);
  const pub = await as.post(`/schemes/${id}/versions/1/publish`);
  expect(pub.status, show(pub)).toBe(200);
  return id;
}

type AnyIndicator = { key: string; type: string; params: any };

/**
 * Plausible inputs for any scheme: each quantity/ratio at its target, ratings at 90% of the
 * scale, one occurrence of the first deduction and bonus rule, one check passing every item.
 */
export function sampleInputs(content: { indicators: AnyIndicator[] }) {
  const metrics: unknown[] = [];
  const events: unknown[] = [];
  const ratings: unknown[] = [];
  const checks: unknown[] = [];
  for (const ind of content.indicators) {
    const p = ind.params;
    if (ind.type === 'quantity' || ind.type === 'ratio')
      metrics.push({ indicator: ind.key, value: p.target });
    else if (ind.type === 'rating') ratings.push({ indicator: ind.key, value: p.scale * 0.9 });
    else if (ind.type === 'deduction' || ind.type === 'bonus')
      events.push({ indicator: ind.key, rule: p.rules[0].key, count: 1 });
    else if (ind.type === 'checklist')
      checks.push({
        indicator: ind.key,
        passed: p.items.map((i: { key: string }) => i.key),
        callId: 'REC-001',
      });
  }
  return { metrics, events, ratings, checks };
}

/** The audit entries of one entity, oldest first. */
export async function auditOf(as: Caller, entityId: string) {
  const res = await as.get(`/audit-log?entityId=${encodeURIComponent(entityId)}&limit=200`);
  expect(res.status, show(res)).toBe(200);
  return [...res.body.items].reverse() as {
    action: string;
    entity: { type: string; id: string };
    before: any;
    after: any;
    actor: { type: string; id: string };
  }[];
}
