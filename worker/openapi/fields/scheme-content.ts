import { type FieldDocs, f } from './entry';

/** SchemeContent: what HR builds and publishes (domain/scheme/content.ts). */
export const schemeContentFields: FieldDocs = {
  maxScore: f(
    '满分，100–200，默认 100；指标分值之和应等于它',
    'Full marks, 100–200 (default 100); the indicator points add up to it',
    100,
  ),
  categories: f(
    '指标的分类（如「工作质量」），按顺序显示',
    'Categories of indicators (such as 工作质量), shown in order',
  ),
  'categories[].key': f(
    '分类键：小写字母开头，a-z、0-9、_',
    'Category key: starts with a-z, then a-z, 0-9, _',
    'quality',
  ),
  'categories[].name': f('分类名称', 'Category name', '工作质量'),
  indicators: f(
    '考核指标；按 type 分为 7 种，各有自己的 params',
    'The indicators; one of 7 types, each with its own params',
  ),
  'indicators[].key': f(
    '指标键，在方案内唯一；输入和接入按它引用指标',
    'Indicator key, unique in the scheme; inputs and ingestion refer to it',
    'calls_answered',
  ),
  'indicators[].name': f('指标名称', 'Indicator name', '接听量'),
  'indicators[].category': f('所属分类的键', 'The key of its category', 'quality'),
  'indicators[].points': f(
    '该指标的分值（最多 2 位小数）；否决项为 0',
    'Points the indicator is worth (at most 2 decimals); 0 for a veto',
    20,
  ),
  'indicators[].required': f(
    '必填：没有输入时不能提交考核',
    'Required: without an input the evaluation cannot be submitted',
    true,
  ),
  'indicators[].type': f(
    '指标类型：quantity 数量、ratio 比率、deduction 扣分、rating 评分、checklist 检查表、bonus 加分、veto 否决',
    'Indicator type: quantity, ratio, deduction, rating, checklist, bonus or veto',
    'quantity',
  ),
  'indicators[].params': f('该类型的参数', 'The parameters of its type'),
  'indicators[].params.target': f(
    'quantity：得满分的数量；ratio：达到或超过即得满分的比率值',
    'quantity: the count that earns full points; ratio: the value at or above which full points are earned',
    600,
  ),
  'indicators[].params.capRatio': f(
    'quantity：完成率（数量/目标）的上限，默认 1（超额不加分）；1.2 表示最多按 120% 计分',
    'quantity: the cap on value/target, default 1 (no extra points beyond target); 1.2 scores up to 120%',
    1,
  ),
  'indicators[].params.floor': f(
    'ratio：等于或低于此值得 0 分，在 floor 与 target 之间按线性计分',
    'ratio: at or below this value 0 points; between floor and target the points rise linearly',
    0.8,
  ),
  'indicators[].params.rules': f(
    'deduction / bonus / veto：规则列表，事件按规则键记录',
    'deduction / bonus / veto: the rules, events are recorded by rule key',
  ),
  'indicators[].params.rules[].key': f('规则键，事件按它引用规则', 'Rule key, events refer to it', 'late'),
  'indicators[].params.rules[].name': f('规则名称', 'Rule name', '迟到'),
  'indicators[].params.rules[].deduct': f(
    'deduction：每发生一次扣的分（最多 2 位小数）；合计不超过该指标的分值',
    'deduction: points taken per occurrence (at most 2 decimals); never more than the indicator is worth in total',
    2,
  ),
  'indicators[].params.rules[].add': f(
    'bonus：每发生一次加的分；合计不超过该指标的分值',
    'bonus: points added per occurrence; never more than the indicator is worth in total',
    1,
  ),
  'indicators[].params.scale': f(
    'rating：评分的满分值（如 5 分制为 5），得分 = 平均评分 / scale × 分值',
    'rating: the top of the rating scale (5 for a 5-point scale); points = mean rating / scale × points',
    5,
  ),
  'indicators[].params.items': f('checklist：检查项', 'checklist: the items checked'),
  'indicators[].params.items[].key': f(
    '检查项键，检查记录按它列出通过的项',
    'Item key, a check lists the items passed by it',
    'greeting',
  ),
  'indicators[].params.items[].name': f('检查项名称', 'Item name', '规范问候语'),
  'indicators[].params.items[].weight': f(
    '检查项权重：一次检查的得分 = 通过项权重 / 总权重',
    'Item weight: a check scores passed weight / total weight',
    1,
  ),
  'indicators[].params.items[].critical': f(
    '关键项：未通过时这次检查记 0 分',
    'Critical: a check that does not pass it scores 0',
    false,
  ),
  'indicators[].params.whenNone': f(
    'checklist：本月没有任何检查时：full 得满分，zero 得 0 分',
    'checklist: when the month has no check at all: full gives full points, zero gives 0',
    'full',
  ),
  'indicators[].params.grade': f(
    'veto：触发否决时的等级（不填则为最低等级）；否决只会降低等级',
    'veto: the grade when a veto is triggered (the lowest band when omitted); a veto only lowers a grade',
    'D',
  ),
  bands: f(
    '等级区间：按总分确定等级和绩效系数 K，应覆盖 0 到满分且不重叠',
    'Grade bands: the total decides grade and K; they cover 0 to maxScore without overlap',
  ),
  'bands[].grade': f('等级代码', 'Grade code', 'A'),
  'bands[].label': f('等级名称', 'Grade label', '优秀'),
  'bands[].min': f(
    '区间下限（不含；最低一档含下限）：min < 总分 ≤ max',
    'Lower bound, exclusive (inclusive for the lowest band): min < total ≤ max',
    90,
  ),
  'bands[].max': f('区间上限（含）', 'Upper bound (inclusive)', 100),
  'bands[].k': f(
    '绩效系数 K：绩效奖金 = 绩效奖金基数 × K',
    'Performance factor K: bonus = bonus base × K',
    1.2,
  ),
};
