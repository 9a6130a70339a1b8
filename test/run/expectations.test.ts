import { scratchDir } from '../scratch.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import type { RuleResult } from '../../harness/generated/report.ts';
import { applyExpectations, loadExpectations } from '../../harness/run/expectations.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

const result = (ruleId: string, verdict: RuleResult['verdict']): RuleResult => ({ ruleId, level: 'MUST', requirement: 'r', links: [], verdict, cases: 1, findings: [] });

describe('applyExpectations', () => {
  const expected = [{ rule: 'a.b', verdict: 'fail' as const, reason: 'known' }];
  it('turns a listed failure into xfail and a listed rule that passes into xpass', () => {
    expect(applyExpectations([result('a.b', 'fail')], expected)[0].verdict).toBe('xfail');
    expect(applyExpectations([result('a.b', 'pass')], expected)[0].verdict).toBe('xpass');
    expect(applyExpectations([result('a.b', 'warn')], expected)[0].verdict).toBe('warn');
    expect(applyExpectations([result('c.d', 'fail')], expected)[0].verdict).toBe('fail');
  });

  it('refuses a file that names unknown rules or lacks a reason', () => {
    const dir = scratchDir('gwi-exp-');
    writeFileSync(join(dir, 'e.json'), JSON.stringify({ format: 1, expected: [{ rule: 'no.such.rule', verdict: 'fail', reason: 'x' }] }));
    expect(() => loadExpectations(join(dir, 'e.json'), new Set(['a.b']))).toThrow(/do not exist/);
    writeFileSync(join(dir, 'f.json'), JSON.stringify({ format: 1, expected: [{ rule: 'a.b', verdict: 'fail' }] }));
    expect(() => loadExpectations(join(dir, 'f.json'), new Set(['a.b']))).toThrow(/reason/);
  });
});

describe('an expectations file on a real run (the mutant server)', () => {
  let adapter: LoadedAdapter;
  const dir = scratchDir('gwi-exp-');
  const file = join(dir, 'expectations.json');
  beforeAll(async () => {
    const base = await loadAdapter(fixturesDir + 'wsgi/mutant');
    adapter = withExtraArgs(base, ['--break', 'wsgi.environ.query-string']);
  });
  const run = (extra: { updateExpectations?: boolean } = {}) => runConformance({ adapter, seed: 3, rules: ['wsgi.environ.'], expectations: file, ...extra });

  it('--update-expectations records the failure, after which the run passes with an xfail', async () => {
    const first = await run({ updateExpectations: true });
    expect(JSON.parse(readFileSync(file, 'utf8')).expected.map((e: { rule: string }) => e.rule)).toEqual(['wsgi.environ.query-string']);
    expect(first.exitCode).toBe(0);
    const second = await run();
    expect(second.results.find((r) => r.ruleId === 'wsgi.environ.query-string')?.verdict).toBe('xfail');
    expect(second.exitCode).toBe(0);
  });

  it('a listed rule that passes is a stale expectation and fails the run', async () => {
    writeFileSync(file, JSON.stringify({ format: 1, expected: [{ rule: 'wsgi.environ.request-method', verdict: 'fail', reason: 'fixed upstream?' }, { rule: 'wsgi.environ.query-string', verdict: 'fail', reason: 'known' }] }));
    const report = await run();
    expect(report.results.find((r) => r.ruleId === 'wsgi.environ.request-method')?.verdict).toBe('xpass');
    expect(report.exitCode).toBe(1);
  });
});
