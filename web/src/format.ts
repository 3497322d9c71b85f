import type { SchemeContent } from '../../worker/domain/scheme';
import type { Input, Status } from './evaluation-api';
import { percentText } from './grid-paste';
import { currentLang, hasText, t } from './i18n';

const yuanFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer fen as 元 with two decimals: 410000 → "4,100.00". */
export const yuan = (fen: number) => yuanFormat.format(fen / 100);
/** Integer fen as "4,100.00 元" (zh) or "¥4,100.00" (en). */
export const money = (fen: number) => t('yuan', { n: yuan(fen) });

/** 元 as typed ("3000", "3,000.5") to integer fen, or null when it is not an amount. */
export function fenOf(text: string): number | null {
  const clean = text.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole = '0', cents = ''] = clean.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Scores are exact to 0.01 from the API; shown as given (95, 75.5, 97.25). */
export const score = (x: number) => String(x);

export const statusName = (s: Status) => t(`status_${s}`);

/** owner → 所有者; a role the dashboard does not know yet shows as its code. */
export const roleName = (role: string) => named('role_', role);

/** The text of a value the API names by code (kinds, sources, types); the code when unknown. */
export function named(prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return hasText(key) ? t(key) : code;
}

export function ruleName(content: SchemeContent | undefined, indicator: string, rule: string | null) {
  if (!rule) return '';
  const ind = content?.indicators.find((i) => i.key === indicator);
  const rules = ind && 'rules' in ind.params ? ind.params.rules : [];
  return rules.find((r) => r.key === rule)?.name ?? rule;
}

export function indicatorName(content: SchemeContent | undefined, key: string) {
  return content?.indicators.find((i) => i.key === key)?.name ?? key;
}

/** Evidence as "录音 REC-1 · 备注 …". */
export function evidenceText(e: Input['evidence']): string {
  if (!e) return '';
  return Object.entries(e)
    .map(([k, v]) => `${named('ev_', k)} ${v}`)
    .join(' · ');
}

/** The value column: a metric's value (a rate in percent), an event's count, a rating, a check's passed items. */
export function inputValue(i: Input, content?: SchemeContent): string {
  if (i.kind === 'event') return t('times', { n: i.count ?? 1 });
  if (i.kind === 'check') return t('passedItems', { n: i.passed?.length ?? 0 });
  if (i.value === null) return '';
  // Integrators send binary floats (0.9450000000000001); ten significant digits say the same.
  const value = Number(i.value.toPrecision(10));
  const rate = content?.indicators.find((x) => x.key === i.indicator)?.type === 'ratio';
  return rate ? `${percentText(value)}%` : String(value);
}

/** One line naming an input, for lists of ticks: "话务质量 · 未报工号 ×2 · 录音 REC-9". */
export function describeInput(content: SchemeContent | undefined, i: Input): string {
  return [
    indicatorName(content, i.indicator),
    ruleName(content, i.indicator, i.rule),
    inputValue(i, content),
    evidenceText(i.evidence),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** An ISO time in Beijing time (HR's clock wherever the browser is): "2026/11/28 16:00". */
export const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLang(), {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

/** Names joined as the language lists them. */
export const list = (names: string[]) => names.join(t('sep'));
