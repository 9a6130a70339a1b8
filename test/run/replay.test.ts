import { expect, it } from 'vitest';
import { loadAdapter, withExtraArgs } from '../../harness/adapter/load.ts';
import { replayLine } from '../../harness/report/replayLine.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

it('a finding\'s replay line reproduces the same shrunk request', async () => {
  const base = await loadAdapter(fixturesDir + 'wsgi/mutant');
  const adapter = withExtraArgs(base, ['--break', 'wsgi.environ.query-string']);
  const first = await runConformance({ adapter, seed: 1234, rules: ['wsgi.environ.query-string'] });
  const finding = first.results.find((r) => r.ruleId === 'wsgi.environ.query-string')!.findings[0];
  expect(finding.replay).toMatchObject({ property: 'environ.request-line', rule: 'wsgi.environ.query-string', path: expect.stringMatching(/^[\d:]+$/) });
  // the console renders the same data as the command line a person copies
  expect(replayLine(finding.replay)).toMatch(/--property environ\.request-line --seed -?\d+ --path [\d:]+ --rule wsgi\.environ\.query-string$/);
  expect(finding.request).toMatch(/%/); // shrunk to a query that still holds an escape

  const { property, seed, path, rule } = finding.replay;
  const replayed = await runConformance({ adapter, rules: [rule], properties: [property!], seed, path });
  const again = replayed.results.find((r) => r.ruleId === 'wsgi.environ.query-string')!;
  expect(again.verdict).toBe('fail');
  const portless = (octets: string) => octets.replace(/Host: 127\.0\.0\.1:\d+/, 'Host: 127.0.0.1:PORT');
  expect(portless(again.findings[0].request)).toBe(portless(finding.request));
});
