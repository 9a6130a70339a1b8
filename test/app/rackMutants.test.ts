import { beforeAll, describe } from 'vitest';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { interpreterFor } from '../run/mutantServer.ts';
import { describeMutantApplication } from './mutantApplication.ts';

// fixtures/rack/mutant-app/config.ru breaks one Rack application rule when GWI_BREAK names it.
const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('rack.'));
/** Profile rules cannot fail: the switch moves the recorded choice to this one only. */
const profileUnderSwitch: Record<string, string> = {
  'rack.app.raises': 'raises RuntimeError',
  'rack.app.status.class': 'String',
  'rack.app.headers.case': 'mixed case',
  'rack.app.streams.other-methods': 'calls rack.input.size',
};

if (!interpreterFor('rack/mutant-app')) {
  describe.skip('mutant Rack application (ruby is not installed; CI installs it and sets GWI_REQUIRE_SERVERS=1)', () => undefined);
} else {
  let base: LoadedAdapter;
  beforeAll(async () => {
    base = await loadAdapter(fixturesDir + 'rack/mutant-app');
  });
  const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });
  describeMutantApplication('mutant Rack application', rules, profileUnderSwitch, run);
}
