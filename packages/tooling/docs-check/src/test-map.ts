/**
 * The map of tests (`docs/tests.md`): every test file of the repository with what it checks, taken
 * from the file's opening doc comment (its first sentence) or, failing that, its first `describe`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'generated', '.turbo', 'test-results', '.git', 'coverage']);

/** Every file under `dir` (skipping build output and dependencies) whose name matches. */
export function walk(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return walk(path, name);
    return name.test(entry) ? [path] : [];
  });
}

/** What a test file checks, in one line. */
export function summary(text: string): string {
  const doc = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1];
  let line = doc
    ? doc
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, '').trim())
        .join(' ')
        .trim()
    : (/\bdescribe\(\s*(['"`])(.+?)\1/.exec(text)?.[2] ?? '');
  line = line.replace(/\s+/g, ' ');
  const end = line.search(/\.(\s|$)/);
  if (end > 0) line = line.slice(0, end + 1);
  if (line.length > 240) line = `${line.slice(0, 237).trimEnd()}…`;
  return line.replace(/\|/g, '\\|') || '(no description: add a doc comment)';
}

/** The package a test belongs to: `apps/api`, `packages/db`, `infra`… */
function home(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'infra') return 'infra';
  if (parts[1] === 'tooling') return parts.slice(0, 3).join('/');
  return parts.slice(0, 2).join('/');
}

export function testMap(root = ROOT): string {
  const files = ['apps', 'packages', 'infra']
    .flatMap((d) => walk(join(root, d), /\.test\.tsx?$/))
    .map((f) => relative(root, f))
    .sort();
  const groups = new Map<string, string[]>();
  for (const file of files) groups.set(home(file), [...(groups.get(home(file)) ?? []), file]);
  const out = [
    '# The map of tests',
    '',
    'Every test file, with what it checks (its opening doc comment). Written by',
    '`pnpm --filter @ips/docs-check run write`; a test fails when this page is stale. How to run',
    'them: the README and `operations.md`. Browser tests end in `.browser.test.ts`.',
    '',
  ];
  for (const [group, list] of groups) {
    out.push(`## ${group}`, '', '| file | what it checks |', '| --- | --- |');
    for (const file of list) {
      out.push(
        `| \`${file.slice(group.length + 1)}\` | ${summary(readFileSync(join(root, file), 'utf8'))} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
