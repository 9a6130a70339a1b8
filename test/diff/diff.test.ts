import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter, withExtraArgs, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { disagree, runDiff, type ApplicationView } from '../../harness/diff/run.ts';
import { formatDiff } from '../../harness/diff/render.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

const named = (adapter: LoadedAdapter, name: string): LoadedAdapter => ({ ...adapter, config: { ...adapter.config, name } });
const view = (paths: string[], closed: boolean): ApplicationView => ({ statuses: paths.map(() => 200), closed, arrivals: paths.map((path) => ({ method: 'GET', path, query: '', body: '', fields: {} })) });

describe('what counts as a disagreement', () => {
  it('is two servers passing different requests to their applications', () => {
    expect(disagree([view(['/a'], true), view(['/b'], true)])).toBe(true);
    expect(disagree([view(['/a'], false), view(['/a', '/smuggled'], false)])).toBe(true);
  });

  it('is not one server rejecting, nor one answering part of a pipeline and closing', () => {
    expect(disagree([view([], true), view(['/a'], true)])).toBe(false);
    expect(disagree([view(['/a'], true), view(['/a', '/b'], false)])).toBe(false);
  });
});

describe('gwi-test diff', () => {
  let clean: LoadedAdapter;
  beforeAll(async () => {
    clean = await loadAdapter(fixturesDir + 'wsgi/mutant');
  });

  it('finds no difference between two copies of one server', async () => {
    const report = await runDiff({ adapters: [named(clean, 'copy-a'), named(clean, 'copy-b')], seed: 11, numRuns: 25 });
    expect(report.errors).toEqual([]);
    expect(report.differences).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('finds, shrinks and explains a server that frames Content-Length + Transfer-Encoding by Content-Length', async () => {
    const broken = named(withExtraArgs(clean, ['--break', 'http.request.framing.cl-and-te']), 'cl-framing');
    const report = await runDiff({ adapters: [named(clean, 'strict'), broken], seed: 11, numRuns: 80 });
    expect(report.errors).toEqual([]);
    const found = report.differences.find((d) => d.rule === 'http.request.framing.cl-and-te');
    expect(found?.disagreement).toBe(true);
    expect(found?.request).toContain('Transfer-Encoding');
    expect(found?.replay).toMatch(/--seed \d+ --path [\d:]+/);
    expect(report.exitCode).toBe(1);
    expect(formatDiff(report)).toContain('DISAGREE http.request.framing.cl-and-te');
  });

  it('refuses fewer than two adapters with a usage error', async () => {
    const report = await runDiff({ adapters: [clean] });
    expect(report.errors[0].code).toBe('GWI_USAGE');
    expect(report.exitCode).toBe(2);
  });
});
