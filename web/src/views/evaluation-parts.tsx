import type { SchemeContent } from '../../../worker/domain/scheme';
import type { Detail } from '../evaluation-api';
import {
  describeInput,
  evidenceText,
  indicatorName,
  inputValue,
  list,
  money,
  named,
  ruleName,
  score,
  statusName,
  when,
} from '../format';
import { pick, t } from '../i18n';
import { Badge } from '../ui/kit';
import { statusTone } from './evaluations';

const Fact = (p: { label: string; value: string; id?: string }) => (
  <div class="fact">
    <span class="muted">{p.label}</span>
    <strong id={p.id}>{p.value}</strong>
  </div>
);

/** Who the person is, the month, the state, the score, grade, K and pay. */
export function EvaluationHeader({
  d,
  periodKey,
  content,
  back,
}: {
  d: Detail;
  periodKey: string;
  content: SchemeContent;
  back: string;
}) {
  const b = d.breakdown;
  const missing = d.missingRequired.map((k) => indicatorName(content, k));
  return (
    <section class="card">
      <a href={back}>{t('back')}</a>
      <h2 id="employee">{`${d.employeeNo ?? ''} ${d.employeeName ?? ''}`.trim()}</h2>
      <div class="facts">
        <Fact label={t('period')} value={periodKey} id="period-key" />
        <div class="fact">
          <span class="muted">{t('status')}</span>
          <Badge tone={statusTone[d.status] ?? 'muted'} id="status">
            {statusName(d.status)}
          </Badge>
        </div>
        <Fact label={t('total')} value={`${score(d.total)} / ${score(b.maxScore)}`} id="total" />
        <Fact label={t('grade')} value={`${d.grade} ${b.label}`} id="grade" />
        <Fact label="K" value={String(d.k)} id="k" />
        <Fact label={t('baseSalary')} value={money(d.pay.baseSalaryFen)} />
        <Fact label={t('bonus')} value={money(d.pay.bonusFen)} id="bonus" />
        <Fact label={t('payTotal')} value={money(d.pay.totalFen)} id="pay-total" />
      </div>
      {b.veto && (
        <p class="error">
          {t('vetoed', { rule: ruleName(content, b.veto.indicator, b.veto.rule), grade: b.veto.grade })}
        </p>
      )}
      {missing.length > 0 && <p class="muted">{t('missingRequired', { list: list(missing) })}</p>}
    </section>
  );
}

/** Each category with its points, then its indicators, each with the sentence that explains it. */
export function Breakdown({ d }: { d: Detail }) {
  const b = d.breakdown;
  const of = (points: number, max: number) => `${score(points)} / ${score(max)}`;
  return (
    <section class="card" id="breakdown-card">
      <h2>{t('breakdown')}</h2>
      <div class="breakdown" id="breakdown">
        {b.categories.map((c) => (
          <div key={c.key} class="category-block">
            <div class="category-line">
              <strong>{c.name}</strong>
              <span class="nowrap">{of(c.points, c.maxPoints)}</span>
            </div>
            {b.indicators
              .filter((i) => i.category === c.key)
              .map((i) => (
                <div
                  key={i.key}
                  class={i.missing ? 'indicator-line missing' : 'indicator-line'}
                  data-indicator={i.key}
                >
                  <div class="indicator-head">
                    <span>{i.name}</span>
                    <span class="nowrap">{i.type === 'veto' ? '—' : of(i.points, i.maxPoints)}</span>
                  </div>
                  <p class="muted small">{pick(i.explanation)}</p>
                </div>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/** Every input recorded, voided ones struck through; HR and supervisors may remove a draft's. */
export function InputsList({
  d,
  content,
  onRemove,
}: {
  d: Detail;
  content: SchemeContent;
  onRemove?: (id: string) => void;
}) {
  return (
    <section class="card" id="inputs-card">
      <h2>{t('inputs')}</h2>
      {d.inputs.length === 0 ? (
        <p class="muted">{t('noInputs')}</p>
      ) : (
        <ul class="plain inputs" id="inputs">
          {d.inputs.map((i) => (
            <li key={i.id} class={i.voided ? 'voided' : ''}>
              <span class="input-text">
                {`${named('kind_', i.kind)} · ${indicatorName(content, i.indicator)}${i.rule ? ` · ${ruleName(content, i.indicator, i.rule)}` : ''} · ${inputValue(i, content)}`}
                {i.evidence && <span class="muted">{` · ${evidenceText(i.evidence)}`}</span>}
              </span>
              <span class="muted small">{` ${named('source_', i.source)} · ${when(i.createdAt)}`}</span>
              {i.voided && <Badge tone="muted">{t('voided')}</Badge>}
              {onRemove && !i.voided && (
                <button
                  type="button"
                  class="link"
                  onClick={() => onRemove(i.id)}
                  aria-label={t('removeNamed', { name: describeInput(content, i) })}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The appeal thread: who appealed, why, what was disputed; who answered, how, what was voided. */
export function AppealThread({
  d,
  content,
  nameOf,
}: {
  d: Detail;
  content: SchemeContent;
  nameOf: (userId: string | null) => string;
}) {
  if (d.appeals.length === 0) return null;
  const describe = (ids: string[]) =>
    list(
      ids
        .map((id) => d.inputs.find((i) => i.id === id))
        .filter((i) => i !== undefined)
        .map((i) => describeInput(content, i)),
    );
  return (
    <section class="card" id="appeals">
      <h2>{t('appeals')}</h2>
      {d.appeals.map((a) => (
        <article key={a.id} class="appeal">
          <p>
            <strong>{t('appealedBy', { name: nameOf(a.createdBy) })}</strong>{' '}
            <span class="muted">{when(a.createdAt)}</span>{' '}
            <Badge tone={a.status === 'open' ? 'warn' : 'ok'}>
              {t(a.status === 'open' ? 'appealOpen' : 'appealResolved')}
            </Badge>
          </p>
          <p>{t('labelled', { label: t('appealReason'), value: a.reason })}</p>
          {a.disputedInputIds.length > 0 && (
            <p class="muted">{t('disputed', { list: describe(a.disputedInputIds) })}</p>
          )}
          {a.answer !== null && (
            <div class="answer">
              <p>
                <strong>{t('answeredBy', { name: nameOf(a.resolvedBy) })}</strong>{' '}
                <span class="muted">{a.resolvedAt ? when(a.resolvedAt) : ''}</span>
              </p>
              <p>{t('labelled', { label: t('appealAnswer'), value: a.answer })}</p>
              {a.voidedInputIds && a.voidedInputIds.length > 0 && (
                <p class="muted">{t('voidedByAnswer', { list: describe(a.voidedInputIds) })}</p>
              )}
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
