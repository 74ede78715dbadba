/**
 * The micro-frontends carry no copy of what the shell provides (docs/adr/0021 §3): React DOM and
 * `@ips/ui` (with the Aksel components it uses) are built once, into the shell, and every remote
 * consumes them at run time. A fallback copy in a remote cost a job specialist about 330 KiB
 * gzip on the first screen (two remotes × the `@ips/ui` chunk). And the shell's start-up code
 * holds only the router's chosen names, not its data routers, and neither the date picker (built
 * into the micro-frontends' screens that have a day to type: `@ips/ui/date-field`) nor
 * oidc-client-ts (loaded when signing in or out) (§7).
 * Reads the production builds the global set-up makes.
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

/**
 * The shell's start-up code: the `bootstrap` chunk `index.html`'s script loads (src/main.ts), with
 * every chunk it imports statically, followed through; chunks loaded later by `import()` left out.
 */
function shellStartup(): { name: string; js: string } {
  const dist = join(apps, 'admin-shell', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in the built index.html');
  const entryJs = readFileSync(join(dist, entry), 'utf8');
  const name = /bootstrap-[\w-]+\.js/.exec(entryJs)?.[0];
  if (!name) throw new Error('the entry imports no bootstrap chunk');
  const seen = new Set<string>();
  const read = (file: string): string => {
    if (seen.has(file)) return '';
    seen.add(file);
    const js = readFileSync(join(dist, 'assets', file), 'utf8');
    // Static imports between chunks: `import{…}from"./x.js"` and `import"./x.js"` (not `import(`).
    const deps = [...js.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1] as string);
    return [js, ...deps.map(read)].join('\n');
  };
  return { name, js: read(name) };
}

describe('shared modules are built once, into the shell', () => {
  const shell = builtJs('admin-shell');
  it.each(Object.entries(MARKERS))('the shell holds %s', (_, marker) => {
    expect(shell).toContain(marker);
  });
  // The first screen carries only what it shows (docs/adr/0021 §7).
  it('the shell’s start-up chunk holds the router’s chosen names, not the whole package', () => {
    const { name, js } = shellStartup();
    // createBrowserRouter's data-router error text: in the package, not among the names provided.
    const marker = 'You must provide a non-empty routes array to createRouter';
    expect(js.includes(marker), `${name} holds the data routers`).toBe(false);
  });
  it('the shell’s start-up code holds no date picker and no oidc-client-ts; both are built elsewhere', () => {
    const { name, js } = shellStartup();
    // react-day-picker's class names, under Aksel's date picker.
    const picker = 'rdp-day_selected';
    // oidc-client-ts's message when a callback's state is not found.
    const oidc = 'No matching state found in storage';
    expect(js.includes(picker), `${name} holds the date picker`).toBe(false);
    expect(js.includes(oidc), `${name} holds oidc-client-ts`).toBe(false);
    // The markers are real: the portfolio's screens carry the picker, the shell's build the library.
    expect(builtJs('mf-portfolio')).toContain(picker);
    expect(shell).toContain(oidc);
  });
  describe.each(['mf-portfolio', 'mf-team', 'mf-nav', 'mf-organisation'])('%s', (app) => {
    const js = builtJs(app);
    it.each(Object.entries(MARKERS))('carries no copy of %s', (_, marker) => {
      expect(js.length).toBeGreaterThan(0);
      expect(js.includes(marker), `${app}'s build holds “${marker}”`).toBe(false);
    });
  });
});
