import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every file of a tree with one of the extensions. */
export function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => p.endsWith(e))) out.push(p);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** The property a literal is the value of (`description: '…'`, also through `'a' + 'b'`), if any. */
function propertyOf(node: ts.Node): string | undefined {
  let n: ts.Node = node;
  while (
    n.parent &&
    (ts.isBinaryExpression(n.parent) ||
      ts.isTemplateExpression(n.parent) ||
      ts.isParenthesizedExpression(n.parent))
  )
    n = n.parent;
  const p = n.parent;
  if (p && ts.isPropertyAssignment(p) && p.initializer === n) return p.name.getText();
  // zod's `.describe('…')` documents a field as `description: '…'` does.
  if (p && ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression))
    return p.expression.name.text;
  return undefined;
}

/**
 * The string literals and template parts of a file that hold a Han character, with their lines.
 * The TypeScript scanner reads the file, so comments never count and strings are whole.
 */
export function hanLiterals(file: string): { line: number; text: string; property?: string }[] {
  const source = readFileSync(file, 'utf8');
  const jsx = file.endsWith('.tsx');
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { line: number; text: string; property?: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      const text = node.getText(sf);
      if (HAN.test(text))
        out.push({
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          text,
          property: propertyOf(node),
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
