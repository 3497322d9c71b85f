import { op } from './entry';

/** The audit log. */
export const auditOperations = {
  verifyAuditLog: op(
    '校验审计日志的哈希链',
    'Recompute the hash chain and name the first entry that does not fit',
    '从头重新计算每条记录的哈希；链条完好时 ok 为 true，否则指出第一条不符的记录。',
    'Recomputes the hash of every entry from the start; ok is true when the chain holds, otherwise the first entry that does not fit is named.',
  ),
  listAuditLog: op(
    '查询审计日志',
    'Audit entries, newest first, filtered by entity, actor and time',
    '每条记录有操作者、动作、对象、修改前后的值和哈希；只读，不能修改或删除。',
    'Each entry has the actor, the action, the entity, the values before and after, and its hash; read-only, never changed or deleted.',
  ),
};
