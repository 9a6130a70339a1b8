import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import type { GatewayPlugin } from '../../harness/engine/plugin.ts';
import { loadCatalogue, type CatalogueRule } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

/**
 * Whether each switch runs its whole profile, proving it flags its rule and no other (CI: npm run test:all), or only
 * the entries that check its rule, proving it is flagged (npm test, which must stay fast).
 */
const wholeProfile = process.env.GWI_MUTANTS_FULL === '1';

/**
 * The tests every mutant server gets: unbroken, it passes every rule of `rules` (profile rules record another choice
 * than their switch's); with one --break <rule id>, that rule is flagged and no other (a profile rule: the recorded
 * choice becomes the switch's). `run(broken?)` runs the conformance suite against the mutant.
 */
export function describeMutantServer(name: string, rules: CatalogueRule[], profileUnderSwitch: Record<string, string>, run: (broken?: string, only?: string[]) => Promise<Report>): void {
  const requirements = rules.filter((rule) => rule.kind !== 'profile').map((rule) => rule.id);
  const flagged = (report: Report) => report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn' || r.verdict === 'error').map((r) => r.ruleId);

  describe(`the unbroken ${name}`, () => {
    let report: Report;
    beforeAll(async () => {
      report = await run();
    });

    it('passes every rule and exits 0', () => {
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

  describe.concurrent(`the ${name} with one rule broken`, () => {
    it('has a switch test for every profile rule', () => {
      const profiles = rules.filter((rule) => rule.kind === 'profile').map((rule) => rule.id).sort();
      expect(Object.keys(profileUnderSwitch).sort()).toEqual(profiles);
    });

    it.each(requirements)(`--break %s is flagged under that rule id ${wholeProfile ? 'and no other' : '(its entries only; the whole profile under GWI_MUTANTS_FULL=1)'}`, async (id) => {
      const report = await run(id, wholeProfile ? undefined : [id]);
      expect(report.errors).toEqual([]);
      expect(flagged(report)).toEqual([id]);
      const result = report.results.find((r) => r.ruleId === id)!;
      expect(result.verdict).toBe(result.level.startsWith('MUST') ? 'fail' : 'warn');
      expect(result.findings[0].replay.rule).toBe(id);
      expect(report.exitCode).toBe(result.verdict === 'fail' ? 1 : 0);
    });

    it.each(Object.entries(profileUnderSwitch))('--break %s records the profile %s and fails nothing', async (id, profile) => {
      const report = await run(id, wholeProfile ? undefined : [id]);
      expect(flagged(report)).toEqual([]);
      expect(Object.keys(report.results.find((r) => r.ruleId === id)?.profile ?? {})).toContain(profile);
    });
  });
}

/**
 * The mutant tests of an interface whose mutant server breaks one rule of the plugin's own profile per switch: the
 * rules are the ones its suite checks. A broken server gets `numRuns` generated requests per property (each switch
 * is still flagged; whole profiles stay affordable). The shared security profile is not repeated here: every one of
 * its rules has a switch in the WSGI mutant server (test/run/mutants.test.ts), and its judging does not depend on the
 * interface (test/hostile/probeArrivals.test.ts checks that every probe logs arrivals alike).
 */
export function describePluginMutants(plugin: GatewayPlugin, fixture: string, title: string, profileUnderSwitch: Record<string, string> = {}, numRuns = 20): void {
  if (!interpreterFor(fixture)) {
    describe.skip(`${title} (its interpreter is not installed; CI installs it and sets GWI_REQUIRE_SERVERS=1)`, () => undefined);
    return;
  }
  const checked = new Set(plugin.serverSuite().flatMap((entry) => entry.rules));
  const catalogue = [...loadCatalogue().values()].filter((rule) => checked.has(rule.id));
  let base: LoadedAdapter;
  beforeAll(async () => {
    base = await loadAdapter(fixturesDir + fixture);
  });
  const run = (broken?: string, only?: string[]): Promise<Report> =>
    runConformance({ adapter: broken ? withExtraArgs(base, ['--break', broken]) : base, seed: 1, profiles: [plugin.name], ...(broken ? { numRuns } : {}), ...(only ? { rules: only } : {}) });
  describeMutantServer(title, catalogue, profileUnderSwitch, run);
}

/**
 * Whether the interpreter a mutant fixture runs under (ruby, perl, python3) is here. A contributor without Ruby or Perl
 * gets those mutant tests skipped, and said so; CI (GWI_REQUIRE_SERVERS=1) runs them or fails.
 */
export function interpreterFor(fixture: string): boolean {
  const interpreter = fixture.startsWith('rack/') ? 'ruby' : fixture.startsWith('psgi/') ? 'perl' : 'python3';
  return process.env.GWI_REQUIRE_SERVERS === '1' || spawnSync(interpreter, interpreter === 'python3' ? ['-c', 'pass'] : ['-e', '1']).status === 0;
}
