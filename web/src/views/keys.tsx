import type { InferResponseType } from 'hono/client';
import { useState } from 'preact/hooks';
import { keyScopes } from '../../../db/schema/key-scopes';
import { api, ok } from '../api';
import { roleName, when } from '../format';
import { t } from '../i18n';
import { loadUsers, namesById, type User } from '../org-api';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { Badge, CopyButton, confirmFirst, Loading, Page, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

const scopeName = (s: string) => t(`scope_${s.replace(':', '_')}` as 'scope_org_read');

type Key = InferResponseType<(typeof api)['api-keys']['$get'], 200>['items'][number];

/** Whom to hand a key over to: another active owner or admin (the API checks it again). */
function HandOverForm(props: {
  k: Key;
  holders: User[];
  to: string;
  onTo: (id: string) => void;
  onGo: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  if (props.holders.length === 0)
    return (
      <span class="muted small">
        {t('noHandOverTarget')}{' '}
        <button type="button" class="link" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </span>
    );
  return (
    <form
      class="row wrap hand-over"
      onSubmit={(e) => {
        e.preventDefault();
        props.onGo();
      }}
    >
      <Select
        label={t('handOverTo')}
        id={`hand-over-${props.k.id}`}
        value={props.to}
        options={props.holders.map((u) => ({ value: u.id, label: `${u.name} · ${roleName(u.role)}` }))}
        onValue={props.onTo}
      />
      <button type="submit" class="primary" disabled={props.busy || !props.to}>
        {t('handOver')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/**
 * 密钥: keys with scopes named in Chinese and an optional expiry; the secret shown once. Each key
 * acts for an admin; revoking and handing over are offered as the API's allowedActions say.
 */
export function KeysView() {
  const keys = useLoad(async () => (await ok(api['api-keys'].$get({ query: { limit: '200' } }))).items, []);
  // Whom each key acts for, and to whom the owner may hand one over: active owners and admins.
  const users = useLoad(() => loadUsers().catch(() => []), []);
  const userName = namesById(users.data ?? []);
  const holders = (users.data ?? []).filter((u) => u.active && (u.role === 'owner' || u.role === 'admin'));
  const [handing, setHanding] = useState<{ id: string; to: string } | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();
  const create = async (e: Event) => {
    e.preventDefault();
    setSecret(null);
    // The date is a Beijing calendar day; the key stops at its end.
    const expiresAt = expires ? new Date(`${expires}T23:59:59+08:00`).toISOString() : undefined;
    const made = await action.run(() =>
      ok(
        api['api-keys'].$post({
          json: { name, scopes: scopes as (typeof keyScopes)[number][], ...(expiresAt && { expiresAt }) },
        }),
      ),
    );
    if (made) {
      setSecret(made.secret);
      setName('');
      setScopes([]);
      setExpires('');
      void keys.reload();
    }
  };
  const revoke = async (id: string, keyName: string) => {
    if (
      !(await confirmFirst(t('revokeAsk', { name: keyName }), {
        detail: t('revokeDetail'),
        danger: true,
        confirmLabel: t('revoke'),
      }))
    )
      return;
    const done = await action.run(() => ok(api['api-keys'][':id'].revoke.$post({ param: { id } })));
    if (done) void keys.reload();
  };
  const handOver = async (k: Key, to: string) => {
    const toName = userName.get(to) ?? '';
    const sure = await confirmFirst(t('handOverAsk', { name: k.name, to: toName }), {
      detail: t('handOverDetail', { to: toName }),
      confirmLabel: t('handOver'),
    });
    if (!sure) return;
    const done = await action.run(() =>
      ok(api['api-keys'][':id']['hand-over'].$post({ param: { id: k.id }, json: { userId: to } })),
    );
    if (done) {
      setHanding(null);
      void keys.reload();
    }
  };
  return (
    <Page title={t('keys')}>
      <form class="card stack" onSubmit={create}>
        <h2>{t('newKey')}</h2>
        <FormScope failure={action.failure}>
          <TextInput label={t('keyName')} name="name" value={name} onValue={setName} required />
          <fieldset>
            <legend>{t('scopes')}</legend>
            {keyScopes.map((s) => (
              <label class="tick" key={s}>
                <input
                  type="checkbox"
                  checked={scopes.includes(s)}
                  onChange={(e) =>
                    setScopes(e.currentTarget.checked ? [...scopes, s] : scopes.filter((x) => x !== s))
                  }
                />
                {scopeName(s)}
                <span class="muted small">{` ${t(`scopeHelp_${s.replace(':', '_')}` as 'scopeHelp_org_read')}`}</span>
              </label>
            ))}
          </fieldset>
          <TextInput
            label={t('expiresOn')}
            name="expiresAt"
            type="date"
            value={expires}
            onValue={setExpires}
            help={t('expiresHelp')}
          />
          <button type="submit" class="primary" disabled={action.busy}>
            {t('create')}
          </button>
          <FormError failure={action.failure} />
        </FormScope>
        {secret && (
          <div class="secret-box" role="status">
            <p>{t('secretOnce')}</p>
            <code id="secret">{secret}</code> <CopyButton text={secret} id="copy-secret" />
          </div>
        )}
      </form>
      <section class="card">
        <h2>{t('keyList')}</h2>
        {!keys.data ? (
          <Loading />
        ) : (
          <div class="scroll">
            <Table id="key-table">
              <thead>
                <tr>
                  <th>{t('keyName')}</th>
                  <th>{t('keyStart')}</th>
                  <th>{t('scopes')}</th>
                  <th>{t('expiresOn')}</th>
                  <th>{t('lastUsed')}</th>
                  <th title={t('keyHolderHelp')}>{t('keyHolder')}</th>
                  <th>{t('status')}</th>
                  <th>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{`${k.start}…`}</code>
                    </td>
                    <td>{k.scopes.map(scopeName).join(t('sep'))}</td>
                    <td>{k.expiresAt ? when(k.expiresAt) : t('never')}</td>
                    <td>{k.lastUsedAt ? when(k.lastUsedAt) : '—'}</td>
                    <td class="nowrap">{userName.get(k.createdBy) ?? '—'}</td>
                    <td>
                      {k.revokedAt ? (
                        <Badge tone="muted">{t('revoked')}</Badge>
                      ) : k.suspended ? (
                        <Badge tone="warn">{t('keySuspended')}</Badge>
                      ) : (
                        <Badge tone="ok">{t('active')}</Badge>
                      )}
                    </td>
                    <td class="row-actions">
                      {k.allowedActions.includes('revoke') && (
                        <button
                          type="button"
                          class="link danger-text"
                          data-action="revoke"
                          onClick={() => revoke(k.id, k.name)}
                        >
                          {t('revoke')}
                        </button>
                      )}
                      {k.allowedActions.includes('handOver') && handing?.id !== k.id && (
                        <button
                          type="button"
                          class="link"
                          data-action="handOver"
                          onClick={() =>
                            setHanding({ id: k.id, to: holders.find((u) => u.id !== k.createdBy)?.id ?? '' })
                          }
                        >
                          {t('handOver')}
                        </button>
                      )}
                      {handing?.id === k.id && (
                        <HandOverForm
                          k={k}
                          holders={holders.filter((u) => u.id !== k.createdBy)}
                          to={handing.to}
                          onTo={(to) => setHanding({ id: k.id, to })}
                          onGo={() => handOver(k, handing.to)}
                          onCancel={() => setHanding(null)}
                          busy={action.busy}
                        />
                      )}
                    </td>
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
