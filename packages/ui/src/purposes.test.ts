/**
 * Every screen says why it reads (issue 15, item 11): each route of every micro-frontend declares
 * its purpose, which the shell sends with every operation of the screen (`x-access-reason`) and the
 * API writes into the job seeker's access log. The test lists the routes without one — a new route
 * cannot slip in without a reason.
 */
import { describe, expect, it } from 'vitest';
import { type Area, PURPOSE_MAX_LENGTH } from './contract.js';

const registers = import.meta.glob('../../../apps/mf-*/src/register.tsx', {
  import: 'default',
  eager: true,
}) as Record<string, () => Area>;

const routes = Object.entries(registers).flatMap(([file, register]) =>
  register().routes.map((r) => ({ area: file.split('/')[4] ?? file, path: r.path, purpose: r.purpose })),
);

describe('every route declares why it reads', () => {
  it('finds the routes of every micro-frontend', () => {
    expect(Object.keys(registers).length).toBeGreaterThanOrEqual(4);
    expect(routes.map((r) => r.path)).toContain('portfolio/:id');
  });

  it('no route is without a purpose', () => {
    expect(
      routes.filter((r) => !r.purpose?.trim()).map((r) => `${r.area}: ${r.path}`),
      'give each route a `purpose` (bokmål, "the page: its purpose")',
    ).toEqual([]);
  });

  it('each purpose is plain bokmål text the API keeps whole', () => {
    for (const r of routes) {
      const purpose = r.purpose ?? '';
      expect(purpose.length, `${r.path}`).toBeLessThanOrEqual(PURPOSE_MAX_LENGTH);
      // No control or format characters (the API would blank them), no code names.
      expect(purpose, `${r.path}`).not.toMatch(/\p{C}|[A-Z]{2,}_[A-Z]/u);
      expect(purpose, `${r.path}`).toMatch(/^[\p{L}\p{N} ,.:;()'’–-]+$/u);
    }
  });
});
