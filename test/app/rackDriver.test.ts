import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rackEnv } from '../../harness/rack/app/calls.ts';
import { validators } from '../../harness/rack/schemas.ts';
import { smoke } from '../../harness/engine/smoke.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { runCli } from '../cli/helpers.ts';
import { expectCodedError } from './codedError.ts';
import { interpreterFor } from '../run/mutantServer.ts';

const driverScript = fixturesDir + 'rack/driver/gwi_rack_driver.rb';
/** Feed the Rack driver lines by hand, as an adapter author debugging a finding would. */
function driverSession(lines: unknown[]): unknown[] {
  const result = spawnSync('ruby', [driverScript], { input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', encoding: 'utf8', timeout: 20_000 });
  return result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
}
const start = { cmd: 'start', protocol: 1, application: 'config.ru', path: [fixturesDir + 'rack/mutant-app'] };

describe('the Rack driver protocol (spec/rack/driver-protocol.schema.json)', () => {
  it('every generated call is a valid command', () => {
    fc.assert(fc.property(rackEnv(), (call) => validators.driverCommand({ cmd: 'call', seq: 1, ...call })), { numRuns: 200 });
  });

  it.skipIf(!interpreterFor('rack/driver'))('the driver answers start and call with schema-valid replies, in order (needs ruby)', () => {
    const replies = driverSession([start, { cmd: 'call', seq: 4, env: { REQUEST_METHOD: 'POST', PATH_INFO: '/ab', QUERY_STRING: '', CONTENT_LENGTH: '3' }, body: 'xyz', maxRead: 1 }, { cmd: 'stop' }]);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(validators.driverReply(reply), JSON.stringify(validators.driverReply.errors)).toBe(true);
    expect(replies[1]).toMatchObject({ reply: 'called', seq: 4 });
  });

  it.skipIf(!interpreterFor('rack/driver'))('keeps its own failures apart from the application\'s: errors are replies of kind error with a code (needs ruby)', () => {
    const replies = driverSession([{ cmd: 'start', protocol: 2, application: 'x.ru' }, { cmd: 'call', seq: 1, env: {}, body: '' }, { cmd: 'start', protocol: 1, application: 'no-such-file.ru', path: [fixturesDir + 'rack/mutant-app'] }, 'not an object']);
    expect(replies.map((r) => (r as { code?: string }).code)).toEqual(['bad-command', 'bad-command', 'load-failed', 'bad-command']);
    for (const reply of replies) expect(validators.driverReply(reply)).toBe(true);
  });

  it('rejects replies that break the schema', () => {
    expect(validators.driverReply({ reply: 'called', seq: 1, events: [{ e: 'chunk', index: 0 }] })).toBe(false);
    expect(validators.driverReply({ reply: 'started', protocol: 1 })).toBe(false);
  });

  it.skipIf(!interpreterFor('rack/driver'))('smoke separates a wired application from a broken one (needs ruby)', async () => {
    await expect(smoke(fixturesDir + 'rack/mutant-app')).resolves.toMatchObject({ adapter: 'rack-mutant-app', port: 0 });
    await expect(smoke(fixturesDir + 'adapters/rack-app-no-run')).rejects.toMatchObject({ code: 'GWI_APP_LOAD_FAILED' });
  });
});

describe.runIf(interpreterFor('rack/driver')).concurrent('a misbehaving Rack application gets a coded error, exit 2, and leaves no driver behind (needs ruby)', () => {
  it.each([
    ['a rackup file that raises while it is parsed', 'rack-app-load-error', 'GWI_APP_LOAD_FAILED', []],
    ['a rackup file without run', 'rack-app-no-run', 'GWI_APP_LOAD_FAILED', []],
    ['an application that never returns', 'rack-app-hangs', 'GWI_APP_TIMEOUT', ['--timeout', '1000']],
    ['an application that ends the Ruby process', 'rack-app-exits', 'GWI_APP_CRASHED', []],
  ])('%s', (_what, fixture, code, extra) => expectCodedError(fixture, code, extra));

  it('keeps the protocol clean when the application prints to stdout', async () => {
    const result = await runCli(['fixtures/adapters/rack-app-prints', '--seed', '1']);
    expect(result.stderr).not.toContain('GWI_DRIVER_PROTOCOL');
    expect(result.code).toBe(0);
  });
});
