// npm run bench: how fast gwi-test is, in one run. Numbers, never assertions; each line says what it measures.
//   1. start-up of the command line (gwi-test --version) next to `node -e 1`
//   2. the default run (both profiles) against gunicorn, start and stop included, with the harness's peak memory
//   3. the request phase's rate next to a plain keep-alive Node client and wrk on the same server, same concurrency
//   4. how a property's run time grows with --runs (100, 1000, 10000)
//   5. the matrix: every installed server adapter's default run, and the wall time of all of them with --jobs 2
// GWI_BENCH_MATRIX=0 leaves out part 5 (a few minutes).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAdapter } from '../harness/adapter/load.ts';
import { runConformance } from '../harness/engine/conformance.ts';
import { pluginFor } from '../harness/engine/plugin.ts';
import { startServer } from '../harness/run/server.ts';
import { packageRoot } from '../harness/spec/paths.ts';
import type { Report } from '../harness/generated/report.ts';
import '../harness/interfaces.ts';

const bin = packageRoot + 'bin/gwi-test.js';
const scratch = mkdtempSync(join(tmpdir(), 'gwi-bench-'));
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall seconds of a command, median of `times`. */
function timed(command: string, args: string[], times = 5): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const begun = performance.now();
    spawnSync(command, args, { cwd: packageRoot, stdio: 'ignore' });
    runs.push((performance.now() - begun) / 1000);
  }
  return median(runs);
}

/** A CLI run: wall seconds, peak resident memory (GNU time, when installed) and the JSON report. */
function cliRun(args: string[]): { seconds: number; peakMb?: number; report: Report } {
  const file = join(scratch, `report-${Date.now()}.json`);
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const full = [...(gnuTime ? ['-f', 'gwi-bench-peak-kb %M', process.execPath] : []), bin, ...args, '--reporter', `json:${file}`];
  const begun = performance.now();
  const result = spawnSync(command, full, { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - begun) / 1000;
  const peak = /gwi-bench-peak-kb (\d+)/.exec(result.stderr ?? '');
  return { seconds, ...(peak ? { peakMb: Number(peak[1]) / 1024 } : {}), report: JSON.parse(readFileSync(file, 'utf8')) as Report };
}

/** GET / over `concurrency` keep-alive connections for `seconds`, as fast as the server answers. */
async function plainClient(port: number, concurrency: number, seconds: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
  try {
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await one();
        done += 1;
      }
    }));
  } finally {
    agent.destroy();
  }
  return done / seconds;
}

/** wrk's requests/s on GET /, or undefined without wrk. */
function wrk(port: number, concurrency: number, seconds: number): number | undefined {
  try {
    const out = execFileSync('wrk', ['-t1', `-c${concurrency}`, `-d${seconds}s`, `http://127.0.0.1:${port}/`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
    return rate ? Number(rate[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The request phase of one run of the interface's own profile: requests sent from server ready to last entry done. */
async function requestPhase(adapterPath: string): Promise<{ requests: number; seconds: number }> {
  let requests = 0;
  let ready = 0;
  let last = 0;
  const report = await runConformance({
    adapter: adapterPath, seed: 1000, onRequest: () => (requests += 1),
    profiles: [(await loadAdapter(adapterPath)).config.interface],
    onProgress: (event) => (event.type === 'server-ready' ? (ready = performance.now()) : (last = performance.now())),
  });
  if (report.errors.length > 0) throw new Error(`the suite did not run: ${report.errors.map((e) => e.code).join(', ')}`);
  return { requests, seconds: (last - ready) / 1000 };
}

try {
  console.log('1. start-up');
  const node = timed(process.execPath, ['-e', '1']);
  const version = timed(process.execPath, [bin, '--version']);
  line('node -e 1', `${node.toFixed(2)} s`);
  line('gwi-test --version', `${version.toFixed(2)} s (target 0.4 s)`);

  console.log('\n2. default run against gunicorn (both profiles, start and stop included)');
  const runs = [1, 2, 3].map((seed) => cliRun(['adapters/gunicorn', '--seed', String(seed)]));
  const wall = median(runs.map((r) => r.seconds));
  line('wall time', `${wall.toFixed(2)} s, median of 3 (target 2 s)`);
  const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== undefined);
  line('harness peak memory', peaks.length > 0 ? `${Math.max(...peaks).toFixed(0)} MB (target 150 MB)` : 'n/a (no /usr/bin/time)');

  console.log('\n3. request rate against gunicorn');
  const gunicorn = packageRoot + 'adapters/gunicorn';
  const adapter = await loadAdapter(gunicorn);
  const concurrency = adapter.config.concurrency;
  const phase = await requestPhase(gunicorn);
  const server = await startServer(adapter, pluginFor(adapter.config.interface));
  let plain: number;
  let viaWrk: number | undefined;
  try {
    plain = await plainClient(server.port, concurrency, 3);
    viaWrk = wrk(server.port, concurrency, 3);
  } finally {
    await server.stop();
  }
  const rate = phase.requests / phase.seconds;
  line('request phase (wsgi profile)', `${rate.toFixed(0)} requests/s (${phase.requests} requests, concurrency ${concurrency})`);
  line('plain keep-alive Node client', `${plain.toFixed(0)} requests/s: the phase reaches ${((rate / plain) * 100).toFixed(0)} % (target 50 %)`);
  line('wrk', viaWrk === undefined ? 'n/a (install Debian wrk)' : `${viaWrk.toFixed(0)} requests/s: the phase reaches ${((rate / viaWrk) * 100).toFixed(0)} %`);

  console.log('\n4. run time against --runs (one property, environ.request-line, gunicorn)');
  for (const n of [100, 1000, 10_000]) {
    const { seconds, report } = cliRun(['adapters/gunicorn', '--property', 'environ.request-line', '--profile', 'wsgi', '--runs', String(n), '--seed', '1']);
    line(`--runs ${n}`, `${seconds.toFixed(2)} s${report.errors.length > 0 ? ` (errors: ${report.errors.map((e) => e.code).join(', ')})` : ''}`);
  }

  if (process.env.GWI_BENCH_MATRIX !== '0') {
    console.log('\n5. matrix of every installed server adapter (both profiles, --jobs 2)');
    const adapters = readdirSync(packageRoot + 'adapters').filter((name) => {
      const file = join(packageRoot, 'adapters', name, 'adapter.json');
      return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { kind: string }).kind === 'server';
    });
    const out = join(scratch, 'matrix');
    const begun = performance.now();
    const result = spawnSync(process.execPath, [bin, 'matrix', ...adapters.map((a) => `adapters/${a}`), '-o', out, '--jobs', '2'], { cwd: packageRoot, encoding: 'utf8' });
    const seconds = (performance.now() - begun) / 1000;
    for (const match of (result.stderr ?? '').matchAll(/^(\S+): (\d+) fail, (\d+) warn, (\d+) errors \(([\d.]+) s\)$/gm)) {
      line(`  ${match[1]}`, `${match[5]} s${Number(match[5]) > 15 ? ' (over the 15 s target)' : ''}${match[4] !== '0' ? `, ${match[4]} errors` : ''}`);
    }
    line('matrix wall time', `${seconds.toFixed(0)} s for ${adapters.length} adapters (target: 90 s for the 17 WSGI servers)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
