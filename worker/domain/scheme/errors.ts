import { format, type Lang, type Texts } from '../../lib/i18n';

/** One problem with a scheme or an evaluation's inputs, located by a path into the payload. */
export interface SchemeError {
  /** e.g. `indicators[3].params.target`, `bands[0].min`, `events[2].rule`. */
  field: string;
  code: SchemeErrorCode;
  params?: Record<string, string | number>;
}

/*
 * `{field}` is filled with a readable name of the field; other placeholders come from the
 * error's params. Codes are stable (clients switch on them); texts may improve.
 */
const catalogue = {
  // Scheme content.
  empty: { 'zh-CN': '{field}不能为空，至少需要一项', en: '{field} must not be empty' },
  duplicate_key: { 'zh-CN': '{field}重复：{key} 已被使用', en: '{field}: the key {key} is used twice' },
  unknown_category: {
    'zh-CN': '{field}不存在：没有键为 {category} 的分类',
    en: '{field}: there is no category {category}',
  },
  points_sum: {
    'zh-CN': '{field}：除加分项和一票否决项外，各指标分值之和应为 {expected}，当前为 {sum}',
    en: '{field}: the points of all indicators except bonus and veto must sum to {expected}, not {sum}',
  },
  points_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  target_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  cap_ratio_min: { 'zh-CN': '{field}不能小于 1', en: '{field} must be at least 1' },
  ratio_range: { 'zh-CN': '{field}必须在 0 到 1 之间', en: '{field} must be between 0 and 1' },
  floor_below_target: {
    'zh-CN': '{field}（{floor}）必须小于目标值（{target}）',
    en: '{field} ({floor}) must be less than the target ({target})',
  },
  deduct_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  add_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  scale_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  weight_positive: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  unknown_grade: {
    'zh-CN': '{field}无效：等级划分中没有等级 {grade}',
    en: '{field}: there is no band with grade {grade}',
  },
  duplicate_grade: {
    'zh-CN': '{field}重复：等级 {grade} 已存在',
    en: '{field}: the grade {grade} is used twice',
  },
  k_min: { 'zh-CN': '{field}不能为负数', en: '{field} must not be negative' },
  band_empty: {
    'zh-CN': '{field}：下限 {min} 必须小于上限 {max}',
    en: '{field}: the minimum {min} must be less than the maximum {max}',
  },
  bands_start: {
    'zh-CN': '{field}应为 0：最低等级须从 0 分开始，当前为 {min}',
    en: '{field} must be 0: the lowest band must start at 0, not {min}',
  },
  band_gap: {
    'zh-CN': '{field}：等级区间不连续，{from} 分到 {to} 分之间没有等级',
    en: '{field}: no band covers the scores from {from} to {to}',
  },
  band_overlap: {
    'zh-CN': '{field}：等级区间重叠，{from} 分到 {to} 分同时属于两个等级',
    en: '{field}: the scores from {from} to {to} fall in two bands',
  },
  bands_end: {
    'zh-CN': '{field}应等于满分 {maxScore}，当前为 {max}',
    en: '{field} must equal the maximum score {maxScore}, not {max}',
  },
  // Evaluation inputs.
  unknown_indicator: {
    'zh-CN': '{field}无效：考核方案中没有指标 {indicator}',
    en: '{field}: the scheme has no indicator {indicator}',
  },
  wrong_input_kind: {
    'zh-CN': '{field}无效：指标 {indicator} 是{type}类指标，应录入{expected}',
    en: '{field}: {indicator} is a {type} indicator and takes {expected}',
  },
  unknown_rule: {
    'zh-CN': '{field}无效：指标 {indicator} 没有规则 {rule}',
    en: '{field}: the indicator {indicator} has no rule {rule}',
  },
  unknown_item: {
    'zh-CN': '{field}无效：指标 {indicator} 没有检查项 {item}',
    en: '{field}: the indicator {indicator} has no item {item}',
  },
  rating_range: {
    'zh-CN': '{field}超出范围：{value} 不在 0 到 {scale} 之间',
    en: '{field}: {value} is outside 0 to {scale}',
  },
  // A rate travels as a fraction (96% is 0.96) but people think in percent: say both.
  ratio_value_range: {
    'zh-CN':
      '{field}超出范围：「{name}」是比率，应在 0% 到 100% 之间，收到的 {value} 是 {percent}%（96% 应录入为 0.96）',
    en: '{field}: {name} is a rate between 0% and 100%, and {value} is {percent}% (send 96% as 0.96)',
  },
  negative_quantity: { 'zh-CN': '{field}不能为负数：{value}', en: '{field} must not be negative: {value}' },
  duplicate_metric: {
    'zh-CN': '{field}重复：指标 {indicator} 已有一个数值',
    en: '{field}: the indicator {indicator} already has a value',
  },
  duplicate_event_id: {
    'zh-CN': '{field}重复：事件编号 {id} 已被使用',
    en: '{field}: the event id {id} is used twice',
  },
} satisfies Record<string, Texts>;

