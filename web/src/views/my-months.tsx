import { allPages, api, ok } from '../api';
import { failureText } from '../errors';
import { allows } from '../evaluation-api';
import { money, score, statusName } from '../format';
import { t } from '../i18n';
import { Badge, Loading, Page, useLoad } from '../ui/kit';
import { statusTone } from './evaluations';

/** An employee's own months, newest first: each a card that opens its breakdown. */
export function MyMonthsView() {
  const months = useLoad(async () => {
    const [items, periods] = await Promise.all([
      allPages((cursor) => ok(api.evaluations.$get({ query: { limit: '200', ...(cursor && { cursor }) } }))),
      ok(api.periods.$get()),
    ]);
    const keys = new Map(periods.items.map((p) => [p.id, p.key]));
    return items
      .map((e) => ({ e, key: keys.get(e.periodId) ?? '' }))
      .sort((a, b) => b.key.localeCompare(a.key));
  }, []);
  return (
    <Page title={t('myMonths')}>
      {months.loading && <Loading />}
      {months.error ? (
        <p class="error" role="alert">
          {failureText(months.error)}
        </p>
      ) : null}
      {months.data && months.data.length === 0 && <p class="muted">{t('noMonths')}</p>}
      <ul class="plain months" id="months">
        {months.data?.map(({ e, key }) => (
          <li key={e.id} class="card month">
            <a href={`#/evaluations/${e.id}`} class="month-link">
              <span class="month-key">{key}</span>
              <Badge tone={statusTone[e.status] ?? 'muted'}>{statusName(e.status)}</Badge>
            </a>
            <div class="facts">
              <div class="fact">
                <span class="muted">{t('total')}</span>
                <strong>{score(e.total)}</strong>
              </div>
              <div class="fact">
                <span class="muted">{t('grade')}</span>
                <strong>{e.grade}</strong>
              </div>
              <div class="fact">
                <span class="muted">{t('payTotal')}</span>
                <strong>{money(e.pay.totalFen)}</strong>
              </div>
            </div>
            {(allows(e, 'confirm') || allows(e, 'appeal')) && <p class="notice">{t('waitingForYou')}</p>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
