import { callQualityRules, callScriptItems, type SchemeTemplate, seedBands } from './shared';

/*
 * The seed's 客服绩效考核方案 (100分制): eight weighted categories summing to 100, plus up to
 * 5 bonus points for praise (so maxScore is 105) and a veto for a major valid complaint.
 * Targets are for one agent and one month of about 22 working days.
 */
export const csMonthly: SchemeTemplate = {
  id: 'cs-monthly',
  name: '客服专员月度绩效考核（百分制）',
  description:
    '适用于物业客服中心客服专员的月度考核：业绩、质量、业务考核、通话利用率、出勤、报表、' +
    '规章制度与配合度、上级评分八项共 100 分；客户表扬最多另加 5 分；重大有效投诉一票否决，' +
    '直接评为 E 级。绩效奖金按等级系数 K 发放。',
  content: {
    maxScore: 105,
    categories: [
      { key: 'performance', name: '业绩考核' },
      { key: 'quality', name: '质量考核' },
      { key: 'knowledge', name: '业务考核' },
      { key: 'utilization', name: '通话利用率' },
      { key: 'attendance', name: '出勤情况' },
      { key: 'reports', name: '报表提交及时性' },
      { key: 'conduct', name: '问题反馈及遵守规章制度及工作配合度' },
      { key: 'supervisor', name: '上级综合评分' },
      { key: 'adjustments', name: '加分与一票否决' },
    ],
    indicators: [
      {
        key: 'calls_answered',
        name: '电话接听量',
        category: 'performance',
        type: 'quantity',
        points: 10,
        required: true,
        params: { target: 1200, capRatio: 1 },
      },
      {
        key: 'tickets_closed',
        name: '工单办结量',
        category: 'performance',
        type: 'quantity',
        points: 10,
        required: true,
        params: { target: 150, capRatio: 1 },
      },
      {
        key: 'call_quality',
        name: '话务质量',
        category: 'quality',
        type: 'deduction',
        points: 10,
        required: false,
        params: { rules: callQualityRules },
      },
      {
        key: 'call_monitoring',
        name: '抽查监听',
        category: 'quality',
        type: 'checklist',
        points: 15,
        required: false,
        params: { items: callScriptItems, whenNone: 'full' },
      },
      {
        key: 'reply_in_30min',
        name: '30分钟内回复率',
        category: 'quality',
        type: 'ratio',
        points: 5,
        required: true,
        params: { floor: 0.8, target: 0.98 },
      },
      {
        key: 'exam',
        name: '业务考核书面考试',
        category: 'knowledge',
        type: 'rating',
        points: 10,
        required: true,
        params: { scale: 100 },
      },
      {
        key: 'utilization_rate',
        name: '通话利用率',
        category: 'utilization',
        type: 'ratio',
        points: 10,
        required: true,
        params: { floor: 0.6, target: 0.85 },
      },
      {
        key: 'attendance',
        name: '出勤情况',
        category: 'attendance',
        type: 'deduction',
        points: 5,
        required: false,
        params: {
          rules: [
            { key: 'late', name: '迟到', deduct: 0.5 },
            { key: 'early_leave', name: '早退', deduct: 0.5 },
            { key: 'absent_half_day', name: '旷工（每半天）', deduct: 2 },
          ],
        },
      },
      {
        key: 'reports_on_time',
        name: '报表按时提交率',
        category: 'reports',
        type: 'ratio',
        points: 5,
        required: true,
        params: { floor: 0.8, target: 1 },
      },
      {
        key: 'work_conduct',
        name: '问题反馈及遵守规章制度及工作配合度',
        category: 'conduct',
        type: 'deduction',
        points: 10,
        required: false,
        params: {
          rules: [
            { key: 'qq_chat', name: '工作时间用QQ闲聊', deduct: 0.5 },
            { key: 'feedback_late', name: '客户问题未及时反馈', deduct: 1 },
            { key: 'rule_violation', name: '违反公司规章制度', deduct: 1 },
            { key: 'uncooperative', name: '不服从工作安排、不配合同事', deduct: 2 },
          ],
        },
      },
      {
        key: 'supervisor_rating',
        name: '上级综合评分',
        category: 'supervisor',
        type: 'rating',
        points: 10,
        required: true,
        params: { scale: 10 },
      },
      {
        key: 'praise',
        name: '客户表扬',
        category: 'adjustments',
        type: 'bonus',
        points: 5,
        required: false,
        params: {
          rules: [
            { key: 'written_praise', name: '客户书面表扬或锦旗', add: 2 },
            { key: 'phone_praise', name: '客户来电表扬', add: 1 },
          ],
        },
      },
      {
        key: 'major_complaint',
        name: '重大有效投诉',
        category: 'adjustments',
        type: 'veto',
        points: 0,
        required: false,
        params: {
          rules: [
            { key: 'valid_major_complaint', name: '经核实的重大有效投诉' },
            { key: 'service_accident', name: '造成重大影响的服务事故' },
          ],
          grade: 'E',
        },
      },
    ],
    bands: seedBands(105),
  },
};
