import fc from 'fast-check';
import type {
  Band,
  EvaluationInputs,
  EventInput,
  Indicator,
  SchemeContent,
} from '../../../worker/domain/scheme';

/*
 * fast-check generators for VALID schemes (weighted points summing to exactly 100, bands tiling
 * [0, maxScore]) and for inputs that fit them. Values are built from integer hundredths so
 * every generated number has at most 2 decimals where the schema asks for that.
 */

/** `parts` positive integers summing to `total` (distinct cut points in (0, total)). */
function split(total: number, parts: number): fc.Arbitrary<number[]> {
  if (parts === 1) return fc.constant([total]);
  return fc
    .uniqueArray(fc.integer({ min: 1, max: total - 1 }), { minLength: parts - 1, maxLength: parts - 1 })
    .map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      return [...sorted, total].map((c, i) => c - (i === 0 ? 0 : sorted[i - 1]!));
    });
}

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => c / 100);

function weighted(key: string, points: number): fc.Arbitrary<Indicator> {
  const base = { key, name: `指标${key}`, category: key.length % 2 ? 'a' : 'b', points };
  return fc.oneof(
    fc
      .record({
        target: fc.oneof(fc.integer({ min: 1, max: 2000 }), cents(1, 50_000)),
        capRatio: fc.constantFrom(1, 1.2, 1.5),
        required: fc.boolean(),
      })
      .map(
        ({ target, capRatio, required }): Indicator => ({
          ...base,
          required,
          type: 'quantity',
          params: { target, capRatio },
        }),
      ),
    fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 100 }), fc.boolean())
      .map(([f, span, required]): Indicator => {
        const floor = Math.min(f, 99);
        const target = Math.min(100, floor + span);
        return { ...base, required, type: 'ratio', params: { floor: floor / 100, target: target / 100 } };
      }),
    fc.array(cents(1, 500), { minLength: 1, maxLength: 4 }).map(
      (deducts): Indicator => ({
        ...base,
        required: false,
        type: 'deduction',
        params: { rules: deducts.map((deduct, i) => ({ key: `r${i}`, name: `规则${i}`, deduct })) },
      }),
    ),
    fc
      .record({ scale: fc.constantFrom(4, 5, 10, 100), required: fc.boolean() })
      .map(({ scale, required }): Indicator => ({ ...base, required, type: 'rating', params: { scale } })),
    fc
      .record({
        items: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), critical: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        whenNone: fc.constantFrom<'full' | 'zero'>('full', 'zero'),
        required: fc.boolean(),
      })
      .map(
        ({ items, whenNone, required }): Indicator => ({
          ...base,
          required,
          type: 'checklist',
          params: { items: items.map((x, i) => ({ key: `i${i}`, name: `检查项${i}`, ...x })), whenNone },
        }),
      ),
  );
}

function bands(maxScore: number): fc.Arbitrary<Band[]> {
  return fc
    .integer({ min: 1, max: 5 })
    .chain((n) =>
      fc.tuple(
        split(maxScore * 100, n),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n }),
      ),
    )
    .map(([widths, ks]) => {
      let min = 0;
      return widths.map((w, i) => {
        const band = {
          grade: `G${i}`,
          label: `等级${i}`,
          min: min / 100,
          max: (min + w) / 100,
          k: ks[i]! / 100,
        };
        min += w;
        return band;
      });
    });
}

