import type { InferResponseType } from 'hono/client';
import type { api } from './api';
import { money, named } from './format';
import { hasText, t } from './i18n';
import type { Change, FieldChange } from './scheme-model';

/*
 * The audit log in words: the API answers codes, names and values (worker/services/audit-describe.ts),
 * and these say them in the reader's language, so switching language re-renders what is on screen.
 */

export type AuditEntry = InferResponseType<(typeof api)['audit-log']['$get'], 200>['items'][number];
type Fc = AuditEntry['changes'][number];

/** "evaluation.inputs.add" → 录入考核数据; an action the catalogue does not know yet reads as "other". */
export const actionText = (a: string) => {
  const key = `action_${a.replace(/\./g, '_')}`;
  return hasText(key) ? t(key) : t('action_other');
};
export const entityText = (e: string) =>
  hasText(`entity_${e}`) ? t(`entity_${e}` as 'entity_user') : t('entity_other');

/** A field's label from the catalogue; `params.target` reads as its last part (目标值). */
export function fieldText(field: string) {
  const last = field.split('.').at(-1) ?? field;
  const key = `f_${last}`;
  return hasText(key) ? t(key) : t('f_other');
}

function valueText(format: Fc['format'] | undefined, v: Fc['before'], field = ''): string {
  if (v === null || v === '') return t('noValue');
  if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
  if (format === 'money' && typeof v === 'number') return money(v);
  if (format === 'status') return named('status_', String(v));
  if (format === 'role') return named('role_', String(v));
  if (field === 'type') return named('type_', String(v));
  return String(v);
}

/** 基本工资 3,000.00 元 → 3,200.00 元; 电话接听量 380 → 400. */
export const changeText = (c: Fc) =>
  t('changeLine', {
    field: c.field === 'indicator' ? (c.name ?? '') : fieldText(c.field),
    before: valueText(c.format, c.before, c.field),
    after: valueText(c.format, c.after, c.field),
  });

const schemeFieldText = (f: FieldChange) =>
  t('changeLine', {
    field: fieldText(f.field),
    before: valueText(undefined, f.before, f.field.split('.').at(-1)),
    after: valueText(undefined, f.after, f.field.split('.').at(-1)),
  });

/** 修改指标「电话接听量」：目标值 380 → 400. */
export function schemeChangeText(c: Change) {
  if (c.what === 'scheme') return c.fields.map(schemeFieldText).join(t('sep'));
  return t(`diff_${c.kind}`, {
    what: t(`diffWhat_${c.what}`),
    name: c.name,
    fields: c.fields.map(schemeFieldText).join(t('sep')),
  });
}

/** 员工 KF001 张伟; 考核 2026-11 张伟; 岗位 客服专员; 方案 客服月度考核 第 2 版. */
export function subjectText(e: Pick<AuditEntry, 'entity' | 'subject'>) {
  const kind = entityText(e.entity.type);
  const s = e.subject;
  if (!s) return kind;
  if (s.version !== undefined) return `${kind} ${t('versionOf', { name: s.name ?? '', n: s.version })}`;
  if (s.kind) return `${kind} ${named('report_', s.kind.replace(/-/g, '_'))}`;
  const parts = [s.periodKey, s.employeeNo, s.name].filter(Boolean);
  return `${kind} ${parts.join(' ')}`;
}
