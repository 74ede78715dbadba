/**
 * `docs/tests.md` lists every test file of the repository with what it checks, and is up to date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, summary, testMap } from './test-map.js';

describe('the map of tests', () => {
  it('takes the first sentence of the opening doc comment, else the first describe', () => {
    expect(summary('/**\n * Checks one thing. And more.\n */\nimport x;')).toBe('Checks one thing.');
    expect(summary("import x;\ndescribe('the rule holds', () => {});")).toBe('the rule holds');
    expect(summary('/** a | b */')).toBe('a \\| b');
  });

  it('docs/tests.md is up to date (run `pnpm --filter @ips/docs-check run write`)', () => {
    const map = testMap();
    expect(map).toContain('`test/matrix.test.ts`');
    expect(readFileSync(join(ROOT, 'docs', 'tests.md'), 'utf8')).toBe(map);
  });
});
