import { beforeAll } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { psgiPlugin } from '../../harness/psgi/plugin.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantServer } from './mutantServer.ts';

// fixtures/psgi/mutant/mutant_psgi_server.pl breaks one rule of the psgi profile per --break switch, named by the rule id.
const checked = new Set(psgiPlugin.serverSuite().flatMap((entry) => entry.rules));
const catalogue = [...loadCatalogue().values()].filter((rule) => checked.has(rule.id));

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'psgi/mutant');
});

/** A switch runs its own entries only, with fewer generated requests, under npm test. */
function run(broken?: string, only?: string[]): Promise<Report> {
  return runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: ['psgi'], ...(only ? { rules: only, numRuns: 20 } : {}) });
}

describeMutantServer('mutant PSGI server', catalogue, {}, run);
