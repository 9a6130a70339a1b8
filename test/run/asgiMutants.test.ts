import { beforeAll } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantServer } from './mutantServer.ts';

// fixtures/asgi/mutant/mutant_asgi_server.py breaks one ASGI rule per --break switch, named by the rule id.
const catalogue = [...loadCatalogue().values()].filter((rule) => rule.id.startsWith('asgi.') && rule.subject === 'server');
/** Profile rules cannot fail: their switch must change what is recorded, from the clean server's choice to this one. */
const profileUnderSwitch: Record<string, string> = {
  'asgi.error.exception-outcome': 'closed without a response',
  'asgi.lifespan.supported': 'no lifespan scope',
  'asgi.receive.after-body': 'returns http.disconnect at once',
  'asgi.response.headers-iterable': 'list: relayed; tuples: relayed; tuple: answered 500; generator: answered 500',
  'asgi.response.start-deferred': 'head written at http.response.start',
  'asgi.send.after-complete-outcome': 'returned',
};

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'asgi/mutant');
});

function run(broken?: string, only?: string[]): Promise<Report> {
  return runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: ['asgi'], ...(only ? { rules: only } : {}) });
}

describeMutantServer('mutant ASGI server', catalogue, profileUnderSwitch, run);
