import { failureText } from '../errors';
import { type Evaluation, step } from '../evaluation-api';
import { t } from '../i18n';

export interface BulkOutcome {
  step: 'submit' | 'approve';
  done: Evaluation[];
  refused: { e: Evaluation; reason: string }[];
}

/** Runs one step on each chosen evaluation in turn; one refusal does not stop the others. */
export async function runBulk(name: 'submit' | 'approve', chosen: Evaluation[]): Promise<BulkOutcome> {
  const out: BulkOutcome = { step: name, done: [], refused: [] };
  for (const e of chosen) {
    try {
      await step(e, name, {});
      out.done.push(e);
    } catch (err) {
      out.refused.push({ e, reason: failureText(err) });
    }
  }
  return out;
}

export function BulkSummary({ outcome }: { outcome: BulkOutcome }) {
  return (
    <div id="bulk-summary" class="card" role="status">
      <p>
        <strong>
          {t('bulkDone', {
            step: t(outcome.step),
            done: outcome.done.length,
            refused: outcome.refused.length,
          })}
        </strong>
      </p>
      {outcome.refused.length > 0 && (
        <ul>
          {outcome.refused.map(({ e, reason }) => (
            <li key={e.id}>{`${e.employeeNo ?? ''} ${e.employeeName ?? ''}：${reason}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
