import { describe, expect, it } from 'vitest';
import { processesWith, runCli } from '../cli/helpers.ts';
import { expectCodedError } from './codedError.ts';


describe.concurrent('a misbehaving application gets a coded error, exit 2, and leaves no driver behind', () => {
  it.each([
    ['an application module that raises on import', 'app-import-error', 'GWI_APP_LOAD_FAILED', []],
    ['a name that is not a callable', 'app-not-callable', 'GWI_APP_LOAD_FAILED', []],
    ['an application that never returns', 'app-hangs', 'GWI_APP_TIMEOUT', ['--timeout', '1000']],
    ['an application that ends the Python process', 'app-exits', 'GWI_APP_CRASHED', []],
    ['an ASGI application whose lifespan startup fails', 'asgi-app-startup-fails', 'GWI_APP_LOAD_FAILED', []],
    ['an ASGI application that blocks its event loop for ever', 'asgi-app-blocks', 'GWI_APP_TIMEOUT', ['--timeout', '2000']],
  ])('%s', (_what, fixture, code, extra) => expectCodedError(fixture, code, extra));

  it('names the adapter\'s startTimeoutMs, not --timeout, when the import hangs', async () => {
    const result = await runCli(['fixtures/adapters/app-import-hangs', '--seed', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GWI_APP_TIMEOUT');
    expect(result.stderr).toContain('raise the adapter\'s startTimeoutMs (1500 ms)');
    expect(processesWith('--adapter gwi-fixture-app-import-hangs')).toEqual([]);
  });

  it('gives an application that reads stdin end-of-file, not the driver\'s commands', async () => {
    const result = await runCli(['fixtures/adapters/app-reads-stdin', '--seed', '1', '--reporter', 'json']);
    expect(result.stderr).not.toContain('GWI_APP_TIMEOUT');
    expect(result.stderr).not.toContain('GWI_DRIVER_PROTOCOL');
    expect((JSON.parse(result.stdout) as { errors: unknown[] }).errors).toEqual([]);
  });

  it('keeps the protocol clean when the application prints to stdout', async () => {
    const result = await runCli(['fixtures/adapters/app-prints', '--seed', '1']);
    expect(result.stderr).not.toContain('GWI_DRIVER_PROTOCOL');
    expect(result.code).toBe(0);
  });
});

// apart from the cases above, which look for leftover drivers of the same fixture
describe('an application that hangs', () => {
  it('shows the call that hung the application, as the line that replays it, and names --timeout', async () => {
    const result = await runCli(['fixtures/adapters/app-hangs', '--seed', '1', '--timeout', '1000']);
    expect(result.stderr).toMatch(/GWI_APP_TIMEOUT[^]*\n {2}call: \{"cmd":"call","seq":0,[^\n]*"REQUEST_METHOD"/);
    expect(result.stderr).toContain('raise --timeout (1000 ms)');
  });
});

describe('an ASGI application that awaits for ever', () => {
  it('is an error naming the call, the driver cancels the call and the run goes on to later entries', async () => {
    const result = await runCli(['fixtures/adapters/asgi-app-hangs', '--seed', '1', '--timeout', '3000', '--reporter', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GWI_APP_HUNG[^]*\n {2}call: \{"cmd":"call","seq":0,"scope":\{"type":"http"/);
    // later entries ran to the end: the lifespan case (whose call does not hang) is done, not skipped
    expect(result.stderr).toMatch(/done +case asgi\.app\.lifespan/);
    expect(result.stderr).not.toContain('not run: GWI_APP_HUNG');
    expect(processesWith('--adapter gwi-fixture-asgi-app-hangs')).toEqual([]);
  });
});
