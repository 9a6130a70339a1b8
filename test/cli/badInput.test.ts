import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesWith, runCli } from './helpers.ts';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe.concurrent('bad input gets a coded error, exit 2, and leaves no process behind', () => {
  it.each([
    ['a folder that does not exist', ['fixtures/adapters/no-such-adapter'], 'GWI_ADAPTER_NOT_FOUND'],
    ['a folder without an adapter file', ['fixtures/wsgi'], 'GWI_ADAPTER_NOT_FOUND'],
    ['an adapter file that is not JSON', ['fixtures/adapters/broken-json'], 'GWI_ADAPTER_INVALID'],
    ['an adapter file that breaks the schema', ['fixtures/adapters/invalid-schema'], 'GWI_ADAPTER_INVALID'],
    ['no adapter at all', [], 'GWI_USAGE'],
    ['an unknown flag', ['adapters/wsgiref', '--bogus'], 'GWI_USAGE'],
    ['a rule prefix that matches nothing', ['adapters/wsgiref', '--rule', 'wsgi.nothing'], 'GWI_USAGE'],
    ['a path without a seed', ['adapters/wsgiref', '--property', 'environ.shape', '--path', '1:2'], 'GWI_USAGE'],
    ['an unknown reporter', ['adapters/wsgiref', '--reporter', 'xml'], 'GWI_USAGE'],
    ['a server whose Python package is not installed', ['fixtures/adapters/missing-module'], 'GWI_PYTHON_NOT_FOUND'],
    ['an expectations file that does not exist', ['adapters/wsgiref', '--expectations', 'no-such-expectations.json'], 'GWI_USAGE'],
    ['an expectations file that is not valid', ['adapters/wsgiref', '--expectations', 'fixtures/adapters/broken-json/adapter.json'], 'GWI_EXPECTATIONS_INVALID'],
    ['a report file in a folder that does not exist', ['adapters/wsgiref', '--reporter', 'json:no-such-folder/report.json'], 'GWI_USAGE'],
    ['a timeout that would overflow a timer', ['adapters/wsgiref', '--timeout', '3000000000'], 'GWI_USAGE'],
    ['a seed above 31 bits', ['adapters/wsgiref', '--seed', '4294967296'], 'GWI_USAGE'],
    ['a run bound of zero', ['adapters/wsgiref', '--max-time', '0'], 'GWI_USAGE'],
  ])('%s', async (_what, args, code) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain('hint:');
    // found before any server started
    expect(result.stderr).not.toContain('ready on 127.0.0.1');
    noStackTrace(result.stderr);
  });

  it.each([
    ['a server command that does not exist', 'missing-command', 'GWI_SERVER_START_FAILED', 'gwi-test-no-such-server'],
    ['a server that exits before it is ready', 'exits-early', 'GWI_SERVER_EXITED', 'gwi-fixture-exits-early'],
    ['a server that accepts but never answers', 'hangs', 'GWI_SERVER_TIMEOUT', 'gwi-fixture-hangs'],
    ['a server that answers garbage', 'garbage', 'GWI_SERVER_GARBAGE', 'gwi-fixture-garbage'],
    ['a server that dies on a request with a body', 'crashes', 'GWI_SERVER_CRASHED', 'gwi-fixture-crashes'],
    ['an ASGI server whose application never completes lifespan startup', 'asgi-lifespan-hangs', 'GWI_SERVER_TIMEOUT', 'gwi-fixture-lifespan-hangs'],
    ['an ASGI server whose application answers lifespan.startup.failed', 'asgi-lifespan-fails', 'GWI_SERVER_EXITED', 'gwi-fixture-lifespan-fails'],
    ['an ASGI server that cannot import the application', 'asgi-import-error', 'GWI_SERVER_EXITED', 'gwi-fixture-asgi-import-error'],
  ])('%s', async (_what, fixture, code, marker) => {
    const result = await runCli([`fixtures/adapters/${fixture}`, '--seed', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(code);
    noStackTrace(result.stderr + result.stdout);
    expect(processesWith(marker)).toEqual([]);
  });
});

describe('an ASGI application without lifespan support', () => {
  it('is a recorded profile, not an error: the server goes on without lifespan', async () => {
    const result = await runCli(['fixtures/adapters/asgi-lifespan-unsupported', '--seed', '1', '--profile', 'asgi', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: Array<{ ruleId: string; profile?: Record<string, number> }> };
    expect(Object.keys(report.results.find((r) => r.ruleId === 'asgi.lifespan.supported')?.profile ?? {})).toEqual(['lifespan scope without a completed startup']);
    expect(processesWith('gwi-fixture-lifespan-unsupported')).toEqual([]);
  });

  it('names lifespan startup in the hint when an ASGI server never becomes ready', async () => {
    const result = await runCli(['fixtures/adapters/asgi-lifespan-hangs', '--seed', '1']);
    expect(result.stderr).toContain('lifespan.startup');
  });
});

// apart from the cases above, which look for leftover processes of the same fixture
describe('a crash mid-run', () => {
  it('names the request that killed the server, not a request sent after it died', async () => {
    const result = await runCli(['fixtures/adapters/crashes', '--seed', '1']);
    const request = /GWI_SERVER_CRASHED[^\n]*\n\s+request: (.*)/.exec(result.stderr)?.[1] ?? '';
    expect(request).toMatch(/Content-Length: [1-9]/);
  });
});

describe('Ctrl-C', () => {
  it('stops the server, removes its temporary folders, reports GWI_INTERRUPTED and exits 2', async () => {
    let port = '';
    // a private TMPDIR: the server's folder and the event log must be gone afterwards
    const tmp = mkdtempSync(join(tmpdir(), 'gwi-ctrl-c-'));
    const result = await runCli(['adapters/wsgiref', '--runs', '100000', '--seed', '1'], {
      env: { TMPDIR: tmp },
      onStderr: (text, child) => {
        const ready = /ready on 127\.0\.0\.1:(\d+)/.exec(text);
        if (ready && !port) {
          port = ready[1];
          setTimeout(() => child.kill('SIGINT'), 500);
        }
      },
    });
    expect(port).not.toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GWI_INTERRUPTED');
    noStackTrace(result.stderr);
    expect(processesWith(`serve.py`).filter((line) => line.endsWith(` ${port}`))).toEqual([]);
    expect(readdirSync(tmp).filter((name) => name.startsWith('gwi-'))).toEqual([]); // (tsx keeps its own cache there)
    rmSync(tmp, { recursive: true, force: true });
  });
});
