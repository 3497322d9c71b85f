import { useEffect, useRef, useState } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { api, ok } from '../api';
import { rememberNames } from '../errors';
import { t } from '../i18n';
import { go } from '../router';
import { FormError, FormScope } from '../ui/form';
import { Badge, confirmFirst, Loading, Page, useAction, useLoad } from '../ui/kit';
import { Assignments } from './assignments';
import { LiveChecks, Preview } from './scheme-checks';
import { SchemeEditor } from './scheme-editor';
import { VersionHistory } from './scheme-history';
import { SchemeContentView } from './scheme-view';

type Version = Awaited<ReturnType<typeof loadVersion>>;
const loadVersion = (id: string, version: string) =>
  ok(api.schemes[':id'].versions[':version'].$get({ param: { id, version } }));

/** The draft being edited: saved as one types (a draft needs only the shape), then previewed. */
function DraftEditor(props: {
  schemeId: string;
  version: Version;
  onPublished: () => void;
  onSaved: () => void;
}) {
  const [content, setContent] = useState(props.version.content as SchemeContent);
  const [saved, setSaved] = useState(0);
  const [saving, setSaving] = useState(false);
  const save = useAction();
  const publish = useAction();
  const first = useRef(true);
  rememberNames(content);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaving(true);
    const timer = setTimeout(async () => {
      const done = await save.run(() =>
        ok(
          api.schemes[':id'].versions[':version'].$put({
            param: { id: props.schemeId, version: String(props.version.version) },
            json: { content },
          }),
        ),
      );
      setSaving(false);
      if (done) {
        setSaved((n) => n + 1);
        props.onSaved();
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [content]);
  const doPublish = async () => {
    const sure = await confirmFirst(t('publishAsk', { n: props.version.version }), {
      detail: t('publishDetail'),
      confirmLabel: t('publish'),
    });
    if (!sure) return;
    const done = await publish.run(() =>
      ok(
        api.schemes[':id'].versions[':version'].publish.$post({
          param: { id: props.schemeId, version: String(props.version.version) },
        }),
      ),
    );
    if (done) props.onPublished();
  };
  return (
    <FormScope failure={save.failure ?? publish.failure} content={content}>
      <div class="sticky-bar row wrap">
        <span id="save-state" class="muted" aria-live="polite">
          {saving ? t('saving') : save.failure ? t('notSaved') : t('savedDraft')}
        </span>
        <button
          type="button"
          class="primary"
          id="publish"
          disabled={saving || publish.busy}
          onClick={doPublish}
        >
          {t('publish')}
        </button>
      </div>
      <FormError id="publish-error" failure={save.failure ?? publish.failure} />
      <div class="editor-layout">
        <div class="editor-main">
          <SchemeEditor content={content} onChange={setContent} />
        </div>
        <aside class="editor-side">
          <LiveChecks content={content} />
          <Preview
            schemeId={props.schemeId}
            version={props.version.version}
            content={content}
            saved={saved}
          />
        </aside>
      </div>
    </FormScope>
  );
}

/** One scheme: a version (the draft is editable), publishing, new versions, history, assignments. */
export function SchemeView({ id, version }: { id: string; version?: string }) {
  // The draft being edited is this page's own: a reload on focus would drop what was typed.
  const scheme = useLoad(() => ok(api.schemes[':id'].$get({ param: { id } })), [id], { live: false });
  const s = scheme.data;
  const chosen = version ?? String(s?.draftVersion ?? s?.currentVersion ?? 1);
  const v = useLoad(
    async () => (s ? loadVersion(id, chosen) : null),
    [id, chosen, s?.updatedAt, s?.draftVersion, s?.currentVersion],
    { live: false },
  );
  const action = useAction();
  // Bumped on each draft save, so the history's comparison follows the draft as it is edited.
  const [saves, setSaves] = useState(0);
  const newVersion = async () => {
    const made = await action.run(() => ok(api.schemes[':id'].versions.$post({ param: { id } })));
    if (made) {
      await scheme.reload();
      go(`#/schemes/${id}/${made.version}`);
    }
  };
  if (!s)
    return (
      <Page title={t('schemes')}>{scheme.error ? <FormError failure={scheme.error} /> : <Loading />}</Page>
    );
  const data = v.data;
  if (data) rememberNames(data.content as SchemeContent);
  return (
    <Page title={s.name} titleId="scheme-name">
      <a href="#/schemes">{t('backToSchemes')}</a>
      <section class="card row wrap">
        {data && (
          <span id="version-state">
            {t('version', { n: data.version })}{' '}
            <Badge tone={data.status === 'draft' ? 'warn' : 'ok'}>{t(`vstatus_${data.status}`)}</Badge>
          </span>
        )}
        {s.status === 'active' && !s.draftVersion && (
          <button type="button" onClick={newVersion} disabled={action.busy} id="new-version">
            {t('newVersion')}
          </button>
        )}
        {s.draftVersion && data?.status !== 'draft' && (
          <a href={`#/schemes/${id}/${s.draftVersion}`}>{t('editDraft', { n: s.draftVersion })}</a>
        )}
      </section>
      <FormScope failure={action.failure}>
        <FormError failure={action.failure} />
      </FormScope>
      {!data && <Loading />}
      {data?.status === 'draft' && (
        <DraftEditor
          key={data.id}
          schemeId={id}
          version={data}
          onSaved={() => setSaves((n) => n + 1)}
          onPublished={async () => {
            await scheme.reload();
            go(`#/schemes/${id}/${data.version}`);
          }}
        />
      )}
      {data && data.status !== 'draft' && <SchemeContentView content={data.content as SchemeContent} />}
      <VersionHistory key={s.versions.length} schemeId={id} versions={s.versions} revision={saves} />
      <Assignments schemeId={id} />
    </Page>
  );
}
