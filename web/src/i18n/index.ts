import { signal } from '@preact/signals';
import { evaluationTexts } from './evaluations';
import { fieldTexts } from './fields';
import { gridTexts } from './grid';
import { orgTexts } from './org';
import { restTexts } from './rest';
import { schemeTexts } from './schemes';
import { screenTexts } from './screens';
import { shellTexts } from './shell';

export type Lang = 'zh-CN' | 'en';

/** Every text of the dashboard: [zh-CN, en]. `{name}` placeholders are filled by t(). */
const texts = {
  ...shellTexts,
  ...fieldTexts,
  ...orgTexts,
  ...schemeTexts,
  ...evaluationTexts,
  ...gridTexts,
  ...restTexts,
  ...screenTexts,
} satisfies Record<string, readonly [string, string]>;
export type TextKey = keyof typeof texts;
export const hasText = (key: string): key is TextKey => Object.hasOwn(texts, key);

const stored = localStorage.getItem('lang');
/**
 * The language as a signal: every component that calls t() re-renders in place when it changes,
 * so forms keep what was typed (nothing is re-mounted).
 */
export const lang = signal<Lang>(stored === 'en' ? 'en' : 'zh-CN');
export const currentLang = () => lang.value;

export function setLang(next: Lang) {
  lang.value = next;
  localStorage.setItem('lang', next);
  document.documentElement.lang = next;
}

/** A UI text in the current language, `{name}` placeholders filled. */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text = texts[key][lang.value === 'en' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A server-given pair of texts (explanations) in the current language. */
export const pick = (x: Record<Lang, string>) => x[lang.value];
