import { type FieldDocs, f } from './entry';

/** Inputs as recorded by people (POST /evaluations/{id}/inputs) and previewed. */
export const evaluationInputsFields: FieldDocs = {
  metrics: f('quantity / ratio 指标的数值', 'Values of quantity and ratio indicators'),
  'metrics[].indicator': f('指标键', 'Indicator key', 'calls_answered'),
  'metrics[].value': f(
    '本月的数值（如接听量 620、满意率 0.95）',
    "The month's value (620 calls, a 0.95 satisfaction ratio)",
    620,
  ),
  events: f('deduction / bonus / veto 指标的事件', 'Events of deduction, bonus and veto indicators'),
  'events[].id': f(
    '调用方自己的事件编号，便于对账（可选）',
    "The caller's own id for the event, for reconciliation (optional)",
    'CRM-20261103-17',
  ),
  'events[].indicator': f('指标键', 'Indicator key', 'discipline'),
  'events[].rule': f('该指标中的规则键', 'The rule key within that indicator', 'late'),
  'events[].count': f('发生次数，默认 1', 'How many times it happened, default 1', 1),
  'events[].evidence': f('证据，申诉时核对', 'Evidence, checked when the employee appeals'),
  'events[].evidence.recordingId': f('通话录音编号', 'Call recording id', 'REC-88213'),
  'events[].evidence.complaintNo': f('投诉单号', 'Complaint number', 'TS-2026-0142'),
  'events[].evidence.note': f('说明', 'Note', '11 月 3 日早班迟到 20 分钟'),
  'events[].voided': f('作废：保留记录但不再计分', 'Voided: kept on record but no longer counted', false),
  ratings: f(
    'rating 指标的评分，可有多位评分人',
    'Ratings of rating indicators, possibly from several raters',
  ),
  'ratings[].indicator': f('指标键', 'Indicator key', 'attitude'),
  'ratings[].value': f('评分，0 到该指标的 scale', 'The rating, 0 to the indicator’s scale', 4),
  'ratings[].raterId': f(
    '评分人（可选）；不能是被考核员工本人',
    'Who rated (optional); never the evaluated employee',
    'usr_3kZ…',
  ),
  checks: f('checklist 指标的抽查记录，每条一次抽查', 'Checks of checklist indicators, one per spot check'),
  'checks[].indicator': f('指标键', 'Indicator key', 'call_quality'),
  'checks[].passed': f('本次抽查通过的检查项键', 'Keys of the items this check passed', [
    'greeting',
    'closing',
  ]),
  'checks[].callId': f('被抽查的通话编号（可选）', 'The call checked (optional)', 'CALL-5521'),
};

/** One input as stored and shown (EvaluationInput). */
export const storedInputFields: FieldDocs = {
  id: f('输入 id', 'Input id', 'inp_8Jd2…'),
  kind: f(
    '种类：metric 数值、event 事件、rating 评分、check 抽查',
    'Kind: metric, event, rating or check',
    'event',
  ),
  indicator: f('指标键', 'Indicator key', 'discipline'),
  rule: f('事件的规则键（其他种类为 null）', 'The rule key of an event (null for other kinds)', 'late'),
  value: f('数值或评分（事件和抽查为 null）', 'The value or rating (null for events and checks)', null),
  count: f('事件次数（其他种类为 null）', 'Event count (null for other kinds)', 1),
  passed: f('抽查通过的检查项（其他种类为 null）', 'Items a check passed (null for other kinds)', null),
  evidence: f(
    '事件的证据（recordingId、complaintNo、note）',
    'An event’s evidence (recordingId, complaintNo, note)',
    { recordingId: 'REC-88213' },
  ),
  source: f(
    '来源：person 人工、integrator 接入、import 导入',
    'Source: person, integrator or import',
    'integrator',
  ),
  recordedBy: f('记录者：用户 id 或 API 密钥 id', 'Who recorded it: a user id or an API key id', 'key_2Hs…'),
  enteredBy: f(
    '录入它的人：登录的用户，或它所经过的 API 密钥的创建者',
    'The person who entered it: the signed-in user, or the creator of the key it came through',
    'usr_4Lp8…',
  ),
  keyId: f(
    '经过的 API 密钥 id（人工录入为 null）',
    'The API key it came through (null when a person entered it)',
    null,
  ),
  voided: f('已作废：不再计分', 'Voided: no longer counted', false),
  voidedByAppeal: f('作废它的申诉 id', 'The appeal that voided it', null),
  createdAt: f('记录时间（UTC）', 'When it was recorded (UTC)', '2026-11-28T08:00:00.000Z'),
};

/** One row of POST /ingest (IngestRequest). */
export const ingestFields: FieldDocs = {
  rows: f(
    '最多 1,000 行；一行一个数值或一个事件；全部成功或全部不记录',
    'At most 1,000 rows, each one value or one event; all or nothing',
  ),
  'rows[].employeeNo': f('工号', 'Employee number (工号)', 'KF001'),
  'rows[].period': f('考核月份 YYYY-MM', 'The month, YYYY-MM', '2026-11'),
  'rows[].indicator': f('指标键', 'Indicator key', 'calls_answered'),
  'rows[].value': f('指标值（数值行）；与 rule 二选一', 'A metric value; exactly one of value or rule', 620),
  'rows[].rule': f(
    '事件的规则键（事件行）；与 value 二选一',
    'An event’s rule key; exactly one of value or rule',
    'late',
  ),
  'rows[].count': f('事件次数，默认 1', 'Event count, default 1', 1),
  'rows[].evidence': f('事件的证据', 'The event’s evidence'),
  'rows[].evidence.recordingId': f('通话录音编号', 'Call recording id', 'REC-88213'),
  'rows[].evidence.complaintNo': f('投诉单号', 'Complaint number', 'TS-2026-0142'),
  'rows[].evidence.note': f('说明', 'Note', '客户投诉未回电'),
};
