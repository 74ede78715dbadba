/**
 * Every rule the code cites has its "why" in the repository: a citation of "domain.md §N" needs a
 * section N in docs/domain.md, and "seed 00X §Y" a paragraph heading in docs/seeds.md (the
 * Norwegian originals are not part of a clone).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'generated', '.turbo', 'test-results', '.git', 'coverage']);
const EXT = /\.(ts|tsx|sql|prisma|md|yaml|json)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return EXT.test(name) ? [path] : [];
  });
}

const sources = ['apps', 'packages', 'infra', 'docs']
  .flatMap((d) => files(join(ROOT, d)))
  .filter((f) => !f.endsWith('citations.test.ts'))
  .map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
const domainDoc = readFileSync(join(ROOT, 'docs', 'domain.md'), 'utf8');
const seedsDoc = readFileSync(join(ROOT, 'docs', 'seeds.md'), 'utf8');

const domainSections = new Set([...domainDoc.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]));
const seedParagraphs = new Set(
  [...seedsDoc.matchAll(/^#{2,4} Seed (00\d)(?: §(\d+(?:\.\d+)*))?/gm)].map((m) =>
    m[2] ? `${m[1]} §${m[2]}` : (m[1] as string),
  ),
);

function citations(pattern: RegExp, key: (m: RegExpMatchArray) => string) {
  return sources.flatMap(({ file, text }) =>
    [...text.matchAll(pattern)].map((m) => ({ file, cited: key(m) })),
  );
}

describe('citations of rules resolve inside the repository', () => {
  const domain = citations(/domain\.md ?§ ?(\d+)/g, (m) => m[1] as string);
  const seeds = citations(/\b[Ss]eed (00\d)(?: ?§ ?(\d+(?:\.\d+)*))?/g, (m) =>
    m[2] ? `${m[1]} §${m[2]}` : (m[1] as string),
  );

  it('finds the citations and the documents', () => {
    expect(domain.length).toBeGreaterThan(10);
    expect(seeds.length).toBeGreaterThan(30);
    expect(domainSections.has('9')).toBe(true);
    expect(seedParagraphs.has('000 §7')).toBe(true);
  });

  it('every "domain.md §N" has its section in docs/domain.md', () => {
    expect(domain.filter((c) => !domainSections.has(c.cited))).toEqual([]);
  });

  it('every "seed 00X §Y" has its paragraph in docs/seeds.md', () => {
    expect(seeds.filter((c) => !seedParagraphs.has(c.cited))).toEqual([]);
  });

  it('every deadline rule has its row in docs/domain.md §5', () => {
    const rules = readFileSync(join(ROOT, 'packages', 'domain', 'src', 'deadline-rules.ts'), 'utf8');
    const codes = [...rules.matchAll(/^ {2}([A-Z_]+): \{$/gm)].map((m) => m[1]);
    const section5 = domainDoc.slice(domainDoc.indexOf('\n## 5. '), domainDoc.indexOf('\n## 6. '));
    expect(codes.length).toBeGreaterThan(6);
    expect(codes.filter((code) => !section5.includes(`\`${code}\``))).toEqual([]);
  });

  it('no code or doc points outside the repository to the shared brief', () => {
    expect(
      sources
        // A migration is history: its text is checksummed and never edited.
        .filter((s) => !s.file.includes('/migrations/'))
        .filter((s) =>
          /\.\.\/shared\/|\/work\/shared|shared\/seeds|architecture\.md §|[Dd]omain guide/.test(s.text),
        )
        .map((s) => s.file),
    ).toEqual([]);
  });
});
