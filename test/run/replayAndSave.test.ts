import { scratchDir } from '../scratch.ts';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runConformance } from '../../harness/engine/conformance.ts';
import { replayReport } from '../../harness/engine/replay.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';

// An adapter folder of its own (the mutant server), so saved regressions land in a scratch directory.
function mutantAdapter(dir: string, broken?: string): void {
  const command = ['{python}', join(fixturesDir, 'wsgi/mutant/mutant_server.py'), '--port', '{port}', '--probe-dir', '{probeDir}', ...(broken ? ['--break', broken] : [])];
  writeFileSync(join(dir, 'adapter.json'), JSON.stringify({ name: 'mutant-copy', interface: 'wsgi', kind: 'server', command, concurrency: 4 }));
}

it('replay tells still failing from fixed, and --save turns a counterexample into a case that runs every time', async () => {
  const dir = scratchDir('gwi-replay-');
  mutantAdapter(dir, 'wsgi.environ.query-string');
  const report = await runConformance({ adapter: dir, seed: 5, rules: ['wsgi.environ.query-string'] });
  expect(report.results[0].verdict).toBe('fail');

  const [broken] = await replayReport(report, { rules: [], repeats: 2, save: true });
  expect(broken.status).toBe('still failing');
  expect(readdirSync(join(dir, 'regressions'))).toEqual(['wsgi.environ.query-string.json']);

  const again = await runConformance({ adapter: dir, seed: 6, cases: ['regression.wsgi.environ.query-string'], rules: ['wsgi.environ.query-string'] });
  expect(again.results[0].verdict).toBe('fail');

  mutantAdapter(dir); // the server is fixed
  const [fixed] = await replayReport(report, { rules: [], repeats: 2, save: false });
  expect(fixed.status).toBe('fixed');
  const passing = await runConformance({ adapter: dir, seed: 6, cases: ['regression.wsgi.environ.query-string'], rules: ['wsgi.environ.query-string'] });
  expect(passing.results[0].verdict).toBe('pass');
});
