import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GwiError } from '../core/errors.ts';

/** Option data: one place that names every flag, its type and its help line. */
export const optionSpecs = {
  rule: { type: 'string', multiple: true, short: 'r', help: 'run only rules whose id starts with this prefix (repeatable)' },
  property: { type: 'string', multiple: true, help: 'run only this property (repeatable), e.g. environ.request-line' },
  case: { type: 'string', multiple: true, help: 'run only this fixed case (repeatable), e.g. input.read-past-end' },
  seed: { type: 'string', help: 'fast-check seed (printed in every replay line)' },
  path: { type: 'string', help: 'fast-check path of a shrunk counterexample, with --seed and one --property' },
  runs: { type: 'string', help: 'generated requests per property (default: each property\'s own)' },
  strict: { type: 'boolean', help: 'SHOULD deviations fail the run too' },
  expectations: { type: 'string', help: 'known failures file (default: expectations.json beside the adapter)' },
  'update-expectations': { type: 'boolean', help: 'write this run\'s failures into the expectations file' },
  timeout: { type: 'string', help: 'bound on one request/response exchange in ms (default 10000)' },
  'max-time': { type: 'string', help: 'bound on the whole run in seconds (default: 120 + 3 per entry planned); what it cuts off is reported as not run' },
  reporter: { type: 'string', multiple: true, help: 'console (default), json, junit or markdown; name:file writes to a file (repeatable)' },
  output: { type: 'string', short: 'o', help: 'file for the reporter given without one (default: stdout)' },
  annotations: { type: 'boolean', help: 'print GitHub ::error/::warning lines (on by default under GitHub Actions)' },
  name: { type: 'string', help: 'init: the adapter\'s name (default: the folder\'s)' },
  module: { type: 'string', multiple: true, help: 'init: a Python module the server needs (repeatable)' },
  concurrency: { type: 'string', help: 'init: requests the server handles at once (default 1)' },
  capability: { type: 'string', multiple: true, help: 'init: file-wrapper, when the environ has wsgi.file_wrapper (repeatable)' },
  repeat: { type: 'string', help: 'replay: runs per finding, to tell flaky from still failing (default 3)' },
  save: { type: 'boolean', help: 'replay: save each still-failing counterexample in the adapter\'s regressions/ folder' },
  shard: { type: 'string', help: 'run only shard k of n (k/n): deterministic, for CI machines to share a run' },
  jobs: { type: 'string', help: 'matrix: adapters run at once (default 2)' },
  profile: { type: 'string', multiple: true, help: 'the interface\'s own rules (wsgi or asgi) or security (hostile requests); default both (repeatable)' },
  results: { type: 'string', multiple: true, help: 'spec: JSON reports whose verdicts are shown beside each rule (repeatable)' },
  verbose: { type: 'boolean', short: 'v', help: 'console: list passing rules and profiles too' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', help: 'print the version' },
} as const;

export const reporterNames = ['console', 'json', 'junit', 'markdown'] as const;
export type ReporterName = (typeof reporterNames)[number];
export interface Reporter {
  name: ReporterName;
  /** Where it writes; stdout when absent. */
  file?: string;
}

export interface CliOptions {
  command: 'run' | 'smoke' | 'spec' | 'init' | 'replay' | 'matrix' | 'diff' | 'help' | 'version';
  /** Profiles to run (default: all). */
  profiles?: string[];
  /** diff: the adapters to compare. */
  diff?: { adapters: string[] };
  adapter?: string;
  rules: string[];
  properties: string[];
  cases: string[];
  seed?: number;
  path?: string;
  numRuns?: number;
  strict: boolean;
  expectations?: string;
  updateExpectations: boolean;
  timeoutMs?: number;
  /** Bound on the whole run, ms. */
  maxTimeMs?: number;
  reporters: Reporter[];
  annotations: boolean;
  verbose: boolean;
  /** spec: reports to show verdicts from. */
  results: string[];
  /** spec: the folder to write to. */
  outDir?: string;
  /** init: the answers given as flags; the start command follows `--`. */
  shard?: { index: number; count: number };
  /** matrix: adapters to run (and reports to merge in, from --results). */
  matrix?: { adapters: string[]; jobs: number };
  /** replay: the JSON report whose findings to replay. */
  replay?: { report: string; repeats: number; save: boolean };
  init?: { name?: string; modules: string[]; concurrency?: number; capabilities: string[]; command: string[] };
}

export function helpText(): string {
  const flags = Object.entries(optionSpecs).map(([name, spec]) => {
    const short = 'short' in spec ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ' <value>' : '';
    return `  ${short}--${name}${value}`.padEnd(30) + spec.help;
  });
  return [
    'gwi-test: check a WSGI, ASGI, CGI, Rack or PSGI server or application against its spec, rule by rule',
    '',
    'Usage:',
    '  gwi-test <adapter> [options]    run the conformance suite (adapter: a folder with adapter.json or adapter.ts)',
    '  gwi-test smoke <adapter>        start the server, send one request, show what the probe saw, stop',
    '  gwi-test spec [-o dir] [--results report.json…]   render the rules as dir/index.html and dir/spec.md',
    '  gwi-test replay <report.json> [--rule p] [--repeat n] [--save]   re-run its findings: fixed, still failing or flaky',
    '  gwi-test matrix <adapters… | report.json…> [-o dir] [--jobs n]   run the adapters, merge in the JSON reports (shards), write matrix.md and matrix.html',
    '  gwi-test diff <adapters…> [--seed s] [--runs n] [--reporter json:file]   send the same hostile requests to each, report where their applications saw different requests',
    '  gwi-test init <dir> [--name n] [--module m] [-- start command…]   scaffold an adapter for a new server',
    '',
    'Options:',
    ...flags,
    '',
    'Exit codes: 0 conformant, 1 non-conformant (MUST failed; SHOULD too with --strict), 2 harness or adapter error,',
    'or a run cut short (Ctrl-C, SIGTERM, SIGHUP, --max-time): the report files are written all the same.',
  ].join('\n');
}

/** Upper bounds of numeric flags: beyond them a value is a typo, or overflows a timer or a 32-bit seed. */
const maxima: Record<string, number> = { seed: 2 ** 31 - 1, timeout: 3_600_000, runs: 1_000_000, 'max-time': 86_400, jobs: 64, repeat: 1000, concurrency: 1024 };

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const max = maxima[name] ?? Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new GwiError('GWI_USAGE', `--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`, `for example --${name} ${Math.max(min, 1) * 100}`);
  }
  return Number(value);
}

