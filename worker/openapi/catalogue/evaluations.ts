import { op } from './entry';

/** Periods, evaluations and their workflow, and ingestion. */
export const evaluationOperations = {
  listPeriods: op(
    '列出考核周期',
    'All periods (考核周期), oldest first',
    '每个周期是一个月，状态为 open 或 closed。',
    'Each period is a month, open or closed.',
  ),
  openPeriod: op(
    '开启一个月的考核',
    'Open a month',
    '为每名在职员工建一份考核，固定使用当时适用方案的已发布版本和岗位薪资；同一个月只能开启一次（409）。',
    'One evaluation per active employee, pinned to the published version of the scheme that applies and to the position pay; a month opens once (409).',
  ),
  getPeriod: op(
    '查看一个考核周期',
    'One period',
    '其他企业的周期回答 404。',
    "Another company's period answers 404.",
  ),
  closePeriod: op(
    '关闭考核周期',
    'Close a period',
    '所有考核都必须已审批，否则 409 列出各状态的数量；关闭时每份考核被锁定，每次锁定记入审计日志。',
    'Every evaluation must be approved, else 409 with the count per status; each is locked and each lock is audited.',
  ),
  addPeriodEvaluation: op(
    '为新入职员工加入考核',
    'A late joiner: add the evaluation of an active employee to an open period',
    '与开启周期时相同的固定规则；已有考核、员工已停用或没有适用方案时回答 409 并说明原因。',
    'Pinned as at opening; 409 with the reason when the employee already has one, is inactive, or no scheme applies.',
  ),
  removePeriodEvaluation: op(
    '移除离职员工的考核',
    'A leaver: remove an evaluation that is not approved or locked',
    '连同其输入和申诉一起移除；审计日志保留全部内容。',
    'Removed with its inputs and appeals; the audit log keeps all of it.',
  ),
  listEvaluations: op(
    '列出可见的考核',
    'Evaluations you may see, filtered',
    '按月份和工号排序；sort=rank 加 periodId 给出该周期的排名。员工只看到自己的，主管只看到自己部门的。',
    'By month then 工号, or with sort=rank and periodId the ranking of that period. Employees see their own, supervisors their departments.',
  ),
  getEvaluation: op(
    '查看一份考核',
    'One evaluation with its breakdown, inputs and appeals',
    'ETag 响应头用于修改时的 If-Match。breakdown 逐项给出得分和计算依据。',
    'The ETag header is for If-Match on changes. breakdown gives each indicator its points and how they were reached.',
  ),
  addEvaluationInputs: op(
    '记录考核输入',
    'Record metrics, events, ratings and checklist checks on a draft',
    '需要 If-Match（取自 ETag），过期时 412。总分和等级随即重新计算；员工本人不能为自己评分。',
    'Needs If-Match (the ETag you read); stale is 412. The total and grade are rescored at once; nobody scores their own month.',
  ),
  removeEvaluationInput: op(
    '删除误录的输入',
    'Delete a mistaken input from a draft',
    '需要 If-Match；删除后重新计算，原值保留在审计日志中。',
    'Needs If-Match; rescored after, and the removed value stays in the audit log.',
  ),
  submitEvaluation: op(
    '提交考核',
    'Supervisor submits a draft',
    '所有必填指标都有输入时才能提交，否则 409 列出缺少的指标。',
    'Only when every required indicator has an input, else 409 listing the missing ones.',
  ),
  confirmEvaluation: op(
    '员工确认考核',
    'The employee confirms a submitted evaluation',
    '只有被考核的员工本人可以确认。',
    'Only the evaluated employee confirms.',
  ),
  approveEvaluation: op(
    '人事审批考核',
    'HR approves a submitted or confirmed evaluation',
    '审批后不能再修改输入；关闭周期时被锁定。',
    'After approval inputs no longer change; closing the period locks it.',
  ),
  appealEvaluation: op(
    '员工申诉',
    'The employee appeals (申诉) with a reason, naming disputed inputs',
    '只有员工本人可以申诉；申诉期间考核状态为 appealed。',
    'Only the evaluated employee appeals; meanwhile the evaluation is appealed.',
  ),
  resolveEvaluation: op(
    '人事答复申诉',
    'HR answers an appeal',
    '可以作废有争议的事件，得分随之改变；考核回到 submitted。',
    'May void disputed events, and the score follows; the evaluation goes back to submitted.',
  ),
  reopenEvaluation: op(
    '重新打开考核',
    'HR reopens an approved or locked evaluation, with a reason',
    '开放周期中回到草稿；已关闭周期中的锁定考核重新打开为草稿，审批后回到锁定。',
    'In an open period it goes back to draft; a locked one of a closed period reopens to draft and approves back to locked.',
  ),
  ingest: op(
    '批量推送指标和事件',
    'Push up to 1,000 metric values or events keyed by 工号 + period + indicator (+ rule)',
    '要么全部记录，要么都不记录。带 Idempotency-Key 可安全重试：重放返回第一次的结果且不再改动；同一个键配不同请求体为 422；第一次仍在处理时为 409。',
    'All or nothing. Send Idempotency-Key to retry safely: a replay answers the first result and changes nothing; the same key with another body is 422; while the first is still running, 409.',
  ),
  getPeriodGrid: op(
    '录入表格',
    'The scoring grid of a period',
    '行是您能看到的本月考核（主管用 departmentId 看一个部门），列是需要录入一个数值的指标（数量、比率、评分；扣分、加分、否决和抽查不在其中）。每格是当前的数值，评分是您本人打的分；每行带修订号和 allowedActions。',
    "Rows are the period's evaluations you can see (a supervisor narrows to a department with departmentId); columns are the indicators that take one value (quantities, rates, ratings; not deductions, bonuses, vetoes or checks). Each cell holds the current value, a rating the one you gave; each row its revision and allowedActions.",
  ),
  savePeriodGrid: op(
    '保存录入表格',
    'Save many cells of a period at once',
    '每行写明读取时的修订号。全部单元格在一次审计过的写入中保存，或者一个都不保存：有问题时逐行（修订号已过时并给出当前修订号、状态不是草稿、不能录入、本人的考核）或逐格（数值超出范围）列出原因，409 或 400。比率以小数发送（96% 为 0.96），评分记为调用者本人的评分。',
    "Each row names the revision it was read at. Every cell is saved in one audited write, or none: the problems are listed per row (a stale revision with the current one, not a draft, not yours to enter, your own evaluation) or per cell (a value out of range), as 409 or 400. Rates are sent as fractions (96% is 0.96); ratings are the caller's own.",
  ),
};
