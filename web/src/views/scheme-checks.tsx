import { useEffect, useState } from 'preact/hooks';
import type {
  EvaluationInputsInput,
  Indicator,
  SchemeContent,
  ScoreResult,
} from '../../../worker/domain/scheme';
import { ApiFailure, api, ok } from '../api';
import { failureText } from '../errors';
import { score } from '../format';
import { pick, t } from '../i18n';
import { problemsOf, weightedPoints } from '../scheme-model';
import { NumberInput } from './indicator-form';

/** Live checks as one types: points total 100, bands cover 0..max, and every other rule. */
export function LiveChecks({ content }: { content: SchemeContent }) {
  const problems = problemsOf(content);
  const points = weightedPoints(content);
  const bandProblems = problems.filter((p) => p.field.startsWith('bands'));
  return (
    <section class="card" id="checks" aria-live="polite">
      <h2>{t('liveChecks')}</h2>
      <p id="points-check" class={points === 100 ? 'ok-text' : 'error'}>
        {points === 100 ? t('pointsOk') : t('pointsOff', { n: points })}
      </p>
      <p id="bands-check" class={bandProblems.length === 0 ? 'ok-text' : 'error'}>
        {bandProblems.length === 0 ? t('bandsOk', { max: content.maxScore }) : t('bandsOff')}
      </p>
      {problems.length > 0 ? (
        <div id="problems">
          <p>{t('problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field + p.code}>{p.text}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p id="problems" class="ok-text">
          {t('publishable')}
        </p>
      )}
    </section>
  );
}

type Samples = Record<string, number>;

/** Sample inputs that score full marks where a value decides (targets, scales), no events. */
function initialSamples(content: SchemeContent): Samples {
  const out: Samples = {};
  for (const i of content.indicators) {
    if (i.type === 'quantity' || i.type === 'ratio') out[i.key] = i.params.target;
    if (i.type === 'rating') out[i.key] = i.params.scale;
    if (i.type === 'checklist') for (const item of i.params.items) out[`${i.key}.${item.key}`] = 1;
  }
  return out;
}

function inputsOf(content: SchemeContent, s: Samples): EvaluationInputsInput {
  const inputs: Required<EvaluationInputsInput> = { metrics: [], events: [], ratings: [], checks: [] };
  for (const i of content.indicators) {
    const v = s[i.key];
    if ((i.type === 'quantity' || i.type === 'ratio') && v !== undefined)
      inputs.metrics.push({ indicator: i.key, value: v });
    if (i.type === 'rating' && v !== undefined) inputs.ratings.push({ indicator: i.key, value: v });
    if (i.type === 'deduction' || i.type === 'bonus' || i.type === 'veto')
      for (const r of i.params.rules) {
        const count = s[`${i.key}.${r.key}`] ?? 0;
        if (count > 0) inputs.events.push({ indicator: i.key, rule: r.key, count });
      }
    if (i.type === 'checklist')
      inputs.checks.push({
        indicator: i.key,
        passed: i.params.items.filter((x) => (s[`${i.key}.${x.key}`] ?? 0) > 0).map((x) => x.key),
      });
  }
  return inputs;
}

function SampleFields({
  ind,
  samples,
  set,
}: {
  ind: Indicator;
  samples: Samples;
  set: (k: string, v: number) => void;
}) {
  if (ind.type === 'quantity' || ind.type === 'ratio' || ind.type === 'rating')
    return (
      <NumberInput
        label={ind.name}
        name={`sample.${ind.key}`}
        value={samples[ind.key] ?? 0}
        onValue={(v) => set(ind.key, v)}
      />
    );
  if (ind.type === 'checklist')
    return (
      <fieldset>
        <legend>{ind.name}</legend>
        {ind.params.items.map((x) => (
          <label class="tick" key={x.key}>
            <input
              type="checkbox"
              checked={(samples[`${ind.key}.${x.key}`] ?? 0) > 0}
              onChange={(e) => set(`${ind.key}.${x.key}`, e.currentTarget.checked ? 1 : 0)}
            />
            {t('passedItem', { name: x.name })}
          </label>
        ))}
      </fieldset>
    );
  return (
    <fieldset>
      <legend>{ind.name}</legend>
      {ind.params.rules.map((r) => (
        <NumberInput
          key={r.key}
          label={t('timesOf', { name: r.name })}
          name={`sample.${ind.key}.${r.key}`}
          value={samples[`${ind.key}.${r.key}`] ?? 0}
          onValue={(v) => set(`${ind.key}.${r.key}`, v)}
        />
      ))}
    </fieldset>
  );
}

/**
 * The score of sample inputs, computed by the API's preview of the saved draft (the same
 * arithmetic as a real evaluation). `saved` changes after each save, and the preview follows.
 */
export function Preview(props: { schemeId: string; version: number; content: SchemeContent; saved: number }) {
  const [samples, setSamples] = useState<Samples>(() => initialSamples(props.content));
  const [result, setResult] = useState<ScoreResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const set = (k: string, v: number) => setSamples({ ...samples, [k]: v });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const r = await ok(
          api.schemes[':id'].versions[':version'].preview.$post({
            param: { id: props.schemeId, version: String(props.version) },
            json: inputsOf(props.content, samples),
          }),
        );
        if (live) {
          setResult(r as unknown as ScoreResult);
          setFailure(null);
        }
      } catch (err) {
        if (live) setFailure(err);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.saved, JSON.stringify(samples)]);
  return (
    <section class="card" id="preview">
      <h2>{t('preview')}</h2>
      <p class="muted small">{t('previewHelp')}</p>
      {failure ? (
        <p class="error" role="alert">
          {failure instanceof ApiFailure && failure.status === 400
            ? t('previewBlocked')
            : failureText(failure)}
        </p>
      ) : null}
      {result && !failure && (
        <div aria-live="polite">
          <p class="big">
            <span id="preview-total">{`${score(result.total)} / ${score(result.maxScore)}`}</span>{' '}
            <span id="preview-grade">{`${result.grade} ${result.label}`}</span>{' '}
            <span class="muted">{`K ${result.k}`}</span>
          </p>
          <details>
            <summary>{t('previewDetails')}</summary>
            <ul class="plain small">
              {result.indicators.map((i) => (
                <li key={i.key}>{`${i.name}：${pick(i.explanation)}`}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
      <h3>{t('sampleInputs')}</h3>
      <div class="samples">
        {props.content.indicators.map((ind) => (
          <SampleFields key={ind.key} ind={ind} samples={samples} set={set} />
        ))}
      </div>
    </section>
  );
}