export const schemeArb: fc.Arbitrary<SchemeContent> = fc
  .record({
    count: fc.integer({ min: 1, max: 8 }),
    bonusCount: fc.integer({ min: 0, max: 2 }),
    vetoCount: fc.integer({ min: 0, max: 1 }),
    maxScore: fc.integer({ min: 100, max: 120 }),
  })
  .chain(({ count, bonusCount, vetoCount, maxScore }) =>
    fc
      .tuple(
        split(10_000, count).chain((centi) => fc.tuple(...centi.map((c, i) => weighted(`w${i}`, c / 100)))),
        fc.array(fc.tuple(cents(1, 1000), fc.array(cents(1, 300), { minLength: 1, maxLength: 3 })), {
          minLength: bonusCount,
          maxLength: bonusCount,
        }),
        bands(maxScore),
        fc.option(fc.nat(), { nil: undefined }),
      )
      .map(([ws, bonuses, bs, vetoGrade]): SchemeContent => {
        const bonusIndicators: Indicator[] = bonuses.map(([points, adds], i) => ({
          key: `b${i}`,
          name: `加分${i}`,
          category: 'a',
          points,
          required: false,
          type: 'bonus',
          params: { rules: adds.map((add, j) => ({ key: `r${j}`, name: `表扬${j}`, add })) },
        }));
        const grade = vetoGrade === undefined ? undefined : bs[vetoGrade % bs.length]!.grade;
        const vetoIndicators: Indicator[] = Array.from({ length: vetoCount }, () => ({
          key: 'v0',
          name: '一票否决',
          category: 'b',
          points: 0,
          required: false,
          type: 'veto',
          params:
            grade === undefined
              ? { rules: [{ key: 'm', name: '重大投诉' }] }
              : { rules: [{ key: 'm', name: '重大投诉' }], grade },
        }));
        return {
          maxScore,
          categories: [
            { key: 'a', name: '甲' },
            { key: 'b', name: '乙' },
          ],
          indicators: [...ws, ...bonusIndicators, ...vetoIndicators],
          bands: bs,
        };
      }),
  );

function eventsFor(ind: Indicator & { params: { rules: { key: string }[] } }): fc.Arbitrary<EventInput[]> {
  return fc
    .array(
      fc.record({
        rule: fc.constantFrom(...ind.params.rules.map((r) => r.key)),
        count: fc.integer({ min: 1, max: 5 }),
        voided: fc.boolean(),
      }),
      { maxLength: 4 },
    )
    .map((es) => es.map((e) => ({ indicator: ind.key, ...e })));
}

/** Inputs that fit `content`: each indicator may get nothing, one value, or several entries. */
export function inputsArb(content: SchemeContent): fc.Arbitrary<EvaluationInputs> {
  const parts = content.indicators.map((ind): fc.Arbitrary<Partial<EvaluationInputs>> => {
    switch (ind.type) {
      case 'quantity':
        return fc
          .option(fc.oneof(fc.integer({ min: 0, max: 3000 }), cents(0, 300_000)), { nil: undefined })
          .map((v) => ({ metrics: v === undefined ? [] : [{ indicator: ind.key, value: v }] }));
      case 'ratio':
        return fc
          .option(fc.oneof(cents(0, 100), fc.double({ min: 0, max: 1, noNaN: true })), { nil: undefined })
          .map((v) => ({ metrics: v === undefined ? [] : [{ indicator: ind.key, value: v }] }));
      case 'rating':
        return fc
          .array(fc.integer({ min: 0, max: ind.params.scale * 10 }), { maxLength: 3 })
          .map((vs) => ({ ratings: vs.map((v) => ({ indicator: ind.key, value: v / 10 })) }));
      case 'checklist':
        return fc
          .array(fc.subarray(ind.params.items.map((x) => x.key)), { maxLength: 3 })
          .map((cs) => ({ checks: cs.map((passed) => ({ indicator: ind.key, passed })) }));
      default:
        return eventsFor(ind).map((events) => ({ events }));
    }
  });
  return fc.tuple(...parts).map((ps) => ({
    metrics: ps.flatMap((p) => p.metrics ?? []),
    events: ps.flatMap((p) => p.events ?? []),
    ratings: ps.flatMap((p) => p.ratings ?? []),
    checks: ps.flatMap((p) => p.checks ?? []),
  }));
}

export const schemeAndInputsArb = schemeArb.chain((content) =>
  inputsArb(content).map((inputs) => ({ content, inputs })),
);
