import { availableParallelism } from 'node:os';
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
    // Two test files at a time even on a 2-core machine (vitest's default there is one): most of the time goes to
    // waiting on servers, not to the CPU. The real-server file still runs its adapters one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
