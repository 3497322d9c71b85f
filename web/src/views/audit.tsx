import { useState } from 'preact/hooks';
import { allPages, api, ok } from '../api';
import { createDigest, type Verdict, verifyAudit } from '../contract-api';
import { failureText } from '../errors';
import { when } from '../format';
import { hasText, t } from '../i18n';
import { loadUsers } from '../org-api';
import { isAdmin } from '../session';
import { Select, TextInput } from '../ui/inputs';
import { Loading, Page, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

const entityTypes = [
  'evaluation',
  'period',
  'scheme',
  'scheme_version',
  'employee',
  'department',
  'position',
  'user',
  'api_key',
  'session',
  'tenant',
];

/** "evaluation.inputs.add" → 录入考核数据; an action the catalogue does not know keeps its words. */
const actionText = (a: string) => {
  const key = `action_${a.replace(/\./g, '_')}`;
  return hasText(key) ? t(key) : a.replace(/[._]/g, ' ');
};
const entityText = (e: string) => (hasText(`entity_${e}`) ? t(`entity_${e}` as 'entity_user') : e);
/** A Beijing calendar day as the UTC instant it starts (or ends) at. */
const beijing = (day: string, end: boolean) =>
  new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}+08:00`).toISOString();

function VerdictText({ v }: { v: Verdict }) {
  const chain = v.firstBad
    ? t('chainBad', { seq: v.firstBad.seq, reason: t(`bad_${v.firstBad.reason}` as 'bad_hash_mismatch') })
    : t('chainOk', { n: v.checked });
  const d = v.digests;
  const digests = !d
    ? t('digestsUnknown')
    : d.firstMismatch
      ? t('digestBad', { at: when(d.firstMismatch.at), reason: d.firstMismatch.reason })
      : d.checked === 0
        ? t('digestsNone')
        : t('digestsOk', { n: d.checked });
  return (
    <div id="verdict" role="status" class={v.ok ? 'ok-text' : 'error'}>
      <p>{v.ok ? t('auditOk') : t('auditBad')}</p>
      <p id="chain-verdict">{chain}</p>
      <p id="digest-verdict">{digests}</p>
    </div>
  );
}

/** 审计日志: who did what and when (Beijing time), filtered; the chain and digest checks together. */
export function AuditView() {
  const [f, setF] = useState({ entityType: '', actorId: '', from: '', to: '' });
  const actors = useLoad(async () => {
    const [users, keys] = await Promise.all([
      loadUsers().catch(() => []),
      isAdmin()
        ? allPages((cursor) =>
            ok(api['api-keys'].$get({ query: { limit: '200', ...(cursor && { cursor }) } })),
          )
        : Promise.resolve([]),
    ]);
    return new Map<string, string>([
      ...users.map((u) => [u.id, u.name] as const),
      ...keys.map((k) => [k.id, t('keyActor', { name: k.name })] as const),
    ]);
  }, []);
  const entries = useLoad(
    async () =>
      (
        await ok(
          api['audit-log'].$get({
            query: {
              limit: '100',
              ...(f.entityType && { entityType: f.entityType }),
              ...(f.actorId && { actorId: f.actorId }),
              ...(f.from && { from: beijing(f.from, false) }),
              ...(f.to && { to: beijing(f.to, true) }),
            },
          }),
        )
      ).items,
    [f.entityType, f.actorId, f.from, f.to],
  );
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const check = useAction();
  const digest = useAction();
  const [digestNote, setDigestNote] = useState('');
  const names = actors.data ?? new Map<string, string>();
  const actorName = (a: { type: string; id: string }) =>
    a.type === 'system'
      ? t('systemActor')
      : (names.get(a.id) ?? t(a.type === 'api_key' ? 'unknownKey' : 'unknownUser'));
  return (
    <Page title={t('audit')}>
      <section class="card stack">
        <h2>{t('integrity')}</h2>
        <p class="muted small">{t('integrityHelp')}</p>
        <div class="row wrap">
          <button
            type="button"
            class="primary"
            id="verify"
            disabled={check.busy}
            onClick={async () => setVerdict((await check.run(verifyAudit)) ?? null)}
          >
            {t('verify')}
          </button>
          {isAdmin() && (
            <button
              type="button"
              id="make-digest"
              disabled={digest.busy}
              onClick={async () => {
                const d = await digest.run(createDigest);
                if (d) setDigestNote(t('digestMade', { seq: d.head.seq, at: when(d.at) }));
              }}
            >
              {t('makeDigest')}
            </button>
          )}
        </div>
        {verdict && <VerdictText v={verdict} />}
        {digestNote && <p role="status">{digestNote}</p>}
        {check.failure || digest.failure ? (
          <p class="error" role="alert">
            {failureText(check.failure ?? digest.failure)}
          </p>
        ) : null}
      </section>
      <section class="card">
        <h2>{t('auditEntries')}</h2>
        <div class="row wrap filters">
          <Select
            label={t('entity')}
            value={f.entityType}
            options={[
              { value: '', label: t('all') },
              ...entityTypes.map((e) => ({ value: e, label: entityText(e) })),
            ]}
            onValue={(entityType) => setF({ ...f, entityType })}
          />
          <Select
            label={t('actor')}
            value={f.actorId}
            options={[
              { value: '', label: t('all') },
              ...[...names].map(([id, name]) => ({ value: id, label: name })),
            ]}
            onValue={(actorId) => setF({ ...f, actorId })}
          />
          <TextInput
            label={t('fromDay')}
            type="date"
            value={f.from}
            onValue={(from) => setF({ ...f, from })}
          />
          <TextInput label={t('toDay')} type="date" value={f.to} onValue={(to) => setF({ ...f, to })} />
        </div>
        <p class="muted small">{t('beijingTime')}</p>
        {entries.loading && <Loading />}
        {entries.error ? (
          <p class="error" role="alert">
            {failureText(entries.error)}
          </p>
        ) : null}
        {entries.data && (
          <div class="scroll">
            <Table id="audit-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('when')}</th>
                  <th>{t('actor')}</th>
                  <th>{t('action')}</th>
                  <th>{t('entity')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.map((e) => (
                  <tr key={e.id}>
                    <td>{e.seq}</td>
                    <td class="nowrap">{when(e.at)}</td>
                    <td>{actorName(e.actor)}</td>
                    <td>{actionText(e.action)}</td>
                    <td>{entityText(e.entity.type)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </Page>
  );
}
