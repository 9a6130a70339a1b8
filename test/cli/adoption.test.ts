import { scratchDir } from '../scratch.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../harness/spec/paths.ts';
import { validators } from '../../harness/spec/schemas.ts';
import { runCli } from './helpers.ts';

describe.concurrent('adopting gwi-test for a new server', () => {
  it('init scaffolds a valid adapter from flags, and smoke says it is wired right', async () => {
    const dir = join(scratchDir('gwi-init-'), 'my-server');
    const init = await runCli(['init', dir, '--name', 'my-server', '--module', 'wsgiref.simple_server', '--', '{python}', join(packageRoot, 'adapters/wsgiref/serve.py'), '{probeDir}', '{port}']);
    expect(init.code).toBe(0);
    const { $schema: _schema, ...adapter } = JSON.parse(readFileSync(join(dir, 'adapter.json'), 'utf8'));
    expect(validators.adapter(adapter)).toBe(true);
    const smoke = await runCli(['smoke', dir]);
    expect(smoke.code).toBe(0);
    expect(smoke.stdout).toContain('smoke ok: my-server');
  });

  it('smoke tells an adapter wired to something else than the probe apart from a non-conformant server', async () => {
    const smoke = await runCli(['smoke', 'fixtures/adapters/not-the-probe']);
    expect(smoke.code).toBe(2);
    expect(smoke.stderr).toMatch(/GWI_SERVER_GARBAGE: not-the-probe was not ready .* not a probe report/);
    expect(smoke.stderr).toContain('serves {probeApp}');
  });

  it('a TypeScript adapter loads in a package that is not "type": "module"', async () => {
    const result = await runCli(['smoke', 'fixtures/adapters/commonjs-ts-adapter']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^smoke ok: commonjs-ts-adapter served the probe/);
  });

  it('spec writes the rendered rules, with verdicts from a report', async () => {
    const dir = scratchDir('gwi-spec-');
    const report = join(dir, 'r.json');
    await runCli(['adapters/wsgiref', '--rule', 'wsgi.environ.request-method', '--runs', '3', '--reporter', `json:${report}`]);
    const spec = await runCli(['spec', '-o', join(dir, 'out'), '--results', report]);
    expect(spec.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'spec.md'), 'utf8')).toContain('Results: wsgiref **pass**');
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toContain('id="wsgi.environ.request-method"');
  });
});
