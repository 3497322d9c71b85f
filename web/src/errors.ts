import type { SchemeContent } from '../../worker/domain/scheme';
import { fieldLabel as domainLabel } from '../../worker/domain/scheme/errors';
import { ApiFailure, type FieldIssue } from './api';
import { hasText, lang, t } from './i18n';

/*
 * What a person reads when the API refuses: the API's own localised words, with every trace of
 * the wire taken out. Field paths become the Chinese (or English) labels of the form, a code
 * the API names (a state, an indicator key) becomes its name, and regexes, ETags and status
 * words never show.
 */

/** Keys the page has seen with their names (indicators, rules, categories of loaded schemes). */
const knownNames = new Map<string, string>();

export function rememberNames(content: SchemeContent) {
  for (const c of content.categories) knownNames.set(c.key, c.name);
  for (const i of content.indicators) {
    knownNames.set(i.key, i.name);
    const rules = 'rules' in i.params ? i.params.rules : 'items' in i.params ? i.params.items : [];
    for (const r of rules) knownNames.set(r.key, r.name);
  }
}

const labelOf = (segment: string) => {
  const key = `f_${segment}`;
  return hasText(key) ? t(key) : '';
};

const ordinal = (i: number, what: string) => t('nth', { n: i + 1, what });

/**
 * A field path as a person names it: `indicators[2].params.target` → 指标「电话接听量」的目标值.
 * With the content the path points into, rows are named by their names, otherwise by position.
 */
export function fieldLabel(path: string, content?: SchemeContent): string {
  const parts = path.replace(/^content\./, '').match(/[^.[\]]+/g) ?? [];
  const out: string[] = [];
  let node: unknown = content;
  for (let p = 0; p < parts.length; p++) {
    const seg = parts[p]!;
    const next = parts[p + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) : undefined;
    if (/^\d+$/.test(seg)) continue;
    const child = (node as Record<string, unknown> | undefined)?.[seg];
    if (index !== undefined) {
      const row = (child as Record<string, unknown>[] | undefined)?.[index];
      const rowName = row && (typeof row.name === 'string' ? row.name : row.grade);
      const what = hasText(`row_${seg}`) ? t(`row_${seg}` as 'row_bands') : labelOf(seg);
      out.push(
        typeof rowName === 'string' && rowName ? t('named', { what, name: rowName }) : ordinal(index, what),
      );
      node = row;
      p++;
    } else {
      if (seg !== 'params') {
        const label = labelOf(seg);
        if (label) out.push(label);
      }
      node = child;
    }
  }
  return out.join(t('of'));
}

const statusWords: Record<string, string> = {
  draft: 'status_draft',
  submitted: 'status_submitted',
  confirmed: 'status_confirmed',
  appealed: 'status_appealed',
  approved: 'status_approved',
  locked: 'status_locked',
  published: 'vstatus_published',
  archived: 'sstatus_archived',
  // The workflow's steps, as the API names them in WRONG_STATE and TRANSITION_NOT_ALLOWED.
  submit: 'submit',
  confirm: 'confirm',
  appeal: 'appeal',
  resolve: 'resolve',
  approve: 'approve',
  reopen: 'reopen',
};

/** Takes the wire out of a message of the API: codes in brackets, field prefixes, keys, states. */
export function humanize(text: string): string {
  let s = text;
  // "（regex）", "（状态：draft）", "（reopen）", "(status: published)": the code beside a word that said it.
  s = s.replace(/\s?[（(](?:[^（()）]*[：:]\s*)?[A-Za-z][\w\s:.[\]-]*[）)]/g, '');
  // "employeeId：员工 …": the field the sentence is about, named by a person's words below.
  s = s.replace(/^[a-z][\w.[\]]*[：:]\s*/, '');
  s = s.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-z][a-z0-9]+\b/g, (word) => {
    // In English, plain words (draft, approve) are English; only snake_case keys are codes there.
    if (lang.value === 'en' && !word.includes('_')) return word;
    const status = statusWords[word];
    if (status && hasText(status)) return t(status);
    // "不能晚于 to": another field of the form, named by its label.
    return knownNames.get(word) ?? (hasText(`f_${word}`) ? t(`f_${word}` as 'f_to') : word);
  });
  if (lang.value === 'zh-CN') s = s.replace(/, /g, '、');
  return s.trim();
}

/** An issue's own text without its field path in front ("slug：格式不正确" → "格式不正确"). */
export function issueText(issue: FieldIssue, hint?: string): string {
  if (issue.code === 'invalid_format' || issue.code === 'invalid_string') {
    return hint ?? t('badFormat');
  }
  let m = issue.message;
  // The API names the field first: by its path (zod's issues) or by the scheme domain's label.
  for (const head of [issue.field, domainLabel(issue.field, lang.value)]) {
    for (const sep of ['：', ': ', ' ', '']) {
      if (m.startsWith(head + sep)) m = m.slice(head.length + sep.length);
    }
  }
  return humanize(m);
}

/** The headline of a failure: our own words where the API's would show wire details. */
export function failureText(err: unknown): string {
  void lang.value;
  if (!(err instanceof ApiFailure)) return t('networkError');
  if (err.status === 412) return t('staleEtag');
  if (err.status === 428) return t('staleEtag');
  if (err.status === 401) return err.code === 'UNAUTHORIZED' ? t('signInAgain') : humanize(err.message);
  if (err.status === 403 && err.code === 'CSRF_FAILED') return t('signInAgain');
  if (err.status >= 500) return t('serverError');
  return humanize(err.message);
}
