/**
 * The micro-frontends carry no copy of what the shell provides (docs/adr/0021 §3): React DOM and
 * `@ips/ui` (with the Aksel components it uses) are built once, into the shell, and every remote
 * consumes them at run time. A fallback copy in a remote cost a job specialist about 330 KiB
 * gzip on the first screen (two remotes × the `@ips/ui` chunk). Reads the production builds the
 * global set-up makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const apps = join(import.meta.dirname, '..', '..');

/** Every JavaScript file an app's production build holds, concatenated. */
function builtJs(app: string): string {
  const dist = join(apps, app, 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
}

// Strings that only a copy of the module would contain (a text of @ips/ui's, React DOM's error link).
const MARKERS = {
  '@ips/ui': 'Teksten inneholder tegn som ikke kan lagres',
  'react-dom': 'react.dev/errors',
};

describe('shared modules are built once, into the shell', () => {
  const shell = builtJs('admin-shell');
  it.each(Object.entries(MARKERS))('the shell holds %s', (_, marker) => {
    expect(shell).toContain(marker);
  });
  describe.each(['mf-portfolio', 'mf-team', 'mf-nav', 'mf-organisation'])('%s', (app) => {
    const js = builtJs(app);
    it.each(Object.entries(MARKERS))('carries no copy of %s', (_, marker) => {
      expect(js.length).toBeGreaterThan(0);
      expect(js).not.toContain(marker);
    });
  });
});
