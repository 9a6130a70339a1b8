import { beforeAll } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { cgiPlugin } from '../../harness/cgi/plugin.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantServer } from './mutantServer.ts';

// fixtures/cgi/mutant/mutant_cgi_server.py breaks one rule of the cgi profile per --break switch, named by the rule id.
const checked = new Set(cgiPlugin.serverSuite().flatMap((entry) => entry.rules));
const catalogue = [...loadCatalogue().values()].filter((rule) => checked.has(rule.id));

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'cgi/mutant');
});

/** A CGI request costs a script process: a broken server gets fewer generated requests (each switch is still flagged). */
function run(broken?: string, only?: string[]): Promise<Report> {
  return runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: ['cgi'], ...(broken ? { numRuns: 20 } : {}), ...(only ? { rules: only } : {}) });
}

describeMutantServer('mutant CGI server', catalogue, {}, run);