export type SchemeErrorCode = keyof typeof catalogue;
export const schemeErrorCodes = Object.keys(catalogue) as SchemeErrorCode[];

/** Readable names for path segments and for values that name a type or an input kind. */
const words: Record<string, Texts> = {
  maxScore: { 'zh-CN': '满分', en: 'maximum score' },
  categories: { 'zh-CN': '分类', en: 'category' },
  indicators: { 'zh-CN': '指标', en: 'indicator' },
  bands: { 'zh-CN': '等级', en: 'band' },
  rules: { 'zh-CN': '规则', en: 'rule' },
  items: { 'zh-CN': '检查项', en: 'item' },
  metrics: { 'zh-CN': '指标数值', en: 'metric values' },
  events: { 'zh-CN': '事件记录', en: 'events' },
  ratings: { 'zh-CN': '评分', en: 'ratings' },
  checks: { 'zh-CN': '抽查记录', en: 'checks' },
  passed: { 'zh-CN': '通过项', en: 'passed items' },
  key: { 'zh-CN': '键', en: 'key' },
  name: { 'zh-CN': '名称', en: 'name' },
  category: { 'zh-CN': '所属分类', en: 'category' },
  points: { 'zh-CN': '分值', en: 'points' },
  target: { 'zh-CN': '目标值', en: 'target' },
  capRatio: { 'zh-CN': '封顶倍数', en: 'cap ratio' },
  floor: { 'zh-CN': '下限', en: 'floor' },
  deduct: { 'zh-CN': '每次扣分', en: 'deduction' },
  add: { 'zh-CN': '每次加分', en: 'addition' },
  scale: { 'zh-CN': '评分满分', en: 'scale' },
  weight: { 'zh-CN': '权重', en: 'weight' },
  grade: { 'zh-CN': '等级', en: 'grade' },
  min: { 'zh-CN': '下限', en: 'minimum' },
  max: { 'zh-CN': '上限', en: 'maximum' },
  k: { 'zh-CN': '系数 K', en: 'K' },
  indicator: { 'zh-CN': '指标', en: 'indicator' },
  rule: { 'zh-CN': '规则', en: 'rule' },
  value: { 'zh-CN': '数值', en: 'value' },
  quantity: { 'zh-CN': '数量目标', en: 'quantity' },
  ratio: { 'zh-CN': '比率', en: 'ratio' },
  deduction: { 'zh-CN': '扣分', en: 'deduction' },
  rating: { 'zh-CN': '评分', en: 'rating' },
  checklist: { 'zh-CN': '质检抽查', en: 'checklist' },
  bonus: { 'zh-CN': '加分', en: 'bonus' },
  veto: { 'zh-CN': '一票否决', en: 'veto' },
};

function word(w: string, lang: Lang): string {
  return Object.hasOwn(words, w) ? (words[w] as Texts)[lang] : w;
}

/**
 * zh-CN: "第4个指标的目标值（indicators[3].params.target）" so a person knows what to fix and a
 * developer where; en keeps the path, which reads well enough.
 */
export function fieldLabel(field: string, lang: Lang): string {
  if (lang === 'en') return field;
  const parts: string[] = [];
  for (const segment of field.split('.')) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(segment);
    if (!m) return field;
    const [, name = '', index] = m;
    if (name === 'params') continue;
    parts.push(index === undefined ? word(name, lang) : `第${Number(index) + 1}个${word(name, lang)}`);
  }
  return `${parts.join('的')}（${field}）`;
}

/** The error as one sentence in the given language, naming the field. */
export function schemeErrorMessage(error: SchemeError, lang: Lang): string {
  const params: Record<string, string | number> = { ...error.params, field: fieldLabel(error.field, lang) };
  for (const p of ['type', 'expected'] as const) {
    const v = params[p];
    if (typeof v === 'string') params[p] = word(v, lang);
  }
  return format(catalogue[error.code][lang], params);
}
