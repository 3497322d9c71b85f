import { useState } from 'preact/hooks';
import { api, ok } from '../api';
import { t } from '../i18n';
import { go } from '../router';
import { FormError, FormScope } from '../ui/form';
import { Select, TextInput } from '../ui/inputs';
import { Badge, Loading, Page, useAction, useLoad } from '../ui/kit';
import { Table } from '../ui/table';

/** 考核方案: the company's schemes, and a new one from a template or as a copy of another. */
export function SchemesView() {
  const data = useLoad(async () => {
    const [schemes, templates] = await Promise.all([
      ok(api.schemes.$get({ query: { limit: '200' } })),
      ok(api.templates.$get()),
    ]);
    return { schemes: schemes.items, templates: templates.items };
  }, []);
  const [template, setTemplate] = useState('');
  const [copyOf, setCopyOf] = useState('');
  const [copyName, setCopyName] = useState('');
  const action = useAction();
  const schemes = data.data?.schemes ?? [];
  const templates = data.data?.templates ?? [];

  const fromTemplate = async (e: Event) => {
    e.preventDefault();
    const id = template || templates[0]?.id;
    if (!id) return;
    const s = await action.run(() => ok(api.schemes.$post({ json: { fromTemplate: id } })));
    if (s) go(`#/schemes/${s.id}`);
  };
  const copy = async (e: Event) => {
    e.preventDefault();
    const source = schemes.find((s) => s.id === (copyOf || schemes[0]?.id));
    if (!source) return;
    const version = source.currentVersion ?? source.draftVersion ?? 1;
    const s = await action.run(async () => {
      const v = await ok(
        api.schemes[':id'].versions[':version'].$get({ param: { id: source.id, version: String(version) } }),
      );
      return ok(
        api.schemes.$post({
          json: {
            name: copyName || t('copyName', { name: source.name }),
            description: source.description,
            content: v.content,
          },
        }),
      );
    });
    if (s) go(`#/schemes/${s.id}`);
  };

  return (
    <Page title={t('schemes')}>
      <section class="card">
        <h2>{t('schemeList')}</h2>
        {data.loading && <Loading />}
        {!data.loading && schemes.length === 0 && <p class="muted">{t('noSchemes')}</p>}
        {schemes.length > 0 && (
          <div class="scroll">
            <Table id="scheme-list">
              <thead>
                <tr>
                  <th>{t('scheme')}</th>
                  <th>{t('currentVersion')}</th>
                  <th>{t('draftVersion')}</th>
                  <th>{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {schemes.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={`#/schemes/${s.id}`}>{s.name}</a>
                    </td>
                    <td>{s.currentVersion ? t('version', { n: s.currentVersion }) : '—'}</td>
                    <td>{s.draftVersion ? t('version', { n: s.draftVersion }) : '—'}</td>
                    <td>
                      <Badge tone={s.status === 'active' ? 'ok' : 'muted'}>{t(`sstatus_${s.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
      <FormScope failure={action.failure}>
        <div class="grid2">
          <form class="card stack" onSubmit={fromTemplate}>
            <h2>{t('fromTemplate')}</h2>
            <Select
              id="template"
              label={t('template')}
              value={template || templates[0]?.id || ''}
              options={templates.map((x) => ({ value: x.id, label: x.name }))}
              onValue={setTemplate}
            />
            <p class="muted small">
              {templates.find((x) => x.id === (template || templates[0]?.id))?.description}
            </p>
            <button type="submit" class="primary" disabled={action.busy}>
              {t('fromTemplate')}
            </button>
          </form>
          {schemes.length > 0 && (
            <form class="card stack" onSubmit={copy}>
              <h2>{t('copyScheme')}</h2>
              <Select
                label={t('copyFrom')}
                value={copyOf || schemes[0]?.id || ''}
                options={schemes.map((x) => ({ value: x.id, label: x.name }))}
                onValue={setCopyOf}
              />
              <TextInput label={t('newSchemeName')} name="name" value={copyName} onValue={setCopyName} />
              <button type="submit" disabled={action.busy}>
                {t('copyScheme')}
              </button>
            </form>
          )}
        </div>
        <FormError failure={action.failure} />
      </FormScope>
    </Page>
  );
}
