import type { Texts } from '../../lib/i18n';

/** What the API reference says of one operation, in both languages. */
export interface OperationText {
  summary: Texts;
  description: Texts;
}

/** `op(zh summary, en summary, zh description, en description)`: one catalogue line. */
export const op = (zh: string, en: string, zhDescription: string, enDescription: string): OperationText => ({
  summary: { 'zh-CN': zh, en },
  description: { 'zh-CN': zhDescription, en: enDescription },
});
