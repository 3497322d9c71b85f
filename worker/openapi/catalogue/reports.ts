import { op } from './entry';

/** Reports (files in R2) and the period summary behind the dashboard's charts. */
export const reportOperations = {
  createReport: op(
    '生成报表',
    'Queue a report (CSV or XLSX) of a period, a range of months or the audit log',
    '排队生成一份报表，立即返回 202 和报表编号；生成在队列中进行，完成后状态为 ready，可下载。工资表要求周期已关闭，否则需 includeOpen。主管只能导出其部门，员工只能导出本人历史。API 密钥除 reports:write 外还需能读取同样数据的范围：evaluations:read，审计日志则需 audit:read。',
    'Queues a report and answers 202 with its id at once; the file is made by a queue consumer and the report becomes ready to download. A payroll needs a closed period unless includeOpen is set. Supervisors export only their departments, employees only their own history. A key needs, besides reports:write, the scope that reads the same rows: evaluations:read, or audit:read for the audit log.',
  ),
  listReports: op(
    '报表列表',
    'Reports, newest first',
    '列出未过期的报表及其状态：排队、生成中、完成或失败（附原因）。报表 30 天后过期。',
    'Lists the reports that have not expired, with their status: queued, running, ready, or failed with a reason. Reports expire after 30 days.',
  ),
  getReport: op(
    '查看报表',
    'One report and its status',
    '报表的状态、行数、SHA-256 和文件名；失败时给出原因。',
    'The report’s status, rows, SHA-256 and file name; the reason when it failed.',
  ),
  downloadReport: op(
    '下载报表',
    'Download a ready report',
    '经过与其他接口相同的权限检查后，从对象存储流式返回文件；Content-Disposition 带中文文件名（RFC 6266 filename*）。下载记入审计日志。',
    'Streams the file from object storage after the same access checks as every route; Content-Disposition carries the Chinese file name (RFC 6266 filename*). Downloads are audited.',
  ),
  deleteReport: op(
    '删除报表',
    'Delete a report and its file',
    '删除报表记录和文件，记入审计日志；之后该编号返回 404。',
    'Deletes the report row and its file, audited; the id answers 404 afterwards.',
  ),
  retryReport: op(
    '重新生成报表',
    'Queue a failed report again',
    '把失败的报表重新排队，返回 202；其他状态返回 409。',
    'Queues a failed report as a new attempt and answers 202; any other status answers 409.',
  ),
  getPeriodSummary: op(
    '周期概览',
    'A period at a glance: statuses, grades, histogram, departments, appeals, pay',
    '各状态人数、等级分布、5 分一档的分数分布、各部门人数与平均/中位/最低/最高分、未处理的申诉、绩效奖金和工资总额合计。主管只看到其部门。',
    'Counts per status, the grade distribution, a score histogram in 5-point bins, per department headcount, mean, median, min and max, open appeals, and the totals of bonus and pay. Supervisors see only their departments.',
  ),
  createAuditDigest: op(
    '写入审计摘要',
    'Write a signed digest of the audit chain head to R2',
    '把当前链头（序号、哈希、时间）、上一份摘要的哈希和 HMAC-SHA-256 签名写入对象存储。之后即使有人改写并重新计算 D1 中的历史，校验也会发现。每日定时任务也会写入一份。',
    'Writes the chain head (seq, hash, time), the previous digest’s hash and an HMAC-SHA-256 signature to object storage. A history later rewritten and re-hashed in D1 then fails verification. The daily cron writes one too.',
  ),
  listAuditDigests: op(
    '审计摘要列表',
    'The signed digests of the audit chain, oldest first',
    '按时间先后列出已写入的摘要，每份带链头和上一份摘要的哈希。',
    'Lists the digests written so far, oldest first, each with its chain head and the previous digest’s hash.',
  ),
};
