import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import type { Report } from '../../harness/generated/report.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

// fixtures/wsgi/mutant-app/mutant_app.py breaks one application rule when GWI_BREAK names it.
const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application');
const requirements = rules.filter((rule) => rule.kind !== 'profile').map((rule) => rule.id);
/** Profile rules cannot fail: the switch moves the recorded choice to this one only. */
const profileUnderSwitch: Record<string, string> = { 'wsgi.app.write.used': 'uses write()', 'wsgi.app.input.short-reads': 'stops at the first short read' };

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'wsgi/mutant-app');
});

const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });
const flagged = (report: Report) => report.results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn' || r.verdict === 'error').map((r) => r.ruleId);

describe('the unbroken mutant application', () => {
  let report: Report;
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

  it('records both choices of the write() profile', () => {
    expect(Object.keys(report.results.find((r) => r.ruleId === 'wsgi.app.write.used')?.profile ?? {}).sort()).toEqual(['iterable only', 'uses write()']);
  });

  // the clean application uses write() for POSTs on purpose (so write() rules are exercised): that profile shows both
  it.each(Object.entries(profileUnderSwitch).filter(([id]) => id !== 'wsgi.app.write.used'))('records another choice than the broken one for %s', (id, profile) => {
    expect(report.results.find((r) => r.ruleId === id)?.verdict).toBe('info');
    expect(Object.keys(report.results.find((r) => r.ruleId === id)?.profile ?? {})).not.toContain(profile);
  });
});

describe.concurrent('the mutant application with one rule broken', () => {
  it('has a profile switch for every application profile rule', () => {
    expect(Object.keys(profileUnderSwitch).sort()).toEqual(rules.filter((rule) => rule.kind === 'profile').map((rule) => rule.id).sort());
  });

  it.each(requirements)('GWI_BREAK=%s is flagged under that rule id and no other', async (id) => {
    const report = await run(id);
    expect(report.errors).toEqual([]);
    expect(flagged(report)).toEqual([id]);
    const result = report.results.find((r) => r.ruleId === id)!;
    expect(result.verdict).toBe(result.level.startsWith('MUST') ? 'fail' : 'warn');
    // the finding carries the driver line that reproduces the call, and a replay command
    expect(JSON.parse(result.findings[0].request)).toMatchObject({ cmd: 'call' });
    expect(result.findings[0].replay.rule).toBe(id);
  });

  it.each(Object.entries(profileUnderSwitch))('GWI_BREAK=%s records %s and fails nothing', async (id, profile) => {
    const report = await run(id);
    expect(flagged(report)).toEqual([]);
    expect(Object.keys(report.results.find((r) => r.ruleId === id)?.profile ?? {})).toContain(profile);
  });
});
