/**
 * The package's index is read by the micro-frontends' federation build to learn what `@ips/ui`
 * exports (docs/adr/0021 §3): it follows each `export * from './x'` to `x.ts` or `x.tsx`. With
 * `./x.js` it finds no file, learns no export, and every remote's build fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const reExports = [
  ...readFileSync(join(here, 'index.ts'), 'utf8').matchAll(/^export .* from '([^']+)';$/gm),
].map((m) => m[1] as string);

describe('the index of @ips/ui', () => {
  it('re-exports its modules', () => {
    expect(reExports.length).toBeGreaterThan(10);
  });
  it.each(reExports)('names %s so that a file is found without a resolver', (specifier) => {
    expect(specifier).toMatch(/^\.\/[\w-]+$/);
    expect(existsSync(join(here, `${specifier}.ts`)) || existsSync(join(here, `${specifier}.tsx`))).toBe(
      true,
    );
  });
});
