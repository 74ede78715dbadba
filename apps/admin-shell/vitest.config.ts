import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM builds; one realm for the API the browser tests start (its shaped
  // lists call graphql-js on the schema Pothos built), as in the API's own tests and in Node.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.tsx'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A page that waits for sign-in, remotes and data on a loaded machine: give polls time, not a race.
    expect: { poll: { timeout: 20_000 } },
  },
});
