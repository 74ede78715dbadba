/**
 * The organisation micro-frontend: built and deployed alone; exposes only `./register`. React, the
 * router, urql, i18n and the shared UI package are singletons provided by the shell.
 */
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { SHARED } from '../admin-shell/federation-shared.js';

export default defineConfig({
  base: process.env.MF_ORGANISATION_BASE ?? 'http://127.0.0.1:5177/',
  plugins: [
    react(),
    federation({
      name: 'organisation',
      filename: 'remoteEntry.js',
      exposes: { './register': './src/register.tsx' },
      shared: SHARED,
      dts: false,
    }),
  ],
  server: {
    port: 5177,
    strictPort: true,
    origin: 'http://127.0.0.1:5177',
    proxy: { '/graphql': process.env.IPS_API_URL ?? 'http://127.0.0.1:4100' },
  },
  preview: { port: 5177, strictPort: true, cors: true },
  build: { target: 'es2022' },
});
