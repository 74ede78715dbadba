/**
 * The shell provides `react-router` to the micro-frontends as a chosen set of names
 * (src/shared/react-router.ts), not the whole package, so its first screen carries less code
 * (docs/adr/0021 §7). A name the admin imports that the set lacks would be `undefined` in a remote
 * at run time; this test parses every source file (tests excepted: they import the package itself)
 * of the shell, the micro-frontends and `@ips/ui` and fails on such a name, or on an import form
 * whose names cannot be checked (`import * as`, a default import, a re-export, a dynamic `import()`,
 * `require`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as provided from '../src/shared/react-router.js';

const root = join(import.meta.dirname, '..', '..', '..');
const SOURCES = [
  'apps/admin-shell/src',
  'apps/mf-portfolio/src',
  'apps/mf-team/src',
  'apps/mf-nav/src',
  'apps/mf-organisation/src',
  'packages/ui/src',
];
const SURFACE = 'apps/admin-shell/src/shared/react-router.ts';

function sourceFiles(): { path: string; text: string }[] {
  return SOURCES.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      // Tests import the package itself, not the shell's share.
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
      .map((f) => ({
        path: relative(root, join(root, dir, f)),
        text: readFileSync(join(root, dir, f), 'utf8'),
      })),
  );
}

/** The value names a file imports from `react-router`, and the import forms that name none. */
function routerImports(text: string): { names: string[]; unchecked: string[] } {
  const names: string[] = [];
  const unchecked: string[] = [];
  const file = ts.createSourceFile('x.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const isRouter = (e: ts.Node | undefined) => !!e && ts.isStringLiteral(e) && e.text === 'react-router';
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && isRouter(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      if (clause?.isTypeOnly) return;
      if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings))
        unchecked.push(node.getText(file));
      else
        for (const el of bindings.elements) if (!el.isTypeOnly) names.push((el.propertyName ?? el.name).text);
      return;
    }
    if (ts.isExportDeclaration(node) && isRouter(node.moduleSpecifier)) {
      if (!node.isTypeOnly) unchecked.push(node.getText(file));
      return;
    }
    if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      isRouter(node.arguments[0])
    )
      unchecked.push(node.getText(file));
    if (ts.isImportEqualsDeclaration(node)) unchecked.push(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { names, unchecked };
}

describe('the react-router the shell provides', () => {
  const files = sourceFiles().filter((f) => f.path !== SURFACE);

  it('reads the admin’s sources (the scan finds the imports it checks)', () => {
    const used = new Set(files.flatMap((f) => routerImports(f.text).names));
    // The shell's own router and the remotes' links: if these vanish, the scan is broken.
    expect(used).toContain('BrowserRouter');
    expect(used).toContain('Link');
    expect(files.some((f) => f.path.startsWith('apps/mf-portfolio/'))).toBe(true);
  });

  it('has every name the shell, the micro-frontends and @ips/ui import', () => {
    const missing = files.flatMap((f) =>
      routerImports(f.text)
        .names.filter((n) => !(n in provided))
        .map((n) => `${f.path}: ${n}`),
    );
    expect(missing).toEqual([]);
  });

  it('is imported only in forms whose names can be checked', () => {
    const unchecked = files.flatMap((f) => routerImports(f.text).unchecked.map((s) => `${f.path}: ${s}`));
    expect(unchecked).toEqual([]);
  });

  it('the scan catches a missing name and an unchecked form', () => {
    expect(routerImports("import { Link, useMatches as m } from 'react-router';").names).toEqual([
      'Link',
      'useMatches',
    ]);
    // An apostrophe in a comment inside the braces, a type-only name beside a value.
    const multiLine = "import {\n  // the shell's own\n  type To,\n  useHref,\n} from 'react-router';";
    expect(routerImports(multiLine).names).toEqual(['useHref']);
    expect('useMatches' in provided).toBe(false);
    expect(routerImports("import type { To } from 'react-router';").names).toEqual([]);
    expect(routerImports("import * as rr from 'react-router';").unchecked).toHaveLength(1);
    expect(routerImports("export { Link } from 'react-router';").unchecked).toHaveLength(1);
    expect(routerImports("const m = await import('react-router');").unchecked).toHaveLength(1);
    expect(routerImports("import rr from 'react-router';").unchecked).toHaveLength(1);
  });
});
