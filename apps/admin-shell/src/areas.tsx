/**
 * Loading the micro-frontends at run time (`config.json` names them): each is registered with the
 * module-federation runtime and its `./register` loaded; one that fails to load is reported and
 * left out, and the rest of the admin works. Each area renders inside its own error boundary.
 */

import { SHARED } from '@ips/federation/shared';
import type { Area } from '@ips/ui';
import * as ui from '@ips/ui';
import { createInstance } from '@module-federation/runtime';
import { Alert, Button } from '@navikt/ds-react';
import * as i18next from 'i18next';
import * as React from 'react';
import { Component, type ReactNode } from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import * as reactI18next from 'react-i18next';
import * as urql from 'urql';
import type { ShellConfig } from './config.js';
import * as reactRouter from './shared/react-router.js';

export interface LoadedAreas {
  areas: Area[];
  failed: string[];
}

/** The singletons the shell provides to every micro-frontend (one React, router, client, i18n). */
const PROVIDED: Record<string, { lib: unknown; version: string; key: keyof typeof SHARED }> = {
  react: { lib: React, version: SHARED.react.requiredVersion, key: 'react' },
  'react/jsx-runtime': { lib: jsxRuntime, version: SHARED.react.requiredVersion, key: 'react' },
  'react-dom': { lib: ReactDOM, version: SHARED['react-dom'].requiredVersion, key: 'react-dom' },
  'react-dom/client': { lib: ReactDOMClient, version: SHARED['react-dom'].requiredVersion, key: 'react-dom' },
  'react-router': { lib: reactRouter, version: SHARED['react-router'].requiredVersion, key: 'react-router' },
  urql: { lib: urql, version: SHARED.urql.requiredVersion, key: 'urql' },
  i18next: { lib: i18next, version: SHARED.i18next.requiredVersion, key: 'i18next' },
  'react-i18next': {
    lib: reactI18next,
    version: SHARED['react-i18next'].requiredVersion,
    key: 'react-i18next',
  },
  '@ips/ui': { lib: ui, version: SHARED['@ips/ui'].requiredVersion, key: '@ips/ui' },
};

let federation: ReturnType<typeof createInstance> | null = null;

function runtime() {
  if (federation) return federation;
  federation = createInstance({ name: 'shell', remotes: [] });
  federation.registerShared(
    Object.fromEntries(
      Object.entries(PROVIDED).map(([name, p]) => [
        name,
        {
          version: p.version,
          scope: 'default',
          lib: () => p.lib,
          shareConfig: { singleton: true, requiredVersion: p.version },
        },
      ]),
    ),
  );
  return federation;
}

/** Loads the `./register` of the given remotes (only those the user's menu needs: `remotesFor`). */
export async function loadAreas(remotes: ShellConfig['remotes']): Promise<LoadedAreas> {
  const mf = runtime();
  mf.registerRemotes(remotes.map((r) => ({ name: r.name, entry: r.entry, type: 'module' })));
  const results = await Promise.allSettled(
    remotes.map(async (r) => {
      const mod = await mf.loadRemote<{ default: () => Area }>(`${r.name}/register`);
      if (!mod) throw new Error(`${r.name}: no register`);
      return mod.default();
    }),
  );
  const areas: Area[] = [];
  const failed: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') areas.push(result.value);
    else failed.push(remotes[i]?.name ?? String(i));
  });
  return { areas, failed };
}

interface BoundaryProps {
  message: string;
  retry: string;
  children: ReactNode;
}

/** Keeps a failing micro-frontend inside its own box. */
export class AreaBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert variant="error" role="alert">
        {this.props.message}{' '}
        <Button size="small" variant="secondary" onClick={() => this.setState({ failed: false })}>
          {this.props.retry}
        </Button>
      </Alert>
    );
  }
}
