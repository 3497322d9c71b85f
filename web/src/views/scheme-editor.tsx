import type { Band, Category, Indicator, SchemeContent } from '../../../worker/domain/scheme';
import { t } from '../i18n';
import { newKey } from '../scheme-model';
import { TextInput } from '../ui/inputs';
import { IndicatorForm, NumberInput } from './indicator-form';

type Props = { content: SchemeContent; onChange: (c: SchemeContent) => void };

function Categories({ content, onChange }: Props) {
  const set = (i: number, c: Category) =>
    onChange({ ...content, categories: content.categories.map((x, j) => (j === i ? c : x)) });
  return (
    <section class="card" id="categories-editor">
      <h2>{t('categories')}</h2>
      {content.categories.map((c, i) => (
        <div class="row wrap" key={c.key}>
          <TextInput
            label={t('f_categoryName')}
            name={`categories[${i}].name`}
            value={c.name}
            onValue={(name) => set(i, { ...c, name })}
          />
          <span class="muted small">
            {t('categoryPoints', {
              n: content.indicators
                .filter((x) => x.category === c.key && x.type !== 'bonus' && x.type !== 'veto')
                .reduce((s, x) => s + x.points, 0),
            })}
          </span>
          <button
            type="button"
            class="link"
            onClick={() => onChange({ ...content, categories: content.categories.filter((_, j) => j !== i) })}
          >
            {t('removeNamed', { name: c.name || t('category') })}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...content,
            categories: [
              ...content.categories,
              {
                key: newKey(
                  'cat',
                  content.categories.map((c) => c.key),
                ),
                name: '',
              },
            ],
          })
        }
      >
        {t('addCategory')}
      </button>
    </section>
  );
}

function Indicators({ content, onChange }: Props) {
  const set = (i: number, ind: Indicator) =>
    onChange({ ...content, indicators: content.indicators.map((x, j) => (j === i ? ind : x)) });
  const add = () => {
    const key = newKey(
      'ind',
      content.indicators.map((x) => x.key),
    );
    const ind: Indicator = {
      key,
      name: '',
      category: content.categories[0]?.key ?? '',
      type: 'rating',
      points: 10,
      required: false,
      params: { scale: 10 },
    };
    onChange({ ...content, indicators: [...content.indicators, ind] });
  };
  return (
    <section class="card" id="indicators-editor">
      <h2>{t('indicators')}</h2>
      {content.categories.map((c) => (
        <div key={c.key} class="category-group">
          <h3>{c.name}</h3>
          {content.indicators.map((ind, i) =>
            ind.category === c.key ? (
              <IndicatorForm
                key={ind.key}
                ind={ind}
                index={i}
                categories={content.categories}
                grades={content.bands.map((b) => b.grade)}
                onChange={(next) => set(i, next)}
                onRemove={() =>
                  onChange({ ...content, indicators: content.indicators.filter((_, j) => j !== i) })
                }
              />
            ) : null,
          )}
        </div>
      ))}
      {content.indicators.map((ind, i) =>
        content.categories.some((c) => c.key === ind.category) ? null : (
          <IndicatorForm
            key={ind.key}
            ind={ind}
            index={i}
            categories={content.categories}
            grades={content.bands.map((b) => b.grade)}
            onChange={(next) => set(i, next)}
            onRemove={() =>
              onChange({ ...content, indicators: content.indicators.filter((_, j) => j !== i) })
            }
          />
        ),
      )}
      <button type="button" onClick={add}>
        {t('addIndicator')}
      </button>
    </section>
  );
}

function Bands({ content, onChange }: Props) {
  const set = (i: number, b: Band) =>
    onChange({ ...content, bands: content.bands.map((x, j) => (j === i ? b : x)) });
  return (
    <section class="card" id="bands-editor">
      <h2>{t('bands')}</h2>
      <p class="muted small">{t('bandsHelp', { max: content.maxScore })}</p>
      {content.bands.map((b, i) => (
        // The key is the band's place: its grade is the very thing being edited.
        <fieldset class="row wrap band" key={i} data-band={b.grade}>
          <legend class="sr-only">{t('named', { what: t('row_bands'), name: b.grade })}</legend>
          <TextInput
            label={t('f_grade')}
            name={`bands[${i}].grade`}
            value={b.grade}
            onValue={(grade) => set(i, { ...b, grade })}
            size={4}
          />
          <TextInput
            label={t('f_label')}
            name={`bands[${i}].label`}
            value={b.label}
            onValue={(label) => set(i, { ...b, label })}
            size={6}
          />
          <NumberInput
            label={t('f_min')}
            name={`bands[${i}].min`}
            value={b.min}
            onValue={(min) => set(i, { ...b, min })}
          />
          <NumberInput
            label={t('f_max')}
            name={`bands[${i}].max`}
            value={b.max}
            onValue={(max) => set(i, { ...b, max })}
          />
          <NumberInput
            label={t('f_k')}
            name={`bands[${i}].k`}
            value={b.k}
            step="0.01"
            onValue={(k) => set(i, { ...b, k })}
          />
          <button
            type="button"
            class="link"
            onClick={() => onChange({ ...content, bands: content.bands.filter((_, j) => j !== i) })}
          >
            {t('removeNamed', { name: b.grade || t('row_bands') })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({ ...content, bands: [...content.bands, { grade: '', label: '', min: 0, max: 0, k: 1 }] })
        }
      >
        {t('addBand')}
      </button>
    </section>
  );
}

/** The draft's content, editable: max score, categories, indicators by category, grade bands. */
export function SchemeEditor(props: Props) {
  return (
    <>
      <section class="card">
        <NumberInput
          label={t('f_maxScore')}
          name="maxScore"
          value={props.content.maxScore}
          help={t('maxScoreHelp')}
          onValue={(maxScore) => props.onChange({ ...props.content, maxScore })}
        />
      </section>
      <Categories {...props} />
      <Indicators {...props} />
      <Bands {...props} />
    </>
  );
}
