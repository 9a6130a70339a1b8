import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

// fixtures/asgi/mutant/mutant_asgi_server.py breaks one ASGI rule per --break switch, named by the rule id.
const catalogue = [...loadCatalogue().values()].filter((rule) => rule.id.startsWith('asgi.') && rule.subject === 'server');
const requirements = catalogue.filter((rule) => rule.kind !== 'profile').map((rule) => rule.id);
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

function run(broken?: string): Promise<Report> {
  return runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: ['asgi'] });
}

const flagged = (report: Report) => report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn' || r.verdict === 'error').map((r) => r.ruleId);

describe('the unbroken mutant ASGI server', () => {
  let report: Report;
  beforeAll(async () => {
    report = await run();
  });

  it('passes every ASGI rule and exits 0', () => {
    expect(report.errors).toEqual([]);
    expect(flagged(report)).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it.each(requirements)('passes %s', (id) => {
    expect(report.results.find((r) => r.ruleId === id)?.verdict).toBe('pass');
  });

  it.each(Object.keys(profileUnderSwitch))('records another choice than the broken one for %s', (id) => {
    const result = report.results.find((r) => r.ruleId === id);
    expect(result?.verdict).toBe('info');
    expect(Object.keys(result?.profile ?? {})).not.toContain(profileUnderSwitch[id]);
  });
});

describe.concurrent('the mutant ASGI server with one rule broken', () => {
  it('has a switch test for every profile rule of the ASGI catalogue', () => {
    const profiles = catalogue.filter((rule) => rule.kind === 'profile').map((rule) => rule.id).sort();
    expect(Object.keys(profileUnderSwitch).sort()).toEqual(profiles);
  });

  it.each(requirements)('--break %s is flagged under that rule id and no other', async (id) => {
    const report = await run(id);
    expect(report.errors).toEqual([]);
    expect(flagged(report)).toEqual([id]);
    const result = report.results.find((r) => r.ruleId === id)!;
    expect(result.verdict).toBe(result.level.startsWith('MUST') ? 'fail' : 'warn');
    expect(result.findings[0].replay.rule).toBe(id);
    expect(report.exitCode).toBe(result.verdict === 'fail' ? 1 : 0);
  });

  it.each(Object.entries(profileUnderSwitch))('--break %s records the profile %s and fails nothing', async (id, profile) => {
    const report = await run(id);
    expect(flagged(report)).toEqual([]);
    expect(Object.keys(report.results.find((r) => r.ruleId === id)?.profile ?? {})).toContain(profile);
  });
});
