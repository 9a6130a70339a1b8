import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that run longest go first (the real-server file alone takes most of npm run test:all), so on a clean
 * checkout, with no timings cached yet, the others share the remaining workers meanwhile instead of queueing before it.
 */
const longestFirst = ['test/adapters/', 'test/run/mutants.test.ts', 'test/run/asgiMutants.test.ts', 'test/run/cgiMutants.test.ts', 'test/faults/'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = longestFirst.findIndex((prefix) => file.moduleId.includes(`/${prefix}`));
      return at < 0 ? longestFirst.length : at;
    };
    const sorted = await super.sort(files);
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/globalSetup.ts'],
    // End-to-end tests start real servers; each run is bounded by the harness itself.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    maxConcurrency: 6,
    sequence: { sequencer: LongestFirst },
  },
});
