import { useEffect, useRef, useState } from 'preact/hooks';
import type { SchemeContent } from '../../../worker/domain/scheme';
import { api, ok } from '../api';
import { failureText, rememberNames } from '../errors';
import { allows, type Detail, loadEvaluation, pinnedContent, removeInput } from '../evaluation-api';
import { freshness } from '../fresh';
import { t } from '../i18n';
import { loadUsers } from '../org-api';
import { go } from '../router';
import { isAdmin, isEmployee, me } from '../session';
import { Loading, Page, useLoad } from '../ui/kit';
import { WorkflowActions } from './evaluation-actions';
import { RecordForms } from './evaluation-forms';
import { AppealThread, Breakdown, EvaluationHeader, InputsList } from './evaluation-parts';

/**
 * One evaluation. The employee (on a phone, mostly) reads the breakdown first, then confirms
 * or appeals; HR and supervisors record inputs, then take the workflow's next step.
 */
export function EvaluationView({ id }: { id: string }) {
  const loaded = useLoad(
    async () => {
      const d = await loadEvaluation(id);
      const [content, period, users] = await Promise.all([
        pinnedContent(d),
        ok(api.periods[':id'].$get({ param: { id: d.periodId } })),
        isAdmin() ? loadUsers().catch(() => []) : Promise.resolve([]),
      ]);
      rememberNames(content);
      return { d, content: content as SchemeContent, period, users };
      // Not reloaded wholesale on focus: theirChanges() below compares revisions and says so.
    },
    [id],
    { live: false },
  );
  const [removeFailure, setRemoveFailure] = useState<unknown>(null);
  const data = loaded.data;
  const changed = useTheirChanges(id, loaded.data, loaded.set);
  if (!data)
    return (
      <Page title={t('evaluation')}>
        {loaded.error ? (
          <p class="error" role="alert">
            {failureText(loaded.error)}
          </p>
        ) : (
          <Loading />
        )}
      </Page>
    );
  const { d, content, period } = data;
  const apply = (next: Detail) => loaded.set({ ...data, d: next });
  const names = new Map(data.users.map((u) => [u.id, u.name]));
  const nameOf = (userId: string | null) => {
    if (!userId) return '';
    if (userId === me.value?.user.id) return me.value.user.name;
    return names.get(userId) ?? (userId === d.appeals[0]?.createdBy ? (d.employeeName ?? '') : t('hr'));
  };
  // Recording and removing inputs go together: the API offers both as `record`.
  const recording = allows(d, 'record');
  const remove = async (inputId: string) => {
    setRemoveFailure(null);
    try {
      apply(await removeInput(d, inputId));
    } catch (err) {
      setRemoveFailure(err);
    }
  };
  const back = isEmployee() ? '#/evaluations' : `#/evaluations?period=${d.periodId}`;
  const actions = (
    <WorkflowActions
      d={d}
      content={content}
      onChange={apply}
      onReload={() => void loaded.reload()}
      onLeft={() => go(back)}
    />
  );
  return (
    <Page title={t('evaluationOf', { name: d.employeeName ?? '', key: period.key })}>
      <div id="evaluation" onFocusIn={changed.beforeTyping}>
        {changed.notice && (
          <div class="notice row wrap" id="changed-notice" role="alert">
            <span>{t('changedElsewhere')}</span>
            <button type="button" class="link" onClick={changed.dismiss}>
              {t('gotIt')}
            </button>
          </div>
        )}
        <EvaluationHeader d={d} periodKey={period.key} content={content} back={back} />
        {recording && <RecordForms d={d} content={content} onSaved={apply} />}
        {/* An employee (on a phone) reads the breakdown before answering; staff act first. */}
        {!isEmployee() && actions}
        <Breakdown d={d} />
        {isEmployee() && actions}
        {removeFailure ? (
          <p class="error" role="alert">
            {failureText(removeFailure)}
          </p>
        ) : null}
        <InputsList d={d} content={content} onRemove={recording ? remove : undefined} />
        <AppealThread d={d} content={content} nameOf={nameOf} />
      </div>
    </Page>
  );
}

type Loaded = { d: Detail } & Record<string, unknown>;
/**
 * Another tab or person may change the evaluation while this page shows it. When the person
 * comes back (focus, visibility, navigation) or goes into a form to type, it is fetched again;
 * a newer revision replaces what is shown, with a notice, before anything is typed over it.
 */
function useTheirChanges<L extends Loaded>(id: string, data: L | undefined, set: (next: L) => void) {
  const [notice, setNotice] = useState(false);
  const latest = useRef(data);
  latest.current = data;
  const check = async () => {
    const fresh = await loadEvaluation(id).catch(() => null);
    const shown = latest.current;
    // Only newer: this page's own write may have landed while the check was on its way.
    if (!fresh || !shown || fresh.revision <= shown.d.revision) return;
    set({ ...shown, d: fresh });
    setNotice(true);
  };
  useEffect(() => {
    const seen = freshness.peek();
    return freshness.subscribe((n) => {
      if (n !== seen) void check();
    });
  }, [id]);
  return {
    notice,
    dismiss: () => setNotice(false),
    // Once as focus enters a form's fields, not at each field tabbed through inside it.
    beforeTyping: (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      if (!el.matches('input, textarea, select')) return;
      const form = el.closest('form');
      const from = e.relatedTarget as Node | null;
      if (form && from && form.contains(from)) return;
      void check();
    },
  };
}
