/**
 * The build of every micro-frontend: built and deployed alone, exposing only `./register`; React,
 * the router, urql, i18n and the shared UI package are singletons provided by the shell. Served
 * from its own port; `MF_<NAME>_BASE` overrides the address its assets are fetched from.
 * (`experiments.externalRuntime`, the remotes using the shell's federation runtime, was tried and
 * taken out again: docs/adr/0021 §7.)
 */
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { SHARED } from './shared.js';

export function remoteViteConfig(name: string, port: number): UserConfig {
  const origin = `http://127.0.0.1:${port}`;
  return defineConfig({
    base: process.env[`MF_${name.toUpperCase()}_BASE`] ?? `${origin}/`,
    plugins: [
      react(),
      federation({
        name,
        filename: 'remoteEntry.js',
        exposes: { './register': './src/register.tsx' },
        // Consumed, never bundled: the shell provides every shared module (src/areas.tsx), so a
        // remote carries no fallback copy of React, the router, urql, i18n or @ips/ui
        // (docs/adr/0021 §3; apps/admin-shell/test/bundles.test.ts). The plugin finds the named
        // exports of @ips/ui by following its index's `export * from './x'` to the TypeScript
        // files, so that index names its modules without an extension.
        shared: Object.fromEntries(
          Object.entries(SHARED).map(([n, s]) => [n, { ...s, import: false as const }]),
        ),
        dts: false,
      }),
    ],
    server: {
      port,
      strictPort: true,
      origin,
      proxy: { '/graphql': process.env.IPS_API_URL ?? 'http://127.0.0.1:4100' },
    },
    preview: { port, strictPort: true, cors: true },
    build: { target: 'es2022' },
  });
}
