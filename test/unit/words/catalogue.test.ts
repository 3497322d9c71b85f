import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, hanLiterals } from './han-literals';

/*
 * "One message catalogue per side, keyed by code" (issue 15): the API's words live in
 * worker/lib/messages.ts, the dashboard's in web/src/i18n/. Any other string literal holding a
 * Han character in worker/ or web/src is a message out of its catalogue, and this test names the
 * line, unless it is one of the exceptions below, each with its reason. Comments never count
 * (the TypeScript scanner reads the files).
 */

const root = path.join(import.meta.dirname, '../../..');
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

const CATALOGUES = [/^worker\/lib\/messages\.ts$/, /^web\/src\/i18n\//];

/** Whole files whose Chinese is not the API's or the dashboard's messages. */
const FILE_EXCEPTIONS: [RegExp, string][] = [
  [
    /^worker\/openapi\//,
    "the API reference's own catalogue (summaries and field texts by operationId and field)",
  ],
  [/^worker\/routes\/docs\//, "the reference page's markup and script, in both languages"],
  [
    /^worker\/domain\/scheme\/templates\//,
    "the built-in schemes' content: data a company copies, not messages",
  ],
  [
    /^worker\/services\/reports\/texts\.ts$/,
    "exported files' column headers and names: the report's content",
  ],
  [
    /^worker\/domain\/scheme\/(formulas|event-formulas|outcome)\.ts$/,
    "a score's explanation, computed with its numbers in both languages at once and stored with the breakdown",
  ],
  [
    /^worker\/domain\/scheme\/errors\.ts$/,
    "the scheme rules' catalogue by code, shared by the API and the dashboard's live checks (validate.ts); kept beside the rules so both sides word a rule alike",
  ],
];

/** Single literals that are data, not messages: what people type or what a file holds. */
const LITERAL_EXCEPTIONS: Record<string, { literals: string[]; why: string }> = {
  'worker/services/org/import-rows.ts': {
    literals: [
      "'工号'",
      "'姓名'",
      "'部门'",
      "'岗位'",
      "'职位'",
      "'上级'",
      "'上级邮箱'",
      "'在职'",
      "'是否在职'",
      "'是'",
      "'否'",
      "'离职'",
    ],
    why: 'the CSV columns and cell values an import reads (Excel sheets from China head columns so)',
  },
  'web/src/grid-paste.ts': {
    literals: ["'工号'", "'员工工号'", "'员工编号'", "'编号'", "'姓名'", "'员工姓名'", "'名字'"],
    why: 'the column headers a block pasted from Excel may carry, matched to 工号 and 姓名',
  },
  'web/src/shell.tsx': {
    literals: ["'中文'"],
    why: 'the language switch names Chinese in Chinese, in either language',
  },
  'web/src/views/org-import.tsx': {
    literals: [
      "'\\uFEFF工号,姓名,部门,岗位,上级,在职\\r\\nKF001,李娜,客服部,客服专员,supervisor@example.com,是\\r\\n'",
      '"员工导入模板.csv"',
      "'工号'",
      "'姓名'",
    ],
    why: 'the import template file (its content and name are the file people fill in) and the header names it reads',
  },
};

/** Properties (and zod's `.describe`) whose strings document the API: OpenAPI summaries, descriptions, examples. */
const DOC_PROPERTIES = /^(summary|description|example|examples|title|describe)$/;

/**
 * English reference text that glosses a term in Chinese, "appeals (申诉) with a reason": not a
 * zh-CN message (an English message has no Han at all, and zh-CN ones are whole sentences).
 */
const englishWithGloss = (text: string) =>
  /[A-Za-z]{3,}/.test(text) && !/\p{Script=Han}/u.test(text.replace(/\([^)]*\)/g, ''));

function offenders(): string[] {
  const out: string[] = [];
  for (const dir of ['worker', 'web/src'])
    for (const file of filesUnder(path.join(root, dir), ['.ts', '.tsx'])) {
      const name = rel(file);
      if (CATALOGUES.some((c) => c.test(name))) continue;
      if (FILE_EXCEPTIONS.some(([re]) => re.test(name))) continue;
      const allowed = LITERAL_EXCEPTIONS[name]?.literals ?? [];
      for (const hit of hanLiterals(file)) {
        if (hit.property && DOC_PROPERTIES.test(hit.property)) continue;
        if (allowed.includes(hit.text)) continue;
        if (englishWithGloss(hit.text)) continue;
        out.push(`${name}:${hit.line}: ${hit.text.slice(0, 80)}`);
      }
    }
  return out;
}

describe('one message catalogue per side', () => {
  it('no Chinese string literal in worker/ or web/src outside the two catalogues and the listed exceptions', () => {
    expect(offenders()).toEqual([]);
  });

  it('the scan finds a message put beside the code (the test can fail)', () => {
    const here = path.join(import.meta.dirname, 'fixtures/stray-message.ts');
    expect(hanLiterals(here).map((h) => h.text)).toEqual(["'这是一条放错地方的提示'", '`第 ${', '} 行`']);
  });
});
