import { ApiError, type FieldIssue } from '../../lib/errors';
import { format, type Lang, type Texts } from '../../lib/i18n';
import { messages } from '../../lib/messages';

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
  noDepartment: messages.ORG_REF_noDepartment,
  noPosition: messages.ORG_REF_noPosition,
  notSupervisor: messages.ORG_REF_notSupervisor,
  notEmployeeUser: messages.ORG_REF_notEmployeeUser,
} satisfies Record<string, Texts>;

/** 工号: letters, digits, dot, underscore, hyphen; starts with a letter or digit; ≤ 32 characters. */
export const EMPLOYEE_NO = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;
export const employeeNoTexts: Texts = messages.EMPLOYEE_NO_FORMAT;
