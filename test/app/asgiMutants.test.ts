import { beforeAll } from 'vitest';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantApplication } from './mutantApplication.ts';

// fixtures/asgi/mutant-app/mutant_asgi_app.py breaks one ASGI application rule when GWI_BREAK names it.
const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('asgi.'));
/** Profile rules cannot fail: the switch moves the recorded choice to this one only. */
const profileUnderSwitch: Record<string, string> = {
  'asgi.app.loop-stall': 'blocks the event loop for 250 ms or more',
  'asgi.app.wait-request': 'answers before receiving http.request',
};

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'asgi/mutant-app');
});

const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });

describeMutantApplication('mutant ASGI application', rules, profileUnderSwitch, run);
