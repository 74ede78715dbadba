/**
 * The shell loads only the micro-frontends a user's roles need (docs/adr/0021): each remote in the
 * shell's config.json and in the production ConfigMap names the roles its routes serve. Guards
 * that those lists match the remotes' own routes (a role missing from the config would hide its
 * menu entries; an extra role would load a remote for nothing), and the shell's choice itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RemoteConfig, remotesFor } from '../../apps/admin-shell/src/remotes.js';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The roles (and the platform operator flag) of a remote's routes, read from its register.tsx. */
function routeRoles(remote: string) {
  const source = read(`apps/mf-${remote}/src/register.tsx`);
  const roles = new Set<string>();
  for (const m of source.matchAll(/roles: \[([^\]]*)\]/g))
    for (const r of m[1]?.matchAll(/'(\w+)'/g) ?? []) roles.add(r[1] as string);
  return { roles: [...roles].sort(), platformOperator: /platformOperator: true/.test(source) };
}

const shellConfig = JSON.parse(read('apps/admin-shell/public/config.json')) as { remotes: RemoteConfig[] };
const k8s = parse(
  read('infra/k8s/admin.yaml')
    .split(/^---$/m)
    .find((doc) => doc.includes('config.json')) ?? '',
) as { data: Record<string, string> };
const k8sConfig = JSON.parse(k8s.data['config.json'] ?? '{}') as { remotes: RemoteConfig[] };

describe.each([
  ['the shell config.json', shellConfig],
  ['the production ConfigMap', k8sConfig],
])('%s', (_, config) => {
  it.each(['portfolio', 'nav', 'team', 'organisation'])('names the roles of %s’s routes', (name) => {
    const remote = config.remotes.find((r) => r.name === name);
    const expected = routeRoles(name);
    expect(remote?.roles ? [...remote.roles].sort() : undefined).toEqual(expected.roles);
    expect(remote?.platformOperator === true).toBe(expected.platformOperator);
  });
});

describe('remotesFor: only the remotes the roles need', () => {
  const remotes = shellConfig.remotes;
  const names = (roles: string[], operator = false) =>
    remotesFor(remotes, roles, operator).map((r) => r.name);
  it('a job specialist: the portfolio and the team meeting, never NAV or the organisation', () => {
    expect(names(['JOB_SPECIALIST'])).toEqual(['portfolio', 'team']);
  });
  it('a NAV counsellor: the NAV area only', () => {
    expect(names(['NAV_COUNSELLOR'])).toEqual(['nav']);
  });
  it('a platform operator without a membership: the organisation area (onboarding)', () => {
    expect(names([], true)).toEqual(['organisation']);
  });
  it('roles in several organisations add up', () => {
    expect(names(['NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR'])).toEqual(['nav', 'organisation']);
  });
  it('a remote without roles in its config is loaded for everyone (older configs)', () => {
    expect(remotesFor([{ name: 'x', entry: 'e' }], ['JOB_SPECIALIST'], false).map((r) => r.name)).toEqual([
      'x',
    ]);
  });
});
