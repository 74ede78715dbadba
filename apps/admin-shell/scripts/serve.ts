/**
 * Serves the built admin for `pnpm start`: the shell on 5173 (proxying /graphql to the API) and
 * each micro-frontend on its own port, as they would be deployed — built and served apart.
 */
import { join } from 'node:path';
import { preview } from 'vite';

const apps = join(import.meta.dirname, '..', '..');

export async function serveAdmin(apiUrl: string) {
  const portfolio = await preview({
    root: join(apps, 'mf-portfolio'),
    configFile: join(apps, 'mf-portfolio', 'vite.config.ts'),
    logLevel: 'warn',
  });
  const nav = await preview({
    root: join(apps, 'mf-nav'),
    configFile: join(apps, 'mf-nav', 'vite.config.ts'),
    logLevel: 'warn',
  });
  const team = await preview({
    root: join(apps, 'mf-team'),
    configFile: join(apps, 'mf-team', 'vite.config.ts'),
    logLevel: 'warn',
  });
  const organisation = await preview({
    root: join(apps, 'mf-organisation'),
    configFile: join(apps, 'mf-organisation', 'vite.config.ts'),
    logLevel: 'warn',
  });
  const shell = await preview({
    root: join(apps, 'admin-shell'),
    configFile: join(apps, 'admin-shell', 'vite.config.ts'),
    logLevel: 'warn',
    preview: { proxy: { '/graphql': apiUrl } },
  });
  return {
    url: 'http://127.0.0.1:5173/',
    stop: async () => {
      await new Promise<void>((resolve) => shell.httpServer.close(() => resolve()));
      await new Promise<void>((resolve) => portfolio.httpServer.close(() => resolve()));
      await new Promise<void>((resolve) => nav.httpServer.close(() => resolve()));
      await new Promise<void>((resolve) => team.httpServer.close(() => resolve()));
      await new Promise<void>((resolve) => organisation.httpServer.close(() => resolve()));
    },
  };
}
