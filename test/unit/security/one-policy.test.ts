import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * "Who may do what is decided in one place" (issue 14): worker/access/. Anywhere else, reading a
 * principal's role, scopes or selves, comparing the caller's id with a record's, or defining a
 * visibility or relation function is a second rule book, and this test names the line.
 * Routes still declare the roles and scopes they admit (that is the policy's input, read by
 * access/authorize.ts); services ask access/policy.ts for everything finer.
 */

const root = path.join(import.meta.dirname, '../../../worker');
const POLICY_DIR = path.join(root, 'access');

const decides: [RegExp, string][] = [
  [/principal\.(role|scopes|selves|createdBy|creatorRole)\b/, 'reads what a principal may do'],
  [/\bp\.(role|scopes|selves)\b/, 'reads what a principal may do'],
  [/scopes\.(includes|some|every)\(/, 'tests key scopes'],
  [/principal\.userId\s*[!=]==|===\s*scope\.principal\.userId/, 'compares the caller with a record'],
  [
    /function\s+(visible\w*|relation\w*|supervised\w*|manageable\w*|mayExport\w*)\s*\(/,
    'defines visibility or relation',
  ],
  [/\bkindsByRole\b|\breadScopeByKind\b|\bseesAll\b/, 'keeps its own role table'],
];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(full)) yield full;
  }
}

const workflowRule =
  /status\s*[!=]==\s*'(draft|submitted|confirmed|appealed|approved|locked)'.*(isAdmin|isEmployee|isSupervisor|isHr|staff|role)|(isAdmin|isEmployee|isSupervisor|isHr|staff)\b.*status\s*[!=]==\s*'(draft|submitted|confirmed|appealed|approved|locked)'/;

describe('one access policy', () => {
  it('no module outside worker/access/ decides visibility, relation or permission', () => {
    const found: string[] = [];
    for (const file of files(root)) {
      if (file.startsWith(POLICY_DIR + path.sep)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A line that only shows the caller who they are says so.
          if (line.includes('// shows, not decides')) return;
          for (const [pattern, what] of decides)
            if (pattern.test(line))
              found.push(`${path.relative(root, file)}:${i + 1} ${what}: ${line.trim()}`);
        });
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the dashboard keeps no workflow table: it shows the actions the API allows', () => {
    const web = path.join(import.meta.dirname, '../../../web/src');
    const found: string[] = [];
    for (const file of files(web)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A state joined with a role to offer a step ("submitted && isAdmin()") is the workflow's rule.
          if (workflowRule.test(line)) found.push(`${path.relative(web, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
