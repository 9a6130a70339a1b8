import { describe, expect, it } from 'vitest';
import { processesWith, runCli } from '../cli/helpers.ts';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe.concurrent('a misbehaving application gets a coded error, exit 2, and leaves no driver behind', () => {
  it.each([
    ['an application module that raises on import', 'app-import-error', 'GWI_APP_LOAD_FAILED', []],
    ['a name that is not a callable', 'app-not-callable', 'GWI_APP_LOAD_FAILED', []],
    ['an application that never returns', 'app-hangs', 'GWI_APP_TIMEOUT', ['--timeout', '1000']],
    ['an application that ends the Python process', 'app-exits', 'GWI_APP_CRASHED', []],
  ])('%s', async (_what, fixture, code, extra) => {
    const result = await runCli([`fixtures/adapters/${fixture}`, '--seed', '1', ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).toContain(code);
    expect(result.stderr).toContain('hint:');
    noStackTrace(result.stderr + result.stdout);
    expect(processesWith(`--adapter gwi-fixture-${fixture}`)).toEqual([]);
  });

  it('keeps the protocol clean when the application prints to stdout', async () => {
    const result = await runCli(['fixtures/adapters/app-prints', '--seed', '1']);
    expect(result.stderr).not.toContain('GWI_DRIVER_PROTOCOL');
    expect(result.code).toBe(0);
  });
});
