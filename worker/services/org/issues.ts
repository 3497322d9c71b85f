import { ApiError, type FieldIssue } from '../../lib/errors';
import { format, type Lang, type Texts } from '../../lib/i18n';

/** One invalid field, worded the way zod's issues are (`field：…` / `field …`). */
export function issue(
  lang: Lang,
  field: string,
  code: string,
  texts: Texts,
  params: Record<string, string | number> = {},
): FieldIssue {
  const text = format(texts[lang], params);
  return { field, code, message: lang === 'en' ? `${field} ${text}` : `${field}：${text}` };
}

/** VALIDATION_FAILED listing the issues. */
export const invalid = (issues: FieldIssue[]): ApiError =>
  new ApiError('VALIDATION_FAILED', { details: issues });

/** Texts of the reference checks the org services make after the shape check passed. */
export const refTexts = {
  noDepartment: { 'zh-CN': '部门不存在', en: 'is not a department of this company' },
  noPosition: { 'zh-CN': '岗位不存在', en: 'is not a position of this company' },
  notSupervisor: {
    'zh-CN': '不是本企业角色为主管（supervisor）的用户',
    en: 'is not a user of this company with the supervisor role',
  },
  notEmployeeUser: {
    'zh-CN': '不是本企业角色为员工（employee）的用户',
    en: 'is not a user of this company with the employee role',
  },
} satisfies Record<string, Texts>;

/** 工号: letters, digits, dot, underscore, hyphen; starts with a letter or digit; ≤ 32 characters. */
export const EMPLOYEE_NO = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;
export const employeeNoTexts: Texts = {
  'zh-CN': '工号只能包含字母、数字、点、下划线和连字符，以字母或数字开头，最长 32 个字符',
  en: 'may only hold letters, digits, dots, underscores and hyphens, start with a letter or digit, and be at most 32 characters',
};
