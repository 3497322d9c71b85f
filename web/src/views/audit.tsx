import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import {
  type AuditEntry,
  actionText,
  changeText,
  entityText,
  schemeChangeText,
  subjectText,
} from '../audit-words';
import { createDigest, type Verdict, verifyAudit } from '../contract-api';
import { failureText } from '../errors';
import { when } from '../format';
import { t } from '../i18n';
import { loadEmployees, loadUsers } from '../org-api';
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
  'report',
];

/** Kinds of actions for the filter: each the actions, or the kinds of them, it covers. */
const actionKinds = {
  inputs: 'evaluation.inputs',
  workflow:
    'evaluation.submit,evaluation.confirm,evaluation.appeal,evaluation.resolve,evaluation.approve,evaluation.reopen,evaluation.lock',
  month: 'period,evaluation.create,evaluation.delete,evaluation.move,evaluation.reprice',
  org: 'employee,department,position',
  schemes: 'scheme,scheme_version,scheme_assignment',
  access: 'user,api_key,session,tenant',
  reports: 'report',
} as const;

const PAGE = 50;

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
  const [f, setFilters] = useState({
    kind: '',
    entityType: '',
    employeeId: '',
    actorId: '',
    from: '',
    to: '',
  });
  // The cursors of the pages before this one: "newer" pops, "older" pushes (keyset paging).
  const [trail, setTrail] = useState<string[]>([]);
  const cursor = trail.at(-1);
  const setF = (next: typeof f) => {
    setFilters(next);
    setTrail([]);
  };
  const choices = useLoad(async () => {
    const [users, employees] = await Promise.all([
      loadUsers().catch(() => []),
      loadEmployees().catch(() => []),
    ]);
    return { users, employees };
  }, []);
  const entries = useLoad(
    async () =>
      ok(
        api['audit-log'].$get({
          query: {
            limit: String(PAGE),
            ...(cursor && { cursor }),
            ...(f.kind && { action: actionKinds[f.kind as keyof typeof actionKinds] }),
            ...(f.entityType && { entityType: f.entityType }),
            ...(f.employeeId && { employeeId: f.employeeId }),
            ...(f.actorId && { actorId: f.actorId }),
            ...(f.from && { from: beijing(f.from, false) }),
            ...(f.to && { to: beijing(f.to, true) }),
          },
        }),
      ),
    [f.kind, f.entityType, f.employeeId, f.actorId, f.from, f.to, cursor],
  );
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const check = useAction();
  const digest = useAction();
  const [digestNote, setDigestNote] = useState('');
  const actorName = (a: AuditEntry['actor']) =>
    a.type === 'system'
      ? t('systemActor')
      : a.name === null
        ? t(a.type === 'api_key' ? 'unknownKey' : 'unknownUser')
        : a.type === 'api_key'
          ? t('keyActor', { name: a.name })
          : a.name;
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
            label={t('actionKind')}
            value={f.kind}
            options={[
              { value: '', label: t('all') },
              ...Object.keys(actionKinds).map((k) => ({ value: k, label: t(`kind_${k}` as 'kind_inputs') })),
            ]}
            onValue={(kind) => setF({ ...f, kind })}
          />
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
            label={t('f_employeeId')}
            value={f.employeeId}
            options={[
              { value: '', label: t('all') },
              ...(choices.data?.employees ?? []).map((e) => ({
                value: e.id,
                label: `${e.employeeNo} ${e.name}`,
              })),
            ]}
            onValue={(employeeId) => setF({ ...f, employeeId })}
          />
          <Select
            label={t('actor')}
            value={f.actorId}
            options={[
              { value: '', label: t('all') },
              ...(choices.data?.users ?? []).map((u) => ({ value: u.id, label: u.name })),
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
        {entries.data && entries.data.items.length === 0 && <p class="muted">{t('noEntries')}</p>}
        {entries.data && entries.data.items.length > 0 && (
          <div class="scroll">
            <Table id="audit-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('when')}</th>
                  <th>{t('actor')}</th>
                  <th>{t('action')}</th>
                  <th>{t('entity')}</th>
                  <th>{t('changes')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((e) => (
                  <tr key={e.id} data-seq={e.seq}>
                    <td class="nowrap">{e.seq}</td>
                    <td class="nowrap">{when(e.at)}</td>
                    <td>{actorName(e.actor)}</td>
                    <td>{actionText(e.action)}</td>
                    <td class="subject">{subjectText(e)}</td>
                    <td class="changes">
                      {e.changes.length + (e.schemeChanges?.length ?? 0) > 0 && (
                        <ul class="plain">
                          {e.changes.map((c) => (
                            <li key={`${c.field}${c.name ?? ''}`}>{changeText(c)}</li>
                          ))}
                          {(e.schemeChanges ?? []).map((c) => (
                            <li key={c.what + c.name + c.kind}>{schemeChangeText(c)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        <div class="row pager">
          <button
            type="button"
            id="audit-newer"
            disabled={trail.length === 0}
            onClick={() => setTrail(trail.slice(0, -1))}
          >
            {t('newerPage')}
          </button>
          <span class="muted">{t('pageNo', { n: trail.length + 1 })}</span>
          <button
            type="button"
            id="audit-older"
            disabled={!entries.data?.nextCursor}
            onClick={() => entries.data?.nextCursor && setTrail([...trail, entries.data.nextCursor])}
          >
            {t('olderPage')}
          </button>
        </div>
      </section>
    </Page>
  );
}
