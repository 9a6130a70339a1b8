import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { psgiEnv } from '../../harness/psgi/app/psgiEnv.ts';
import { psgiDriverScript } from '../../harness/psgi/paths.ts';
import { validators } from '../../harness/psgi/schemas.ts';
import { smoke } from '../../harness/engine/smoke.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { interpreterFor } from '../run/mutantServer.ts';

/** Feed the PSGI driver lines by hand, as an adapter author debugging a finding would. */
function driverSession(lines: unknown[], env: Record<string, string> = {}): Array<Record<string, unknown>> {
  const result = spawnSync('perl', [psgiDriverScript], { input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
  return result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

const start = { cmd: 'start', protocol: 1, application: 'mutant_app.psgi', path: [fixturesDir + 'psgi/mutant-app'] };
const get = (seq: number, path: string, extra: Record<string, unknown> = {}) => ({ cmd: 'call', seq, env: { REQUEST_METHOD: 'GET', PATH_INFO: path, SCRIPT_NAME: '', QUERY_STRING: '' }, body: '', ...extra });
const hasPerl = interpreterFor('psgi/driver');
/** Said in the title of every test that needs perl, when it is skipped for want of it. */
const needsPerl = hasPerl ? '' : ' (skipped: perl is not installed; CI installs it and sets GWI_REQUIRE_SERVERS=1)';
const events = (reply: Record<string, unknown>) => reply.events as Array<Record<string, unknown>>;

describe('the PSGI driver protocol (spec/psgi/driver-protocol.schema.json)', () => {
  it('every generated call is a valid command', () => {
    fc.assert(fc.property(psgiEnv(), (call) => validators.driverCommand({ cmd: 'call', seq: 1, ...call })), { numRuns: 200 });
  });

  it.skipIf(!hasPerl)(`answers start and call with schema-valid replies, in order, and gives the Perl version${needsPerl}`, () => {
    const post = { cmd: 'call', seq: 4, env: { REQUEST_METHOD: 'POST', PATH_INFO: '/ab', SCRIPT_NAME: '', QUERY_STRING: '', CONTENT_LENGTH: '3' }, body: 'xyz', maxRead: 1 };
    const replies = driverSession([start, post, get(5, '/stream'), { cmd: 'stop' }]);
    expect(replies).toHaveLength(3);
    for (const reply of replies) expect(validators.driverReply(reply), JSON.stringify(validators.driverReply.errors)).toBe(true);
    expect(replies[0].runtime).toMatch(/^5\.\d+\.\d+ /);
    expect(replies[1]).toMatchObject({ reply: 'called', seq: 4 });
    // short reads: three reads of one byte, then the body echoed through getline
    expect(events(replies[1]).filter((e) => e.method === 'read').map((e) => e.returned)).toEqual([1, 1, 1]);
    expect(events(replies[1]).filter((e) => e.e === 'chunk').map((e) => e.via)).toEqual(['getline']);
    // a delayed response: the responder's argument, then the writer's write and close
    expect(events(replies[2]).map((e) => e.e)).toEqual(['response', 'responder', 'response', 'chunk', 'writer', 'body']);
  });

  it.skipIf(!hasPerl)(`records wide characters, dies and stray stream methods as data${needsPerl}`, () => {
    const wide = driverSession([start, get(1, '/'), { cmd: 'stop' }], { GWI_BREAK: 'psgi.app.body.bytes' });
    expect(events(wide[1]).filter((e) => e.e === 'chunk').map((e) => e.wide)).toEqual([false, true]);
    const died = driverSession([start, get(1, '/'), { cmd: 'stop' }], { GWI_BREAK: 'psgi.app.response.dies' });
    expect(events(died[1])[0]).toMatchObject({ e: 'died', where: 'call', message: 'broken on purpose\n' });
    const closed = driverSession([start, get(1, '/'), { cmd: 'stop' }], { GWI_BREAK: 'psgi.app.input.read-method' });
    expect(events(closed[1])[0]).toMatchObject({ e: 'stream', stream: 'input', method: 'close', interface: false });
  });

  it.skipIf(!hasPerl)(`keeps its own failures apart from the application's: errors are replies of kind error with a code${needsPerl}`, () => {
    const replies = driverSession([
      { cmd: 'start', protocol: 2, application: 'x.psgi' }, get(1, '/'), { cmd: 'start', protocol: 1, application: 'none.psgi', path: [fixturesDir] },
      { cmd: 'start', protocol: 1, application: 'app.psgi', path: [fixturesDir + 'adapters/psgi-not-code'] }, 'not an object',
    ]);
    expect(replies.map((r) => r.code)).toEqual(['bad-command', 'bad-command', 'load-failed', 'not-callable', 'bad-command']);
    for (const reply of replies) expect(validators.driverReply(reply)).toBe(true);
  });

  it('rejects replies that break the schema', () => {
    expect(validators.driverReply({ reply: 'called', seq: 1, events: [{ e: 'chunk', via: 'array' }] })).toBe(false);
    expect(validators.driverReply({ reply: 'started', protocol: 1, python: '3' })).toBe(false);
  });

  it.skipIf(!hasPerl)(`smoke separates a wired application from a broken one${needsPerl}`, async () => {
    await expect(smoke(fixturesDir + 'psgi/mutant-app')).resolves.toMatchObject({ adapter: 'mutant-psgi-app', port: 0 });
    await expect(smoke(fixturesDir + 'adapters/psgi-not-code')).rejects.toMatchObject({ code: 'GWI_APP_LOAD_FAILED' });
  });
});
