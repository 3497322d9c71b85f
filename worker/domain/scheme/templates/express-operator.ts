import { callQualityRules, callScriptItems, type SchemeTemplate, seedBands } from './shared';

/*
 * The seed's 快递公司客服部绩效考核 for call operators. Its 工作效率 (20分) has 主要方面
 * (积极性/行动力/有效性, judged by the supervisor) and 具体方面 (calls answered, 出港/进港
 * 问题件): all four share the 20 points. The seed gives the "违反一次扣0.5分" rules but not
 * their weights, nor those of the spot checks and complaints it says feed the evaluation;
 * those are weighted so that the whole sums to 100.
 */
export const expressOperator: SchemeTemplate = {
  id: 'express-operator',
  name: '话务员考核',
  description:
    '适用于快递公司客服部话务员的月度考核：工作效率 20 分（电话接听量、出港/进港问题件，' +
    '以及主管对积极性、行动力、有效性的评分），话务质量与工作状况按“违反一次扣0.5分”扣分，' +
    '抽查监听按电话接听话术质检，有效投诉扣分。',
  content: {
    maxScore: 100,
    categories: [
      { key: 'efficiency', name: '工作效率' },
      { key: 'call_quality', name: '话务质量' },
      { key: 'work_status', name: '工作状况' },
      { key: 'monitoring', name: '抽查监听' },
      { key: 'complaints', name: '投诉' },
    ],
    indicators: [
      {
        key: 'calls_answered',
        name: '电话接听量（已接听）',
        category: 'efficiency',
        type: 'quantity',
        points: 8,
        required: true,
        params: { target: 1500, capRatio: 1 },
      },
      {
        key: 'outbound_issues',
        name: '出港问题件',
        category: 'efficiency',
        type: 'quantity',
        points: 3,
        required: true,
        params: { target: 200, capRatio: 1 },
      },
      {
        key: 'inbound_issues',
        name: '进港问题件',
        category: 'efficiency',
        type: 'quantity',
        points: 3,
        required: true,
        params: { target: 200, capRatio: 1 },
      },
      {
        key: 'call_quality',
        name: '话务质量',
        category: 'call_quality',
        type: 'deduction',
        points: 25,
        required: false,
        params: { rules: callQualityRules },
      },
      {
        key: 'work_status',
        name: '工作状况',
        category: 'work_status',
        type: 'deduction',
        points: 15,
        required: false,
        params: {
          rules: [
            { key: 'qq_chat', name: '工作时间用QQ闲聊', deduct: 0.5 },
            { key: 'phone_play', name: '工作时间玩手机、接打私人电话', deduct: 0.5 },
            { key: 'off_seat', name: '未经允许离开座席', deduct: 0.5 },
            { key: 'late_early', name: '迟到、早退', deduct: 0.5 },
          ],
        },
      },
      {
        key: 'call_monitoring',
        name: '抽查监听',
        category: 'monitoring',
        type: 'checklist',
        points: 25,
        required: false,
        params: { items: callScriptItems, whenNone: 'full' },
      },
      {
        key: 'valid_complaints',
        name: '有效投诉',
        category: 'complaints',
        type: 'deduction',
        points: 15,
        required: false,
        params: { rules: [{ key: 'valid_complaint', name: '经核实的客户有效投诉', deduct: 5 }] },
      },
      {
        key: 'supervisor_rating',
        name: '主管评分（积极性、行动力、有效性）',
        category: 'efficiency',
        type: 'rating',
        points: 6,
        required: true,
        params: { scale: 10 },
      },
    ],
    bands: seedBands(100),
  },
};
