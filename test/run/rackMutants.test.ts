import { beforeAll } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { rackPlugin } from '../../harness/rack/plugin.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantServer } from './mutantServer.ts';

// fixtures/rack/mutant/mutant_rack_server.rb breaks one rule of the rack profile per --break switch, named by the rule id.
const checked = new Set(rackPlugin.serverSuite().flatMap((entry) => entry.rules));
const catalogue = [...loadCatalogue().values()].filter((rule) => checked.has(rule.id));

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'rack/mutant');
});

/** A switch runs its own entries only, with fewer generated requests, under npm test. */
function run(broken?: string, only?: string[]): Promise<Report> {
  return runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: ['rack'], ...(only ? { rules: only, numRuns: 20 } : {}) });
}

describeMutantServer('mutant Rack server', catalogue, {}, run);
