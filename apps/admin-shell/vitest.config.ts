import { defineConfig } from 'vitest/config';

export default defineConfig({
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