/** Argument parsing only: argv in, CliOptions out, GwiError('GWI_USAGE') on anything wrong. */
export function parseCli(argv: string[]): CliOptions {
  const options = Object.fromEntries(Object.entries(optionSpecs).map(([name, { help: _help, ...spec }]) => [name, spec])) as ParseArgsConfig['options'];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GwiError('GWI_USAGE', (error as Error).message, 'run gwi-test --help');
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const positionals = [...parsed.positionals];
  let command: CliOptions['command'] = v.help ? 'help' : v.version ? 'version' : 'run';
  if (command === 'run' && ['smoke', 'spec', 'init', 'replay', 'matrix', 'diff'].includes(positionals[0])) {
    command = positionals.shift() as 'smoke' | 'spec' | 'init' | 'replay' | 'matrix' | 'diff';
  }
  if (command === 'diff') {
    if (positionals.length < 2) throw new GwiError('GWI_USAGE', 'diff needs two or more adapters', 'gwi-test diff adapters/gunicorn adapters/nginx-gunicorn adapters/waitress');
    if (v.path !== undefined && (v.seed === undefined || !/^\d+(:\d+)*$/.test(v.path as string))) throw new GwiError('GWI_USAGE', '--path needs --seed and must look like 3:1:0', 'copy the replay line of the difference');
    return {
      ...defaults(), command, diff: { adapters: positionals }, seed: integer('seed', v.seed as string | undefined, 0), numRuns: integer('runs', v.runs as string | undefined, 1),
      path: v.path as string | undefined, timeoutMs: integer('timeout', v.timeout as string | undefined, 100), reporters: parseReporters((v.reporter as string[] | undefined) ?? [], v.output as string | undefined),
    };
  }
  if (command === 'matrix') {
    const results = (v.results as string[] | undefined) ?? [];
    if (positionals.length === 0 && results.length === 0) throw new GwiError('GWI_USAGE', 'matrix needs adapters to run or --results reports to merge', 'gwi-test matrix adapters/* -o gwi-matrix');
    return {
      ...defaults(), command, results, outDir: (v.output as string | undefined) ?? 'gwi-matrix',
      seed: integer('seed', v.seed as string | undefined, 0), numRuns: integer('runs', v.runs as string | undefined, 1),
      matrix: { adapters: positionals, jobs: integer('jobs', v.jobs as string | undefined, 1) ?? 2 },
    };
  }
  if (command === 'replay') {
    if (positionals.length !== 1) throw new GwiError('GWI_USAGE', 'replay needs one JSON report', 'gwi-test replay gwi-report.json [--rule prefix] [--repeat 3] [--save]');
    return { ...defaults(), command, rules: (v.rule as string[] | undefined) ?? [], replay: { report: positionals[0], repeats: integer('repeat', v.repeat as string | undefined, 1) ?? 3, save: Boolean(v.save) } };
  }
  if (command === 'init') {
    const dashDash = argv.indexOf('--');
    const startCommand = dashDash < 0 ? [] : argv.slice(dashDash + 1);
    const before = positionals.slice(0, positionals.length - startCommand.length);
    if (before.length !== 1) throw new GwiError('GWI_USAGE', 'init needs one folder to create the adapter in', 'gwi-test init ./gwi-adapter --name myserver --module myserver -- {python} -m myserver --port {port} {probeApp}');
    return {
      ...defaults(), command, adapter: before[0],
      init: { name: v.name as string | undefined, modules: (v.module as string[] | undefined) ?? [], concurrency: integer('concurrency', v.concurrency as string | undefined, 1), capabilities: (v.capability as string[] | undefined) ?? [], command: startCommand },
    };
  }
  if (command === 'spec') {
    return { ...defaults(), command, results: (v.results as string[] | undefined) ?? [], outDir: (v.output as string | undefined) ?? 'gwi-spec' };
  }
  if (command !== 'help' && command !== 'version') {
    if (positionals.length !== 1) {
      throw new GwiError('GWI_USAGE', positionals.length === 0 ? 'no adapter given' : `expected one adapter, got ${positionals.join(' ')}`, 'gwi-test ./adapters/wsgiref (a folder with adapter.json or adapter.ts)');
    }
  }
  const reporters = parseReporters((v.reporter as string[] | undefined) ?? [], v.output as string | undefined);
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  const result: CliOptions = {
    command,
    adapter: positionals[0],
    rules: list('rule'),
    properties: list('property'),
    cases: list('case'),
    seed: integer('seed', v.seed as string | undefined, 0),
    path: v.path as string | undefined,
    numRuns: integer('runs', v.runs as string | undefined, 1),
    strict: Boolean(v.strict),
    expectations: v.expectations as string | undefined,
    updateExpectations: Boolean(v['update-expectations']),
    timeoutMs: integer('timeout', v.timeout as string | undefined, 100),
    maxTimeMs: seconds(integer('max-time', v['max-time'] as string | undefined, 1)),
    reporters,
    annotations: Boolean(v.annotations) || process.env.GITHUB_ACTIONS === 'true',
    verbose: Boolean(v.verbose),
    results: [],
    shard: parseShard(v.shard as string | undefined),
    profiles: parseProfiles((v.profile as string[] | undefined) ?? []),
  };
  if (result.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(result.path)) throw new GwiError('GWI_USAGE', `--path must look like 3:1:0, got ${JSON.stringify(result.path)}`, 'copy the replay line from the report');
    if (result.seed === undefined || result.properties.length !== 1) throw new GwiError('GWI_USAGE', '--path needs --seed and exactly one --property', 'copy the replay line from the report');
  }
  return result;
}

