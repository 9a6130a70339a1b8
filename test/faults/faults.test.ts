import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validators } from '../../harness/spec/schemas.ts';
import type { Report } from '../../harness/generated/report.ts';
import { processesWith as anyProcessesWith, runCli, type CliResult } from '../cli/helpers.ts';

/**
 * The fault battery: servers that misbehave in every way we know of, and the harness itself stopped by every signal.
 * Each run must end within its bound, exit with the documented code, leave a report file that validates, and leave no
 * process and no temporary folder behind.
 */
interface Faulted {
  result: CliResult;
  report: Report;
  seconds: number;
}

type CliOptions = NonNullable<Parameters<typeof runCli>[1]>;

async function runFaulted(args: string[], options: Pick<CliOptions, 'onStderr' | 'timeoutMs'> = {}): Promise<Faulted> {
  // a private temporary folder: whatever the run leaves behind shows up here
  const tmp = mkdtempSync(join(tmpdir(), 'gwi-fault-'));
  const reportFile = join(tmp, 'report.json');
  const begun = Date.now();
  const result = await runCli([...args, '--reporter', `json:${reportFile}`, '--reporter', 'console'], { env: { TMPDIR: tmp }, onStderr: options.onStderr, timeoutMs: options.timeoutMs });
  const seconds = (Date.now() - begun) / 1000;
  expect(existsSync(reportFile), `no report file; stderr:\n${result.stderr}`).toBe(true);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  expect(validators.report(report)).toBe(true);
  expect(report.exitCode).toBe(result.code);
  expect(readdirSync(tmp).filter((name) => name !== 'report.json' && name.startsWith('gwi-'))).toEqual([]);
  rmSync(tmp, { recursive: true, force: true });
  expect(result.stderr + result.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  return { result, report, seconds };
}

/** Live processes with `marker` as a whole argument (gwi-fixture-hangs is not gwi-fixture-hangs-after-6). */
const processesWith = (marker: string) => anyProcessesWith(marker).filter((line) => line.split(/\s+/).some((arg) => arg === marker || arg === `${marker}-daemon`));

const codes = (report: Report) => report.errors.map((e) => e.code);

describe.concurrent('servers that misbehave: a coded error, a report, a bounded run, nothing left behind', () => {
  it.each([
    ['exits at start', 'exits-early', 'GWI_SERVER_EXITED', 'gwi-fixture-exits-early', 15],
    ['never listens', 'never-listens', 'GWI_SERVER_TIMEOUT', 'gwi-fixture-never-listens', 15],
    ['listens and never answers', 'hangs', 'GWI_SERVER_TIMEOUT', 'gwi-fixture-hangs', 15],
    ['answers garbage', 'garbage', 'GWI_SERVER_GARBAGE', 'gwi-fixture-garbage', 20],
  ])('a server that %s', async (_what, fixture, code, marker, bound) => {
    const { result, report, seconds } = await runFaulted([`fixtures/adapters/${fixture}`, '--seed', '1']);
    expect(result.code).toBe(2);
    expect(codes(report)).toEqual([code]);
    expect(seconds).toBeLessThan(bound);
    expect(processesWith(marker)).toEqual([]);
  });

  it('a server that hangs at its sixth request, whatever it is: one error naming that request, the rest not run, under 30 s', async () => {
    const { result, report, seconds } = await runFaulted(['fixtures/adapters/hangs-after-6', '--seed', '1']);
    expect(result.code).toBe(2);
    expect(codes(report)).toEqual(['GWI_SERVER_UNRESPONSIVE']);
    expect(report.errors[0].message).toMatch(/stopped answering anyone at request 5 sent after it was ready[^]*request: \S+ \S+ HTTP\/1\.[01]\\r\\n[^]*not run: \d+ entries/);
    expect(seconds).toBeLessThan(30);
    expect(processesWith('gwi-fixture-hangs-after-6')).toEqual([]);
  });

  it('a server that starts to drip its answers an octet a second: the same, not a run of timeouts', async () => {
    const { result, report, seconds } = await runFaulted(['fixtures/adapters/drips', '--seed', '1']);
    expect(result.code).toBe(2);
    expect(codes(report)).toEqual(['GWI_SERVER_UNRESPONSIVE']);
    expect(seconds).toBeLessThan(30);
    expect(processesWith('gwi-fixture-drips')).toEqual([]);
  });

  it('a server that dies at its third request, whatever it is: one error, not blamed on the request', async () => {
    const { result, report, seconds } = await runFaulted(['fixtures/adapters/crashes-on-3', '--seed', '1']);
    expect(result.code).toBe(2);
    expect(codes(report)).toEqual(['GWI_SERVER_CRASHED']);
    expect(report.errors[0].message).toContain('the server, not this request, is at fault');
    expect(seconds).toBeLessThan(20);
    expect(processesWith('gwi-fixture-crashes-on-3')).toEqual([]);
  });

  it('a server that ignores SIGTERM is killed at the end of its stop bound', async () => {
    const { result, report, seconds } = await runFaulted(['fixtures/adapters/ignores-sigterm', '--seed', '1', '--profile', 'wsgi', '--rule', 'wsgi.environ.request-method']);
    expect(codes(report)).toEqual([]);
    expect(result.code).toBe(0);
    expect(seconds).toBeLessThan(20);
    expect(processesWith('gwi-fixture-ignores-sigterm')).toEqual([]);
  });

  it('a server that starts a daemon in a session of its own: the daemon goes too', async () => {
    const { result, report } = await runFaulted(['fixtures/adapters/detaches-daemon', '--seed', '1', '--profile', 'wsgi', '--rule', 'wsgi.environ.request-method']);
    expect(codes(report)).toEqual([]);
    expect(result.code).toBe(0);
    expect(processesWith('gwi-fixture-detaches-daemon')).toEqual([]);
  });

  it('a run that passes --max-time stops with a report of what it did not run', async () => {
    const { result, report, seconds } = await runFaulted(['adapters/wsgiref', '--seed', '1', '--max-time', '3', '--runs', '100000']);
    expect(result.code).toBe(2);
    expect(codes(report)).toEqual(['GWI_RUN_TIME_BOUND']);
    expect(report.errors[0].message).toMatch(/not run: \d+ entries/);
    expect(report.results.some((r) => r.verdict === 'error' && r.reason?.startsWith('not run: GWI_RUN_TIME_BOUND'))).toBe(true);
    expect(seconds).toBeLessThan(25);
  });
});

describe('two runs of the same adapter at once', () => {
  it('never judge each other\'s server: both clean, both the same verdicts', async () => {
    const args = ['adapters/wsgiref', '--seed', '7', '--profile', 'wsgi', '--rule', 'wsgi.environ', '--rule', 'cgi.'];
    const [a, b] = await Promise.all([runFaulted(args), runFaulted(args)]);
    expect(codes(a.report)).toEqual([]);
    expect(codes(b.report)).toEqual([]);
    const verdicts = (report: Report) => report.results.map((r) => `${r.ruleId}=${r.verdict}`);
    expect(verdicts(a.report)).toEqual(verdicts(b.report));
  });
});

// one after another: each looks for leftovers of the same fixture
describe('the harness stopped by a signal', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: exit 2, GWI_INTERRUPTED in the report file, no server left', async (signal) => {
    let sent = false;
    const { result, report, seconds } = await runFaulted(['fixtures/adapters/detaches-daemon', '--seed', '1', '--runs', '100000'], {
      onStderr: (text, child) => {
        if (!sent && /ready on 127\.0\.0\.1:\d+/.test(text)) {
          sent = true;
          setTimeout(() => child.kill(signal), 500);
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(2);
    expect(codes(report)).toContain('GWI_INTERRUPTED');
    expect(seconds).toBeLessThan(30);
    expect(processesWith('gwi-fixture-detaches-daemon')).toEqual([]);
  });

  it('SIGKILL: the watchdog stops the server and its daemon without the harness', async () => {
    let killed = false;
    const tmp = mkdtempSync(join(tmpdir(), 'gwi-fault-'));
    await runCli(['fixtures/adapters/detaches-daemon', '--seed', '2', '--runs', '100000'], {
      env: { TMPDIR: tmp },
      onStderr: (text, child) => {
        if (!killed && /ready on 127\.0\.0\.1:\d+/.test(text)) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), 500);
        }
      },
    });
    expect(killed).toBe(true);
    // the watchdog notices the closed pipe at once; give the kernel a moment to reap
    const deadline = Date.now() + 5000;
    while (processesWith('gwi-fixture-detaches-daemon').length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith('gwi-fixture-detaches-daemon')).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  });
});
