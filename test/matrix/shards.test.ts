import { beforeAll, expect, it } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { mergeShards } from '../../harness/matrix/merge.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

let adapter: LoadedAdapter;
beforeAll(async () => {
  const base = await loadAdapter(fixturesDir + 'wsgi/mutant');
  adapter = withExtraArgs(base, ['--break', 'wsgi.input.readline']);
});

it('--shard k/n splits the work deterministically, and the merged shards give the verdicts of a whole run', async () => {
  const run = (shard?: { index: number; count: number }) => runConformance({ adapter, seed: 7, rules: ['wsgi.input.', 'wsgi.environ.request-method'], shard });
  const [whole, first, second] = await Promise.all([run(), run({ index: 1, count: 2 }), run({ index: 2, count: 2 })]);
  const verdicts = (report: typeof whole) => Object.fromEntries(report.results.map((r) => [r.ruleId, r.verdict]));
  expect(first.results.length).toBeGreaterThan(0);
  expect(second.results.length).toBeGreaterThan(0);
  expect(first.results.length + second.results.length).toBeGreaterThanOrEqual(whole.results.length);
  const merged = mergeShards([first, second]);
  expect(verdicts(merged)).toEqual(verdicts(whole));
  expect(merged.results.find((r) => r.ruleId === 'wsgi.input.readline')?.verdict).toBe('fail');
  expect(merged.exitCode).toBe(1);
});
