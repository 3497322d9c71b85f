import { useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../api';
import { failureText, humanize } from '../errors';
import { statusName } from '../format';
import { type Grid, type GridColumn, type GridRow, loadGrid, saveGrid } from '../grid-api';
import { type CellProblem, cellText, type PasteProblem, parseCell, placePaste } from '../grid-paste';
import { t } from '../i18n';
import { loadDepartments } from '../org-api';
import { go, route } from '../router';
import { Select } from '../ui/inputs';
import { Loading, Page, useLoad } from '../ui/kit';
import { PeriodSelect, usePeriods } from './period-picker';

/** A cell's place in the edits and the API's issues: evaluation and indicator. */
const cellId = (evaluationId: string, key: string) => `${evaluationId}|${key}`;
/** The API's issue about a whole row (stale revision, state, not yours). */
const rowId = (evaluationId: string) => `${evaluationId}|`;

const unit = (c: GridColumn) =>
  c.type === 'ratio'
    ? t('gridUnitRate')
    : c.type === 'rating'
      ? t('gridUnitPoints', { scale: c.scale ?? '' })
      : t('gridUnitCount');

/** What is wrong with a typed value, in words (the grid's cells and the single-value form). */
export function problemText(p: CellProblem): string {
  if (p.code === 'rate_ambiguous') {
    return t('cell_rate_ambiguous', { text: p.text, percent: p.percent });
  }
  if (p.code === 'rate_range') return t('cell_rate_range', { percent: p.percent });
  if (p.code === 'rating_range') return t('cell_rating_range', { scale: p.scale });
  return t(`cell_${p.code}`);
}

function pasteProblemText(p: PasteProblem): string {
  const { code, ...params } = p;
  return t(`paste_${code}`, params as Record<string, string | number>);
}

interface GridIssue {
  field: string;
  code: string;
  message: string;
  evaluationId?: string;
  indicator?: string;
  currentRevision?: number;
}

/** The API's refusal of a save, by cell or row, kept as issues so they re-render in either language. */
function issuesOf(err: unknown): Map<string, GridIssue> {
  const out = new Map<string, GridIssue>();
  if (!(err instanceof ApiFailure)) return out;
  for (const d of err.details as GridIssue[]) {
    if (!d.evaluationId) continue;
    out.set(d.indicator ? cellId(d.evaluationId, d.indicator) : rowId(d.evaluationId), d);
  }
  return out;
}

/** A row's refusal in the reader's language; a cell's in the API's words (the grid checks values first). */
function issueText(issue: GridIssue, row: GridRow): string {
  switch (issue.code) {
    case 'stale_revision':
      return t('grid_stale');
    case 'wrong_state':
      return t('grid_wrong_state', { status: statusName(row.status) });
    case 'not_found':
    case 'not_allowed':
    case 'own_evaluation':
    case 'employee_inactive':
      return t(`grid_${issue.code}`);
    default:
      return humanize(issue.message);
  }
}

const editable = (r: GridRow, key: string) => r.allowedActions.includes('record') && key in r.cells;

/** What the grid will send: each changed cell that parses, per row at the revision it was read. */
function pending(grid: Grid, edits: Map<string, string>) {
  const rows: { evaluationId: string; revision: number; cells: Record<string, number> }[] = [];
  let bad = 0;
  let count = 0;
  for (const r of grid.rows) {
    const cells: Record<string, number> = {};
    for (const c of grid.columns) {
      const text = edits.get(cellId(r.evaluationId, c.key));
      if (text === undefined || !editable(r, c.key)) continue;
      const parsed = parseCell(text, c);
      if (parsed.empty) continue;
      if ('problem' in parsed) bad++;
      else if (parsed.value !== r.cells[c.key]) cells[c.key] = parsed.value;
    }
    const n = Object.keys(cells).length;
    if (n > 0) rows.push({ evaluationId: r.evaluationId, revision: r.revision, cells });
    count += n;
  }
  return { rows, bad, count };
}

/** 录入表格: one period (one department) as employees × indicators, pasted from Excel, saved at once. */
export function GridView() {
  const periods = usePeriods(route.value.query.get('period'));
  const p = periods.current;
  const [department, setDepartment] = useState(route.value.query.get('department') ?? '');
  const deps = useLoad(() => loadDepartments().catch(() => []), []);
  const grid = useLoad(async () => (p ? loadGrid(p.id, department || undefined) : null), [p?.id, department]);
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [issues, setIssues] = useState<Map<string, GridIssue>>(new Map());
  const [note, setNote] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const focus = useRef({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const g = grid.data;

  const edit = (changes: [string, string][]) => {
    const next = new Map(edits);
    const cleared = new Map(issues);
    for (const [at, text] of changes) {
      next.set(at, text);
      cleared.delete(at);
    }
    setEdits(next);
    setIssues(cleared);
    setSaved('');
  };

  const moveTo = (row: number, col: number) => {
    const input = table.current?.querySelector<HTMLInputElement>(
      `input[data-row="${row}"][data-col="${col}"]`,
    );
    if (input) {
      input.focus();
      input.select();
    }
  };

  const onKey = (e: KeyboardEvent, row: number, col: number) => {
    const input = e.currentTarget as HTMLInputElement;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) moveTo(row + 1, col);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) moveTo(row - 1, col);
    else if (e.key === 'ArrowLeft' && atStart) moveTo(row, col - 1);
    else if (e.key === 'ArrowRight' && atEnd) moveTo(row, col + 1);
    else return;
    e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent) => {
    if (!g) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    // One value typed by hand pastes like any text; a block goes where Excel would put it.
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const placed = placePaste(
      text,
      { rows: g.rows, columns: g.columns.map((c) => ({ ...c, scale: c.scale ?? null })) },
      focus.current,
    );
    const changes: [string, string][] = [];
    let skipped = 0;
    for (const x of placed.placements) {
      const r = g.rows[x.row]!;
      if (editable(r, x.key)) changes.push([cellId(r.evaluationId, x.key), x.text.trim()]);
      else skipped++;
    }
    edit(changes);
    setNote([
      t('gridPasted', { n: changes.length }),
      ...(skipped > 0 ? [t('gridPasteSkipped', { n: skipped })] : []),
      ...placed.problems.map(pasteProblemText),
    ]);
  };

  const todo = g ? pending(g, edits) : { rows: [], bad: 0, count: 0 };
  const save = async () => {
    if (!p || todo.rows.length === 0 || todo.bad > 0) return;
    setBusy(true);
    setFailed(null);
    setIssues(new Map());
    try {
      const done = await saveGrid(p.id, todo.rows);
      // The typed values give way to the saved ones only once those are read back.
      await grid.reload();
      setEdits(new Map());
      setNote([]);
      setSaved(t('gridSaved', { rows: done.saved, cells: todo.count }));
    } catch (err) {
      // Nothing was saved: what was typed stays, and each refused row or cell says why.
      setFailed(err);
      setIssues(issuesOf(err));
    } finally {
      setBusy(false);
    }
  };
  const shownIssues = issues;

  const depOptions = [
    { value: '', label: t('gridAllDepartments') },
    ...(deps.data ?? []).map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <Page
      title={p ? t('gridOf', { key: p.key }) : t('grid')}
      actions={
        <div class="row wrap">
          <PeriodSelect periods={periods} />
          {depOptions.length > 2 && (
            <Select
              id="grid-department"
              label={t('gridDepartment')}
              value={department}
              options={depOptions}
              onValue={(d) => {
                setDepartment(d);
                go(`#/grid${d ? `?department=${encodeURIComponent(d)}` : ''}`);
              }}
            />
          )}
        </div>
      }
    >
      <section class="card stack">
        <p class="muted small">{t('gridHelp')}</p>
        {(periods.loading || grid.loading) && <Loading />}
        {grid.error ? (
          <p class="error" role="alert">
            {failureText(grid.error)}
          </p>
        ) : null}
        {note.length > 0 && (
          <ul id="grid-paste-note" class="small" aria-live="polite">
            {note.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {g && g.rows.length === 0 && <p class="muted">{t('gridNoRows')}</p>}
        {g && g.rows.length > 0 && g.columns.length === 0 && <p class="muted">{t('gridNoColumns')}</p>}
        {g && g.rows.length > 0 && g.columns.length > 0 && (
          <div class="scroll">
            <table id="grid" class="grid" ref={table}>
              <thead>
                <tr>
                  <th>{t('employeeNo')}</th>
                  <th>{t('name')}</th>
                  {g.columns.map((c) => (
                    <th key={c.key} class="num" data-key={c.key}>
                      {c.name}
                      <span class="muted small unit">（{unit(c)}）</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r, i) => {
                  const found = shownIssues.get(rowId(r.evaluationId));
                  const rowIssue = found ? issueText(found, r) : '';
                  return (
                    <tr key={r.evaluationId} data-employee={r.employeeNo} class={rowIssue ? 'bad' : ''}>
                      <td class="nowrap">{r.employeeNo}</td>
                      <td class="nowrap">
                        <a href={`#/evaluations/${r.evaluationId}`}>{r.employeeName}</a>
                        {rowIssue && (
                          <small class="error block" role="alert">
                            {rowIssue}
                          </small>
                        )}
                      </td>
                      {g.columns.map((c, j) => {
                        const at = cellId(r.evaluationId, c.key);
                        if (!(c.key in r.cells)) return <td key={c.key} class="num muted" />;
                        const typed = edits.get(at);
                        const text = typed ?? cellText(r.cells[c.key] ?? null, c.type);
                        const parsed = typed === undefined ? null : parseCell(typed, c);
                        const problem = parsed && 'problem' in parsed ? problemText(parsed.problem) : '';
                        const cellIssue = shownIssues.get(at);
                        const message = problem || (cellIssue ? issueText(cellIssue, r) : '');
                        const canWrite = editable(r, c.key);
                        return (
                          <td key={c.key} class={`num${message ? ' bad' : ''}`}>
                            <input
                              class="cell"
                              inputMode="decimal"
                              data-row={i}
                              data-col={j}
                              data-key={c.key}
                              value={text}
                              readOnly={!canWrite}
                              title={canWrite ? undefined : t('gridNotEditable')}
                              aria-label={t('gridCell', { name: r.employeeName, indicator: c.name })}
                              aria-invalid={message ? true : undefined}
                              onFocus={() => {
                                focus.current = { row: i, col: j };
                              }}
                              onInput={(e) => edit([[at, e.currentTarget.value]])}
                              onKeyDown={(e) => onKey(e, i, j)}
                              onPaste={onPaste}
                            />
                            {message && <small class="error block">{message}</small>}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {g && (
          <div class="row wrap">
            <button
              type="button"
              class="primary"
              id="grid-save"
              disabled={busy || todo.count === 0 || todo.bad > 0}
              onClick={save}
            >
              {t('gridSave', { n: todo.count })}
            </button>
            <button
              type="button"
              id="grid-reload"
              onClick={() => {
                // Fresh revisions; what was typed stays, the old refusals go.
                setIssues(new Map());
                setFailed(null);
                void grid.reload();
              }}
            >
              {t('gridReload')}
            </button>
            {edits.size > 0 && (
              <button
                type="button"
                id="grid-discard"
                onClick={() => {
                  setEdits(new Map());
                  setIssues(new Map());
                  setNote([]);
                  setFailed(null);
                }}
              >
                {t('gridDiscard')}
              </button>
            )}
            {todo.bad > 0 && <span class="error">{t('gridBadCells', { n: todo.bad })}</span>}
            {saved && (
              <span class="ok-text" id="grid-saved" role="status">
                {saved}
              </span>
            )}
          </div>
        )}
        {failed ? (
          <p class="error" role="alert" id="grid-failure">
            {issues.size > 0 ? t('gridNothingSaved') : failureText(failed)}
          </p>
        ) : null}
      </section>
    </Page>
  );
}
