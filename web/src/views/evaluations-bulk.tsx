import { failureText } from '../errors';
import { allows, type Evaluation, step } from '../evaluation-api';
import { statusName } from '../format';
import { lang, t } from '../i18n';
import { confirmFirst } from '../ui/kit';

export type BulkStep = 'submit' | 'approve';

export interface BulkOutcome {
  step: BulkStep;
  done: Evaluation[];
  /** Chosen, but the API does not offer the step on them now (their allowedActions): not sent. */
  skipped: Evaluation[];
  refused: { e: Evaluation; reason: string }[];
}

/** The chosen evaluations the API offers `name` on, as each row's allowedActions says. */
export const qualifying = (name: BulkStep, chosen: Evaluation[]) => chosen.filter((e) => allows(e, name));

const stepWord = (name: BulkStep) => (lang.value === 'en' ? t(name).toLowerCase() : t(name));

/**
 * The chosen rows a step will not be sent to, grouped by their state in words
 * ("6 份已审批，跳过"): the API did not offer the step on them (allowedActions), and the state
 * is what a person recognises them by.
 */
export function skipReasons(name: BulkStep, chosen: Evaluation[]): string[] {
  const counts = new Map<Evaluation['status'], number>();
  for (const e of chosen) if (!allows(e, name)) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => {
    const word = statusName(status);
    return t('bulkSkipGroup', { n, status: lang.value === 'en' ? word.toLowerCase() : word });
  });
}

/**
 * Asks before a bulk step, saying how many rows it goes to and which are skipped and why.
 * Resolves true when the person confirms.
 */
export function askBulk(name: BulkStep, chosen: Evaluation[], extra?: string): Promise<boolean> {
  const going = qualifying(name, chosen);
  const skips = skipReasons(name, chosen);
  const sep = lang.value === 'en' ? '; ' : '；';
  const skipped =
    skips.length > 0
      ? `${t('bulkSkipIntro', { step: stepWord(name) })}${skips.join(sep)}`
      : t('bulkSkipNone');
  return confirmFirst(t('bulkAsk', { step: t(name), n: going.length }), {
    detail: extra ? `${skipped} ${extra}` : skipped,
    confirmLabel: t(name),
  });
}

/**
 * Runs one step on each chosen evaluation the API offers it on, in turn; the others are
 * skipped and named. One refusal (someone changed a row meanwhile) does not stop the others.
 */
export async function runBulk(name: BulkStep, chosen: Evaluation[]): Promise<BulkOutcome> {
  const out: BulkOutcome = { step: name, done: [], skipped: [], refused: [] };
  for (const e of chosen) {
    if (!allows(e, name)) {
      out.skipped.push(e);
      continue;
    }
    try {
      await step(e, name, {});
      out.done.push(e);
    } catch (err) {
      out.refused.push({ e, reason: failureText(err) });
    }
  }
  return out;
}

const who = (e: Evaluation) => `${e.employeeNo ?? ''} ${e.employeeName ?? ''}`.trim();

export function BulkSummary({ outcome }: { outcome: BulkOutcome }) {
  const name = t(outcome.step);
  return (
    <div id="bulk-summary" class="card" role="status">
      <p>
        <strong>
          {t('bulkDone', { step: name, done: outcome.done.length, refused: outcome.refused.length })}
          {outcome.skipped.length > 0 && t('bulkSkipped', { n: outcome.skipped.length })}
        </strong>
      </p>
      {(outcome.refused.length > 0 || outcome.skipped.length > 0) && (
        <ul>
          {outcome.skipped.map((e) => (
            <li key={e.id} class="skipped">
              {t('bulkNotOffered', {
                who: who(e),
                step: lang.value === 'en' ? name.toLowerCase() : name,
                status: statusName(e.status),
              })}
            </li>
          ))}
          {outcome.refused.map(({ e, reason }) => (
            <li key={e.id} class="refused">
              {t('labelled', { label: who(e), value: reason })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
