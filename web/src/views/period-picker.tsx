import { useState } from 'preact/hooks';
import { loadPeriods, type Period } from '../evaluation-api';
import { t } from '../i18n';
import { Select } from '../ui/inputs';
import { useLoad } from '../ui/kit';

export const periodLabel = (p: Period) =>
  `${p.key}（${t(p.status === 'open' ? 'periodOpen' : 'periodClosed')}）`;

/** The periods, newest first, and the one chosen (the newest open one by default). */
export function usePeriods(initial?: string | null) {
  const periods = useLoad(loadPeriods, []);
  const [chosen, setChosen] = useState<string>(initial ?? '');
  const list = periods.data ?? [];
  const current = list.find((p) => p.id === chosen) ?? list.find((p) => p.status === 'open') ?? list[0];
  return { ...periods, list, current, choose: setChosen };
}

export function PeriodSelect(props: { periods: ReturnType<typeof usePeriods>; id?: string; name?: string }) {
  const { list, current, choose } = props.periods;
  if (list.length === 0) return null;
  return (
    <Select
      id={props.id ?? 'period'}
      name={props.name}
      label={t('period')}
      value={current?.id ?? ''}
      options={list.map((p) => ({ value: p.id, label: periodLabel(p) }))}
      onValue={choose}
    />
  );
}
