import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue, type CatalogueRule } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { interpreterFor } from '../run/mutantServer.ts';

export const flagged = (report: Report) => report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn' || r.verdict === 'error').map((r) => r.ruleId);

/**
 * The tests every mutant application gets: unbroken, it passes every requirement of `rules` (profiles record
 * another choice than their switch's, unless `bothChoices` lists them); with GWI_BREAK=<rule id>, that rule is
 * flagged and no other, its finding carrying the driver line that replays the call.
 */
export function describeMutantApplication(name: string, rules: CatalogueRule[], profileUnderSwitch: Record<string, string>, run: (broken?: string) => Promise<Report>, bothChoices: string[] = []): { unbroken: () => Report } {
  const requirements = rules.filter((rule) => rule.kind !== 'profile').map((rule) => rule.id);
  let report: Report;
  describe(`the unbroken ${name}`, () => {
    beforeAll(async () => {
      report = await run();
    });

    it('passes every application rule and exits 0', () => {
      expect(report.errors).toEqual([]);
      expect(flagged(report)).toEqual([]);
      expect(report.exitCode).toBe(0);
    });

    it.each(requirements)('passes %s', (id) => {
      expect(report.results.find((r) => r.ruleId === id)?.verdict).toBe('pass');
    });

    it.each(Object.entries(profileUnderSwitch).filter(([id]) => !bothChoices.includes(id)))('records another choice than the broken one for %s', (id, profile) => {
      expect(report.results.find((r) => r.ruleId === id)?.verdict).toBe('info');
      expect(Object.keys(report.results.find((r) => r.ruleId === id)?.profile ?? {})).not.toContain(profile);
    });
  });

  describe.concurrent(`the ${name} with one rule broken`, () => {
    it('has a profile switch for every profile rule', () => {
      expect(Object.keys(profileUnderSwitch).sort()).toEqual(rules.filter((rule) => rule.kind === 'profile').map((rule) => rule.id).sort());
    });

    it.each(requirements)('GWI_BREAK=%s is flagged under that rule id and no other', async (id) => {
      const broken = await run(id);
      expect(broken.errors).toEqual([]);
      expect(flagged(broken)).toEqual([id]);
      const result = broken.results.find((r) => r.ruleId === id)!;
      expect(result.verdict).toBe(result.level.startsWith('MUST') ? 'fail' : 'warn');
      expect(JSON.parse(result.findings[0].request)).toMatchObject({ cmd: 'call' });
      expect(result.findings[0].replay.rule).toBe(id);
    });

    it.each(Object.entries(profileUnderSwitch))('GWI_BREAK=%s records %s and fails nothing', async (id, profile) => {
      const broken = await run(id);
      expect(flagged(broken)).toEqual([]);
      expect(Object.keys(broken.results.find((r) => r.ruleId === id)?.profile ?? {})).toContain(profile);
    });
  });
  return { unbroken: () => report };
}

/**
 * A mutant application under another interpreter (fixtures/<fixture>, ruby or perl), whose rules are the catalogue's
 * application rules of `prefix`: skipped, and said so, where the interpreter is missing (CI requires it).
 */
export function describeInterpretedMutantApplication(fixture: string, name: string, prefix: string, profileUnderSwitch: Record<string, string>): void {
  if (!interpreterFor(fixture)) {
    describe.skip(`${name} (its interpreter is not installed; CI installs it and sets GWI_REQUIRE_SERVERS=1)`, () => undefined);
    return;
  }
  const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith(prefix));
  let base: LoadedAdapter;
  beforeAll(async () => {
    base = await loadAdapter(fixturesDir + fixture);
  });
  const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });
  describeMutantApplication(name, rules, profileUnderSwitch, run);
}
