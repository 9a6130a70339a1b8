import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { packageRoot } from '../../harness/spec/paths.ts';
import { runCli } from '../cli/helpers.ts';

// Every shipped adapter, run for real. The expected verdicts (confirmed-findings.json) were checked by hand against each server's
// source and PEP 3333's words (see the README's "What the shipped adapters show"); a change here is news.
const requireServers = process.env.GWI_REQUIRE_SERVERS === '1';
const hasModule = (modules: string) => spawnSync('/usr/bin/python3', ['-c', `import ${modules}`]).status === 0;

const flagged = (report: Report, verdict: 'fail' | 'warn') => report.results.filter((r) => r.verdict === verdict).map((r) => r.ruleId).sort();
const profile = (report: Report, ruleId: string) => Object.keys(report.results.find((r) => r.ruleId === ruleId)?.profile ?? {});

interface Verdicts {
  fail: string[];
  warn: string[];
  /** Harness error codes the profile is known to end in (a server that hangs on a hostile request). */
  errors?: string[];
  /** Confirmed findings that hang on a race inside the server: reported on some runs, not on others. */
  maybe?: string[];
}
interface Confirmed extends Verdicts {
  needs: { python?: string[]; files?: string[] };
  /** Servers: the security profile's confirmed findings (the lists above are the wsgi profile's). */
  security?: Verdicts;
}
const confirmed = Object.entries(JSON.parse(readFileSync(join(packageRoot, 'test/adapters/confirmed-findings.json'), 'utf8')) as Record<string, Confirmed>).filter(([name]) => !name.startsWith('$'));
const installed = ({ python = [], files = [] }: Confirmed['needs']) => files.every((file) => existsSync(file)) && (python.length === 0 || hasModule(python.join(', ')));

/** A few recorded choices, checked where they distinguish servers. */
const profiles: Record<string, Record<string, string[]>> = {
  wsgiref: { 'wsgi.environ.http-vars.join-separator': ['","'] },
  gunicorn: { 'wsgi.environ.http-vars.join-separator': ['","'], 'wsgi.environ.path.merged-slashes': ['kept (sent as //)'] },
  waitress: { 'wsgi.environ.http-vars.join-separator': ['", "'], 'wsgi.environ.http-vars.underscore-names': ['dropped'], 'wsgi.environ.path.merged-slashes': ['leading run merged (sent as //)'] },
  'apache-mod-wsgi-prefork': { 'wsgi.environ.concurrency-flags': ['multithread=false multiprocess=true run_once=false'], 'wsgi.environ.path.merged-slashes': ['every run merged (sent as //)'] },
  'apache-mod-wsgi-event': { 'wsgi.environ.concurrency-flags': ['multithread=true multiprocess=true run_once=false'] },
  // PSGI asks only a SHOULD of a status outside RFC 2616; Apache sends 500 for one it has no status line for
  'apache-mod-perl': { 'psgi.response.status': ['status outside RFC 2616 sent as 500'] },
  uvicorn: { 'asgi.response.headers-iterable': ['list: relayed; tuples: relayed; tuple: no response; generator: no response'], 'asgi.response.start-deferred': ['head written at http.response.start'], 'asgi.send.after-complete-outcome': ['raised RuntimeError'] },
  hypercorn: { 'asgi.response.start-deferred': ['head held until the first body event'], 'asgi.send.after-complete-outcome': ['returned'] },
  // Rack lets a server send the file a body's to_path names: WEBrick's handler does (rack/handler/webrick.rb:117-118), puma
  // iterates the body (lib/puma/request.rb:149)
  puma: { 'rack.response.to-path-used': ['each iterated'] },
  webrick: { 'rack.response.to-path-used': ['file sent (each not called)'] },
  dancer2: { 'psgi.app.delayed.streaming-check': ['delayed response anyway'] },
  mojolicious: { 'psgi.app.delayed.streaming-check': ['direct response'] },
  // Rack 2.2 allows mixed-case header keys; Rack 3 requires lower case, so both frameworks need changes for Rack 3
  sinatra: { 'rack.app.headers.case': ['mixed case'], 'rack.app.status.class': ['Integer'] },
  rails: { 'rack.app.headers.case': ['mixed case'], 'rack.app.status.class': ['Integer'] },
  daphne: { 'asgi.lifespan.supported': ['no lifespan scope'], 'asgi.response.headers-iterable': ['list: relayed; tuples: relayed; tuple: relayed; generator: headers lost'] },
};

