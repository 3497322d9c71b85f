import { z } from 'zod';
import { messages } from '../../lib/messages';
import { oneLine } from '../../lib/text';
import { decimalPlaces } from './decimal';

/*
 * The shape of a scheme version's content. Only shapes and bounds live here: a draft is saved
 * while HR is still building it, so the cross-field rules (points summing to 100, bands
 * covering [0, maxScore], positive targets …) are reported by validateScheme, which blocks
 * publishing, not saving. Every string and list has a bound so that a 1 MB payload is refused.
 */

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** Largest magnitude accepted for targets and other free numbers: far above any real count. */
const BIG = 1_000_000_000;

export const keySchema = oneLine().regex(KEY_PATTERN);
export const nameSchema = oneLine().trim().min(1).max(100);
/** Grades are short codes people print on payslips: A, B, C … or 优秀. */
export const gradeSchema = oneLine().trim().min(1).max(20);

/** A number written with at most two decimals (points, deductions, K): checked on its decimal form. */
function twoDecimals(lo: number, hi: number) {
  return z
    .number()
    .min(lo)
    .max(hi)
    .refine((x) => decimalPlaces(x) <= 2, {
      message: 'must have at most 2 decimals',
      params: { i18n: messages.TWO_DECIMALS },
    });
}

const bounded = z.number().min(-BIG).max(BIG);
const points = twoDecimals(-100, 100);
const amount = twoDecimals(-100, 100);

const ruleBase = { key: keySchema, name: nameSchema };
const deductionRule = z.strictObject({ ...ruleBase, deduct: amount });
const bonusRule = z.strictObject({ ...ruleBase, add: amount });
const vetoRule = z.strictObject(ruleBase);
const checklistItem = z.strictObject({
  ...ruleBase,
  weight: z.number().min(-1000).max(1000),
  critical: z.boolean().default(false),
});

const MAX_RULES = 100;

const indicatorBase = {
  key: keySchema,
  name: nameSchema,
  category: keySchema,
  points,
  required: z.boolean().default(false),
};

export const quantityIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('quantity'),
  params: z.strictObject({ target: bounded, capRatio: z.number().min(-1000).max(1000).default(1) }),
});

export const ratioIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('ratio'),
  params: z.strictObject({ floor: bounded, target: bounded }),
});

export const deductionIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('deduction'),
  params: z.strictObject({ rules: z.array(deductionRule).max(MAX_RULES) }),
});

export const ratingIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('rating'),
  params: z.strictObject({ scale: z.number().min(-1000).max(1000) }),
});

export const checklistIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('checklist'),
  params: z.strictObject({
    items: z.array(checklistItem).max(MAX_RULES),
    whenNone: z.enum(['full', 'zero']),
  }),
});

export const bonusIndicatorSchema = z.strictObject({
  ...indicatorBase,
  type: z.literal('bonus'),
  params: z.strictObject({ rules: z.array(bonusRule).max(MAX_RULES) }),
});

export const vetoIndicatorSchema = z.strictObject({
  ...indicatorBase,
  // A veto decides the grade, never points.
  points: z.literal(0).default(0),
  type: z.literal('veto'),
  params: z.strictObject({ rules: z.array(vetoRule).max(MAX_RULES), grade: gradeSchema.optional() }),
});

export const indicatorSchema = z.discriminatedUnion('type', [
  quantityIndicatorSchema,
  ratioIndicatorSchema,
  deductionIndicatorSchema,
  ratingIndicatorSchema,
  checklistIndicatorSchema,
  bonusIndicatorSchema,
  vetoIndicatorSchema,
]);

export const categorySchema = z.strictObject({ key: keySchema, name: nameSchema });

export const bandSchema = z.strictObject({
  grade: gradeSchema,
  label: nameSchema,
  min: twoDecimals(0, 200),
  max: twoDecimals(0, 200),
  k: twoDecimals(-10, 10),
});

export const schemeContentSchema = z.strictObject({
  maxScore: twoDecimals(100, 200).default(100),
  categories: z.array(categorySchema).max(50),
  indicators: z.array(indicatorSchema).max(200),
  bands: z.array(bandSchema).max(20),
});

/** Content as stored and scored (defaults filled in). */
export type SchemeContent = z.output<typeof schemeContentSchema>;
/** Content as a client may send it (defaults optional). */
export type SchemeContentInput = z.input<typeof schemeContentSchema>;
export type Category = z.output<typeof categorySchema>;
export type Band = z.output<typeof bandSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type IndicatorType = Indicator['type'];
export type QuantityIndicator = z.output<typeof quantityIndicatorSchema>;
export type RatioIndicator = z.output<typeof ratioIndicatorSchema>;
export type DeductionIndicator = z.output<typeof deductionIndicatorSchema>;
export type RatingIndicator = z.output<typeof ratingIndicatorSchema>;
export type ChecklistIndicator = z.output<typeof checklistIndicatorSchema>;
export type BonusIndicator = z.output<typeof bonusIndicatorSchema>;
export type VetoIndicator = z.output<typeof vetoIndicatorSchema>;

export const indicatorTypes = [
  'quantity',
  'ratio',
  'deduction',
  'rating',
  'checklist',
  'bonus',
  'veto',
] as const satisfies readonly IndicatorType[];
