import type { Indicator, SchemeContent } from '../../../worker/domain/scheme';
import { list } from '../format';
import { t } from '../i18n';
import { Table } from '../ui/table';

/** A one-line summary of an indicator's parameters. */
export function paramsText(i: Indicator): string {
  switch (i.type) {
    case 'quantity':
      return t('p_quantity', { target: i.params.target, cap: i.params.capRatio });
    case 'ratio':
      return t('p_ratio', { floor: i.params.floor, target: i.params.target });
    case 'rating':
      return t('p_rating', { scale: i.params.scale });
    case 'checklist':
      return list(i.params.items.map((x) => (x.critical ? `${x.name}（${t('p_critical')}）` : x.name)));
    case 'deduction':
      return list(i.params.rules.map((r) => `${r.name} −${r.deduct}`));
    case 'bonus':
      return list(i.params.rules.map((r) => `${r.name} +${r.add}`));
    case 'veto':
      return list([
        ...i.params.rules.map((r) => r.name),
        ...(i.params.grade ? [t('p_veto', { grade: i.params.grade })] : []),
      ]);
  }
}

/** A published version, read only: categories with their indicators, then the bands. */
export function SchemeContentView({ content }: { content: SchemeContent }) {
  return (
    <>
      <section class="card">
        <h2>{t('indicators')}</h2>
        <div class="scroll">
          <Table id="indicators">
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th>{t('type')}</th>
                <th class="num">{t('f_points')}</th>
                <th>{t('params')}</th>
              </tr>
            </thead>
            <tbody>
              {content.categories.flatMap((c) => [
                <tr class="category" key={c.key}>
                  <td>{c.name}</td>
                  <td />
                  <td class="num">
                    {content.indicators
                      .filter((i) => i.category === c.key && i.type !== 'bonus' && i.type !== 'veto')
                      .reduce((s, i) => s + i.points, 0)}
                  </td>
                  <td />
                </tr>,
                ...content.indicators
                  .filter((i) => i.category === c.key)
                  .map((i) => (
                    <tr key={i.key}>
                      <td>{i.name}</td>
                      <td>{t(`type_${i.type}`) + (i.required ? t('requiredMark') : '')}</td>
                      <td class="num">{i.type === 'veto' ? '—' : i.points}</td>
                      <td>{paramsText(i)}</td>
                    </tr>
                  )),
              ])}
            </tbody>
          </Table>
        </div>
      </section>
      <section class="card">
        <h2>{t('bands')}</h2>
        <Table id="bands">
          <thead>
            <tr>
              <th>{t('grade')}</th>
              <th>{t('f_label')}</th>
              <th>{t('range')}</th>
              <th class="num">K</th>
            </tr>
          </thead>
          <tbody>
            {content.bands.map((b) => (
              <tr key={b.grade}>
                <td>{b.grade}</td>
                <td>{b.label}</td>
                <td>{`${b.min} – ${b.max}`}</td>
                <td class="num">{b.k}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}
