import { useState } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { api, ok } from '../api';
import { schemeChangeText } from '../audit-words';
import { when } from '../format';
import { t } from '../i18n';
import { diffContent } from '../scheme-model';
import { Select } from '../ui/inputs';
import { useLoad } from '../ui/kit';

interface VersionRow {
  version: number;
  status: string;
  publishedAt: string | null;
  createdAt: string;
}

/** Every version, and what changed between two of them, indicator by indicator. */
export function VersionHistory(props: { schemeId: string; versions: VersionRow[]; revision: number }) {
  const sorted = [...props.versions].sort((a, b) => a.version - b.version);
  const [from, setFrom] = useState(String(sorted.at(-2)?.version ?? sorted[0]?.version ?? 1));
  const [to, setTo] = useState(String(sorted.at(-1)?.version ?? 1));
  const diff = useLoad(async () => {
    if (from === to) return [];
    const get = (v: string) =>
      ok(api.schemes[':id'].versions[':version'].$get({ param: { id: props.schemeId, version: v } }));
    const [a, b] = await Promise.all([get(from), get(to)]);
    return diffContent(a.content as SchemeContent, b.content as SchemeContent);
  }, [props.schemeId, from, to, props.revision]);
  const options = sorted.map((v) => ({ value: String(v.version), label: t('version', { n: v.version }) }));
  return (
    <section class="card" id="history">
      <h2>{t('history')}</h2>
      <ul class="plain">
        {sorted.map((v) => (
          <li key={v.version}>
            <a href={`#/schemes/${props.schemeId}/${v.version}`}>{t('version', { n: v.version })}</a>
            {` · ${t(`vstatus_${v.status}` as 'vstatus_draft')} · ${when(v.publishedAt ?? v.createdAt)}`}
          </li>
        ))}
      </ul>
      {sorted.length > 1 && (
        <>
          <div class="row wrap">
            <Select label={t('compareFrom')} value={from} options={options} onValue={setFrom} />
            <Select label={t('compareTo')} value={to} options={options} onValue={setTo} />
          </div>
          {diff.data && diff.data.length === 0 && <p class="muted">{t('noChanges')}</p>}
          {diff.data && diff.data.length > 0 && (
            <ul id="diff">
              {diff.data.map((c) => (
                <li key={c.what + c.name + c.kind}>{schemeChangeText(c)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
