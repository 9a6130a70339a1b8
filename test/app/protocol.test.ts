import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { environ } from '../../harness/wsgi/generators/environ.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { driverScript } from '../../harness/wsgi/paths.ts';
import { validators } from '../../harness/wsgi/schemas.ts';
import { smoke } from '../../harness/engine/smoke.ts';

/** Feed the driver lines by hand, as an adapter author debugging a finding would. */
function driverSession(lines: unknown[]): unknown[] {
  const result = spawnSync('/usr/bin/python3', [driverScript], { input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', encoding: 'utf8', timeout: 20_000 });
  return result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
}

const start = { cmd: 'start', protocol: 1, application: 'mutant_app:application', path: [fixturesDir + 'wsgi/mutant-app'] };

describe('the driver protocol (spec/wsgi/driver-protocol.schema.json)', () => {
  it('every generated call is a valid command', () => {
    fc.assert(fc.property(environ(), (call) => validators.driverCommand({ cmd: 'call', seq: 1, ...call })), { numRuns: 200 });
  });

  it('the driver answers start and call with schema-valid replies, in order', () => {
    const replies = driverSession([start, { cmd: 'call', seq: 4, environ: { REQUEST_METHOD: 'POST', PATH_INFO: '/ab', QUERY_STRING: '', CONTENT_LENGTH: '3' }, body: 'xyz', maxRead: 1 }, { cmd: 'stop' }]);
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(validators.driverReply(reply), JSON.stringify(validators.driverReply.errors)).toBe(true);
    expect(replies[1]).toMatchObject({ reply: 'called', seq: 4 });
  });

  it('keeps its own failures apart from the application\'s: errors are replies of kind error with a code', () => {
    const replies = driverSession([{ cmd: 'start', protocol: 2, application: 'x:y' }, { cmd: 'call', seq: 1, environ: {}, body: '' }, { cmd: 'start', protocol: 1, application: 'no_such_module_gwi:app' }, 'not an object']);
    expect(replies.map((r) => (r as { code?: string }).code)).toEqual(['bad-command', 'bad-command', 'load-failed', 'bad-command']);
    for (const reply of replies) expect(validators.driverReply(reply)).toBe(true);
  });

  it('rejects replies that break the schema', () => {
    expect(validators.driverReply({ reply: 'called', seq: 1, events: [{ e: 'chunk', index: 0 }] })).toBe(false);
    expect(validators.driverReply({ reply: 'started', protocol: 2, python: '3' })).toBe(false);
  });

  it('smoke separates a wired application from a broken one', async () => {
    await expect(smoke(fixturesDir + 'wsgi/mutant-app')).resolves.toMatchObject({ adapter: 'mutant-app', port: 0 });
    await expect(smoke(fixturesDir + 'adapters/app-not-callable')).rejects.toMatchObject({ code: 'GWI_APP_LOAD_FAILED' });
  });
});
