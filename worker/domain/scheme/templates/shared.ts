import type { Band, ChecklistIndicator, DeductionIndicator, SchemeContent } from '../content';

/** A built-in scheme a tenant can copy and edit. */
export interface SchemeTemplate {
  id: string;
  name: string;
  description: string;
  content: SchemeContent;
}

/**
 * The seed's 客服绩效考核方案 bands (A and B are given; C–E are the cut-off part, filled with
 * the defaults in DOMAIN.md). A reaches up to maxScore so that bonus points still grade A.
 */
export function seedBands(maxScore = 100): Band[] {
  return [
    { grade: 'A', label: '优秀', min: 95, max: maxScore, k: 1.1 },
    { grade: 'B', label: '良好', min: 90, max: 95, k: 1 },
    { grade: 'C', label: '合格', min: 85, max: 90, k: 0.9 },
    { grade: 'D', label: '待改进', min: 75, max: 85, k: 0.8 },
    { grade: 'E', label: '不合格', min: 0, max: 75, k: 0.5 },
  ];
}

/** 话务质量 from the express scheme: "违反一次扣0.5分". */
export const callQualityRules: DeductionIndicator['params']['rules'] = [
  { key: 'impolite', name: '态度不温和/唉声叹气', deduct: 0.5 },
  { key: 'shirking', name: '推诿客户', deduct: 0.5 },
  { key: 'chatting', name: '与客户闲聊或未按静音键请教', deduct: 0.5 },
  { key: 'late_reply', name: '未在30分钟内回复导致客户再次来电', deduct: 0.5 },
  { key: 'no_staff_no', name: '未报工号', deduct: 0.5 },
];

/**
 * 客服部电话接听话术 as a QA checklist for 抽查监听. Greeting and confirming the need are
 * critical: a call that skips either failed the customer whatever else went right.
 */
export const callScriptItems: ChecklistIndicator['params']['items'] = [
  { key: 'answer_in_3_rings', name: '3声内接听', weight: 1, critical: false },
  { key: 'greeting', name: '使用标准问候语（您好，XX服务中心，很高兴为您服务）', weight: 2, critical: true },
  { key: 'use_surname', name: '询问并使用客户姓氏', weight: 1, critical: false },
  { key: 'no_interrupt', name: '不打断客户', weight: 1, critical: false },
  { key: 'confirm_need', name: '确认客户需求', weight: 2, critical: true },
  { key: 'polite_close', name: '礼貌结束通话', weight: 1, critical: false },
];
