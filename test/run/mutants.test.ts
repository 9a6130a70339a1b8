import { beforeAll } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantServer } from './mutantServer.ts';
import { securitySuite } from '../../harness/hostile/suite.ts';
import { wsgiPlugin } from '../../harness/wsgi/plugin.ts';

// fixtures/wsgi/mutant/mutant_server.py breaks one rule of the wsgi and security profiles per --break switch, named by
// the rule id. (ASGI and CGI servers have their own mutants: asgiMutants.test.ts, cgiMutants.test.ts)
const wsgiRules = new Set([...wsgiPlugin.serverSuite(), ...securitySuite()].flatMap((entry) => entry.rules));
const catalogue = [...loadCatalogue().values()].filter((rule) => wsgiRules.has(rule.id));
/** Profile rules cannot fail: their switch must change what is recorded, from the clean server's choice to this one. */
const profileUnderSwitch: Record<string, string> = {
  'wsgi.environ.path.encoded-slash': 'kept as %2F',
  'wsgi.environ.path.merged-slashes': 'every run merged (sent as //)',
  'wsgi.environ.http-vars.join-separator': '", "',
  'wsgi.environ.http-vars.underscore-names': 'dropped',
  'wsgi.environ.concurrency-flags': 'multithread=true multiprocess=false run_once=true',
  'wsgi.environ.other-cgi-vars': 'REMOTE_ADDR',
  'wsgi.input.readlines-hint': 'hint ignored',
  'http.response.head-no-body': 'application content sent',
  'http.response.no-body-status': '204: application content sent',
  'wsgi.response.error-after-output': 'looks complete (chunked)',
  'wsgi.response.error-before-output': 'connection closed without a response',
  'wsgi.response.server-header': 'no Server header',
  'http.request.framing.cl-list-identical': 'rejected',
  'http.request.line.version-major': 'processed as http-1-1',
  'http.request.line.expect-unknown': 'ignored',
  'cgi.header-mapping.collision': 'combined',
};

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'wsgi/mutant');
});

/** The rules of the security profile; every other rule here is the wsgi profile's. */
const securityRules = new Set(securitySuite().flatMap((entry) => entry.rules));

/**
 * The unbroken server runs both profiles; a switch runs the profile its rule belongs to (the one a user runs to see
 * it), and must be flagged there under its own id and no other.
 */
function run(broken?: string, only?: string[]): Promise<Report> {
  if (!broken) return runConformance({ adapter: base, seed: 1 });
  return runConformance({ adapter: withExtraArgs(base, ['--break', broken]), seed: 1, profiles: [securityRules.has(broken) ? 'security' : 'wsgi'], ...(only ? { rules: only } : {}) });
}

describeMutantServer('mutant server', catalogue, profileUnderSwitch, run);
