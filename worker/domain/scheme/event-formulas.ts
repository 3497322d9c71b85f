import type { BonusIndicator, DeductionIndicator, VetoIndicator } from './content';
import * as q from './decimal';
import { formatCenti } from './decimal';
import type { EventInput } from './inputs';
import type { Outcome, RuleLine, VetoResult } from './outcome';

/* Indicators fed by events (violations, praise, vetoes): counted per rule, voided ones already out. */

const r = q.rational;

/**
 * The events as the breakdown keeps them: what the arithmetic used, without the evidence.
 * Evidence (recording ids, notes) stays on the inputs; copied into every breakdown it would
 * grow the evaluation's row past D1's 2 MB with a few thousand annotated events.
 */
const used = (events: readonly EventInput[]) => events.map(({ evidence: _evidence, ...e }) => e);

/** Events summed per rule, in the scheme's rule order; only rules that occurred. */
function tally(rules: readonly { key: string; name: string; each: number }[], events: readonly EventInput[]) {
  const lines: RuleLine[] = rules
    .map((rule) => ({
      rule: rule.key,
      name: rule.name,
      each: rule.each,
      count: events.filter((e) => e.rule === rule.key).reduce((n, e) => n + e.count, 0),
    }))
    .filter((line) => line.count > 0);
  const total = q.sum(lines.map((line) => q.mul(q.int(line.count), r(line.each))));
  const text = (unit: string) => lines.map((l) => `${l.name} ${l.count}${unit} × ${l.each}`);
  return { lines, total, zh: text('次'), en: text('') };
}

/** max(0, points − Σ count × deduct). */
export function deduction(ind: DeductionIndicator, events: EventInput[]): Outcome {
  const t = tally(
    ind.params.rules.map((x) => ({ ...x, each: x.deduct })),
    events,
  );
  const left = q.sub(r(ind.points), t.total);
  const floored = q.compare(left, q.ZERO) < 0;
  const centi = q.toCenti(q.max(q.ZERO, left));
  const c = formatCenti(centi);
  const stop = floored ? { 'zh-CN': '（扣完为止）', en: ' (stops at 0)' } : { 'zh-CN': '', en: '' };
  return {
    centi,
    inputs: { events: used(events) },
    rule: { formula: 'deduction', lines: t.lines, deducted: q.toNumber(t.total), floored },
    explanation:
      t.lines.length === 0
        ? {
            'zh-CN': `${ind.name} 无扣分记录，得满分 ${ind.points}分 = ${c}`,
            en: `${ind.name}: no deductions, full ${ind.points} points = ${c}`,
          }
        : {
            'zh-CN': `${ind.name} ${ind.points}分 − ${t.zh.join(' − ')} = ${c}${stop['zh-CN']}`,
            en: `${ind.name} ${ind.points} points − ${t.en.join(' − ')} = ${c}${stop.en}`,
          },
    missing: false,
  };
}

/** min(points, Σ count × add). */
export function bonus(ind: BonusIndicator, events: EventInput[]): Outcome {
  const t = tally(
    ind.params.rules.map((x) => ({ ...x, each: x.add })),
    events,
  );
  const capped = q.compare(t.total, r(ind.points)) > 0;
  const centi = q.toCenti(q.min(r(ind.points), t.total));
  const c = formatCenti(centi);
  const sumText = q.formatRational(t.total, 2);
  return {
    centi,
    inputs: { events: used(events) },
    rule: { formula: 'bonus', lines: t.lines, added: q.toNumber(t.total), capped },
    explanation:
      t.lines.length === 0
        ? { 'zh-CN': `${ind.name} 无加分记录 = ${c}`, en: `${ind.name}: no bonus events = ${c}` }
        : {
            'zh-CN': `${ind.name} ${t.zh.join(' + ')}${capped ? ` = ${sumText}，超过上限 ${ind.points}分，记` : ' ='} ${c}`,
            en: `${ind.name} ${t.en.join(' + ')}${capped ? ` = ${sumText}, above the cap of ${ind.points}, counts` : ' ='} ${c}`,
          },
    missing: false,
  };
}

/** No points; any counted event forces `grade` (the scheme's, else the lowest band's). */
export function veto(
  ind: VetoIndicator,
  events: EventInput[],
  lowestGrade: string,
): Outcome & { veto: VetoResult | null } {
  const grade = ind.params.grade ?? lowestGrade;
  const first = events[0];
  const veto = first ? { indicator: ind.key, rule: first.rule, grade } : null;
  const t = tally(
    ind.params.rules.map((x) => ({ ...x, each: 0 })),
    events,
  );
  return {
    centi: 0,
    inputs: { events: used(events) },
    rule: { formula: 'veto', triggered: veto !== null, rule: first?.rule ?? null, grade },
    explanation: veto
      ? {
          'zh-CN': `${ind.name}：${t.lines.map((l) => `${l.name} ${l.count}次`).join('、')}，一票否决，考核等级不高于 ${grade}`,
          en: `${ind.name}: ${t.lines.map((l) => `${l.name} × ${l.count}`).join(', ')}; vetoed, the grade is at most ${grade}`,
        }
      : { 'zh-CN': `${ind.name}：无否决事件`, en: `${ind.name}: no veto events` },
    missing: false,
    veto,
  };
}
