import { useState } from 'preact/hooks';
import { format } from '../../../worker/lib/i18n';
import { messages } from '../../../worker/lib/messages';
import { parseCsv } from '../../../worker/services/org/csv';
import { apiHeaders, failureOf } from '../api';
import { failureText } from '../errors';
import { hasText, lang, t } from '../i18n';
import { loadEmployees } from '../org-api';
import { useLoad } from '../ui/kit';
import { Table } from '../ui/table';

interface Issue {
  line: number;
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

interface ImportResult {
  dryRun: boolean;
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  errors: Issue[];
}

const TEMPLATE =
  '\uFEFF工号,姓名,部门,岗位,上级,在职\r\nKF001,李娜,客服部,客服专员,supervisor@example.com,是\r\n';

/** The file's own words: UTF-8 (with or without BOM) or GBK, as the API reads it. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const catalogue = messages as Record<string, Record<'zh-CN' | 'en', string> | undefined>;
/**
 * The problem in the current language, worded again from its code and values by the API's own
 * catalogue (worker/lib/messages.ts), so results on screen follow a change of language; the line
 * and the column have their own cells. A problem without values keeps the API's words.
 */
function issueText(e: Issue) {
  const entry =
    catalogue[`IMPORT_${e.code}`] ??
    catalogue[`TEXT_${e.code}`] ??
    (e.code === 'employee_no_retired' ? catalogue.EMPLOYEE_NO_RETIRED : undefined);
  return entry && e.params ? format(entry[lang.value], e.params) : e.message;
}
const columnName = (field: string) =>
  hasText(`col_${field}`) ? t(`col_${field}` as 'col_name') : t('fileWide');

async function send(bytes: Uint8Array, dryRun: boolean): Promise<ImportResult> {
  const res = await fetch(`/api/v1/employees/import?dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...apiHeaders(), 'Content-Type': 'text/csv' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  if (!res.ok) {
    const failure = await failureOf(res);
    // A rejected real run lists its problems as details, with the same shape as a dry run's.
    if (failure.details.length > 0 && !dryRun)
      return {
        dryRun,
        rows: 0,
        creates: 0,
        updates: 0,
        unchanged: 0,
        errors: failure.details.map((d) => ({ line: d.line ?? 0, ...d })),
      };
    throw failure;
  }
  return (await res.json()) as ImportResult;
}

/** CSV import: a dry run reports row by row first; only a clean dry run of the same file imports. */
export function EmployeeImport() {
  const existing = useLoad(() => loadEmployees(), []);
  const [file, setFile] = useState<{
    name: string;
    bytes: Uint8Array;
    rows: { line: number; cells: string[] }[];
  } | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const templateHref = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
  const known = new Set((existing.data ?? []).map((e) => e.employeeNo));

  const choose = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    setReport(null);
    setDone(null);
    setFailure(null);
    if (!f) return setFile(null);
    const bytes = new Uint8Array(await f.arrayBuffer());
    let rows: { line: number; cells: string[] }[] = [];
    try {
      rows = parseCsv(decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      rows = [];
    }
    setFile({ name: f.name, bytes, rows });
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await send(file.bytes, dryRun);
      if (dryRun) setReport(r);
      else if (r.errors.length > 0) setReport(r);
      else {
        setDone(r);
        setReport(null);
        void existing.reload();
      }
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const header = file?.rows[0]?.cells ?? [];
  const noCol = header.findIndex((h) => h.trim() === '工号' || h.trim() === 'employeeNo');
  const nameCol = header.findIndex((h) => h.trim() === '姓名' || h.trim() === 'name');
  const fileErrors = report?.errors.filter((e) => e.line <= 1) ?? [];
  return (
    <section class="card stack" id="import">
      <h2>{t('tab_import')}</h2>
      <p class="muted">{t('importHelp')}</p>
      <a href={templateHref} download="员工导入模板.csv" id="template-csv">
        {t('downloadTemplate')}
      </a>
      <label for="csv-file">{t('csvFile')}</label>
      <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => choose(e.currentTarget)} />
      <div class="row wrap">
        <button type="button" class="primary" id="dry-run" disabled={!file || busy} onClick={() => run(true)}>
          {t('dryRun')}
        </button>
        <button
          type="button"
          id="do-import"
          disabled={!report || report.errors.length > 0 || busy}
          onClick={() => run(false)}
        >
          {t('importNow')}
        </button>
      </div>
      {failure ? (
        <p class="error" role="alert">
          {failureText(failure)}
        </p>
      ) : null}
      {done && (
        <p class="ok-text" id="import-done" role="status">
          {t('imported', { creates: done.creates, updates: done.updates, unchanged: done.unchanged })}
        </p>
      )}
      {report && (
        <div id="dry-run-report">
          <p role="status" class={report.errors.length > 0 ? 'error' : 'ok-text'}>
            {report.errors.length > 0
              ? t('dryRunBad', { n: report.errors.length })
              : t('dryRunOk', {
                  rows: report.rows,
                  creates: report.creates,
                  updates: report.updates,
                  unchanged: report.unchanged,
                })}
          </p>
          {fileErrors.map((e) => (
            <p class="error" key={e.code + e.field}>
              {t('labelled', { label: columnName(e.field), value: issueText(e) })}
            </p>
          ))}
          <div class="scroll">
            <Table id="import-rows">
              <thead>
                <tr>
                  <th>{t('line')}</th>
                  <th>{t('employeeNo')}</th>
                  <th>{t('name')}</th>
                  <th>{t('result')}</th>
                </tr>
              </thead>
              <tbody>
                {(file?.rows ?? []).slice(1).map((r) => {
                  const errs = report.errors.filter((e) => e.line === r.line);
                  const no = r.cells[noCol]?.trim() ?? '';
                  return (
                    <tr key={r.line} class={errs.length > 0 ? 'bad' : ''}>
                      <td>{r.line}</td>
                      <td>{no}</td>
                      <td class="nowrap">{r.cells[nameCol]?.trim() ?? ''}</td>
                      <td>
                        {errs.length > 0
                          ? errs.map((e) => (
                              <div key={e.field + e.code}>
                                {t('labelled', { label: columnName(e.field), value: issueText(e) })}
                              </div>
                            ))
                          : known.has(no)
                            ? t('rowUpdate')
                            : t('rowCreate')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </div>
        </div>
      )}
    </section>
  );
}
