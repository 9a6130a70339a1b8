import { beforeAll, describe } from 'vitest';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { interpreterFor } from '../run/mutantServer.ts';
import { describeMutantApplication } from './mutantApplication.ts';

// fixtures/psgi/mutant-app/mutant_app.psgi breaks one application rule when GWI_BREAK names it.
const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('psgi.'));
/** Profile rules cannot fail: the switch moves the recorded choice to this one only. */
const profileUnderSwitch: Record<string, string> = { 'psgi.app.response.dies': 'dies', 'psgi.app.delayed.streaming-check': 'delayed response anyway' };

if (!interpreterFor('psgi/mutant-app')) {
  describe.skip('mutant PSGI application (perl is not installed; CI installs it and sets GWI_REQUIRE_SERVERS=1)', () => undefined);
} else {
  let base: LoadedAdapter;
  beforeAll(async () => {
    base = await loadAdapter(fixturesDir + 'psgi/mutant-app');
  });
  const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });
  describeMutantApplication('mutant PSGI application', rules, profileUnderSwitch, run);
}
