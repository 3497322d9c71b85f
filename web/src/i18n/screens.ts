/** Screens that stay true: bulk steps that ask first, and another person's change. */
export const screenTexts = {
  bulkAsk: ['{step}选中的 {n} 份考核？', '{step} {n} of the selected evaluations?'],
  bulkSkipGroup: ['{n} 份{status}，跳过', '{n} {status}, skipped'],
  bulkSkipNone: ['选中的考核都会处理。', 'Every selected evaluation will be processed.'],
  bulkSkipIntro: ['你现在不能{step}的不发送：', 'Not sent, as you may not {step} them now: '],
  changedElsewhere: [
    '这份考核刚被他人修改，下面已是最新内容；请先核对，再录入。',
    'Someone else has just changed this evaluation; what you see now is the latest. Check it before you enter more.',
  ],
  gotIt: ['知道了', 'Got it'],
} satisfies Record<string, readonly [string, string]>;