const adapterFile = (name: string) => JSON.parse(readFileSync(join(packageRoot, 'adapters', name, 'adapter.json'), 'utf8')) as { kind: string; interface: string };
const isApplication = (name: string) => adapterFile(name).kind === 'application';

function expectExactly(report: Report, expected: Verdicts): void {
  expect([...new Set(report.errors.map((e) => e.code))]).toEqual(expected.errors ?? []);
  if (!expected.errors?.length) expect(report.results.filter((r) => r.verdict === 'error')).toEqual([]);
  const sure = (ids: string[]) => ids.filter((id) => !expected.maybe?.includes(id));
  expect(sure(flagged(report, 'fail'))).toEqual(sure(expected.fail));
  expect(sure(flagged(report, 'warn'))).toEqual(sure(expected.warn));
  expect(report.exitCode).toBe(expected.errors?.length ? 2 : flagged(report, 'fail').length > 0 ? 1 : 0);
  expect(Object.values(report.adapter.versions).every((v) => v !== 'unknown')).toBe(true);
}

// One server at a time: scenario timings stay far from their bounds even on a loaded 2-core machine.
describe.each(confirmed)('adapters/%s', (name, expected) => {
  const available = installed(expected.needs);
  const adapter = packageRoot + 'adapters/' + name;
  const own = adapterFile(name).interface;
  it.skipIf(!available && !requireServers)(`reports exactly the findings confirmed by hand${isApplication(name) ? '' : ` (${own} profile), and its profiles`}`, async () => {
    const report = await runConformance({ adapter, seed: 20261201, profiles: [own] });
    expectExactly(report, expected);
    for (const [ruleId, values] of Object.entries(profiles[name] ?? {})) expect(profile(report, ruleId), ruleId).toEqual(values);
  });
  // every server: the security profile is the same for every interface
  if (!isApplication(name)) {
    it.skipIf(!available && !requireServers)('reports exactly the security findings confirmed by hand', async () => {
      expect(expected.security, 'confirmed-findings.json lists the security profile of every server').toBeDefined();
      expectExactly(await runConformance({ adapter, seed: 20261201, profiles: ['security'] }), expected.security!);
    });
  }
});

describe('adapters/python-cgi under the security profile', () => {
  // Python's CGI server passes only a fixed few HTTP_ variables (RFC 3875 section 4.1.18 allows it), so the probe never
  // sees X-Gwi-Arrivals: every hostile rule is skipped with that reason, not judged on requests that look dropped.
  const [, expected] = confirmed.find(([name]) => name === 'python-cgi')!;
  it.skipIf(!installed(expected.needs) && !requireServers)('skips every rule, saying the arrivals field does not reach the script', async () => {
    const report = await runConformance({ adapter: packageRoot + 'adapters/python-cgi', seed: 20261201, profiles: ['security'] });
    expect(report.results.length).toBeGreaterThan(0);
    for (const result of report.results) expect(result.verdict, result.ruleId).toBe('skip');
    expect(report.results.filter((r) => r.reason?.includes('X-Gwi-Arrivals')).length).toBeGreaterThan(10);
    expect(report.exitCode).toBe(0);
  });
});

describe('adapters written in TypeScript', () => {
  it('load through the gwi-test command on Node 20 and run their prepare() hook', async () => {
    const result = await runCli(['fixtures/adapters/module-adapter', '--rule', 'wsgi.environ.request-method', '--runs', '5', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.adapter.name).toBe('module-adapter');
    expect(report.results.map((r) => [r.ruleId, r.verdict])).toEqual([['wsgi.environ.request-method', 'pass']]);
  });
});
