/**
 * The admin shell (host). Its remotes are not baked in: `config.json` names them at run time, so
 * each micro-frontend is deployed alone and a missing one leaves the rest usable. `/graphql` is
 * proxied to the API (same origin: no CORS, cookies never needed).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.IPS_API_URL ?? 'http://127.0.0.1:4100';

export default defineConfig({
  // A pure run-time host (module-federation runtime in src/areas.tsx): it provides the shared
  // singletons itself, so it needs no build plugin.
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy: { '/graphql': api } },
  preview: { port: 5173, strictPort: true, proxy: { '/graphql': api } },
  build: { target: 'es2022' },
});