const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);

/** Profile names are checked against the adapter's interface once it is loaded; here only their form. */
function parseProfiles(given: string[]): string[] | undefined {
  if (given.length === 0 || given.includes('all')) return undefined;
  const malformed = given.filter((name) => !/^[a-z][a-z0-9-]*$/.test(name));
  if (malformed.length > 0) throw new GwiError('GWI_USAGE', `unknown profile ${malformed.join(', ')}`, '--profile wsgi, asgi, security or all');
  return given;
}

function parseShard(text: string | undefined): CliOptions['shard'] {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) throw new GwiError('GWI_USAGE', `--shard must be k/n with 1 <= k <= n, got ${JSON.stringify(text)}`, 'for example --shard 2/4');
  return { index: Number(match[1]), count: Number(match[2]) };
}

function defaults(): CliOptions {
  return { command: 'run', rules: [], properties: [], cases: [], strict: false, updateExpectations: false, reporters: [{ name: 'console' }], annotations: false, verbose: false, results: [] };
}

/** `--reporter name[:file]`, repeatable; `--output` is the file of the one given without a file. */
function parseReporters(given: string[], output: string | undefined): Reporter[] {
  const reporters = (given.length > 0 ? given : ['console']).map((text): Reporter => {
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    if (!(reporterNames as readonly string[]).includes(name)) throw new GwiError('GWI_USAGE', `unknown reporter ${JSON.stringify(name)}`, `--reporter ${reporterNames.join(', ')} (optionally name:file)`);
    return { name: name as ReporterName, ...(colon < 0 ? {} : { file: text.slice(colon + 1) }) };
  });
  if (output !== undefined) {
    const target = reporters.find((r) => r.file === undefined);
    if (!target) throw new GwiError('GWI_USAGE', '--output given, but every reporter already names its file', 'drop --output or the :file of one reporter');
    target.file = output;
  }
  if (reporters.filter((r) => r.file === undefined).length > 1) throw new GwiError('GWI_USAGE', 'more than one reporter would write to stdout', 'give all but one of them a file: --reporter junit:report.xml');
  return reporters;
}
