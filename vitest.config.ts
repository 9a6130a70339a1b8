import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    // End-to-end tests start real servers; each run is bounded by the harness itself.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    maxConcurrency: 6,
  },
});
