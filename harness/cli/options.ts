import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GwiError } from '../errors.ts';

/** Option data: one place that names every flag, its type and its help line. */
export const optionSpecs = {
  rule: { type: 'string', multiple: true, short: 'r', help: 'run only rules whose id starts with this prefix (repeatable)' },
  property: { type: 'string', multiple: true, help: 'run only this property (repeatable), e.g. environ.request-line' },
  case: { type: 'string', multiple: true, help: 'run only this fixed case (repeatable), e.g. input.read-past-end' },
  seed: { type: 'string', help: 'fast-check seed (printed in every replay line)' },
  path: { type: 'string', help: 'fast-check path of a shrunk counterexample, with --seed and one --property' },
  runs: { type: 'string', help: 'generated requests per property (default: each property\'s own)' },
  strict: { type: 'boolean', help: 'SHOULD deviations fail the run too' },
  timeout: { type: 'string', help: 'bound on one request/response exchange in ms (default 10000)' },
  reporter: { type: 'string', help: 'console (default), json or junit' },
  output: { type: 'string', short: 'o', help: 'write the json/junit report to this file (default: stdout)' },
  verbose: { type: 'boolean', short: 'v', help: 'console: list passing rules and profiles too' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', help: 'print the version' },
} as const;

export type Reporter = 'console' | 'json' | 'junit';

export interface CliOptions {
  command: 'run' | 'smoke' | 'help' | 'version';
  adapter?: string;
  rules: string[];
  properties: string[];
  cases: string[];
  seed?: number;
  path?: string;
  numRuns?: number;
  strict: boolean;
  timeoutMs?: number;
  reporter: Reporter;
  output?: string;
  verbose: boolean;
}

export function helpText(): string {
  const flags = Object.entries(optionSpecs).map(([name, spec]) => {
    const short = 'short' in spec ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ' <value>' : '';
    return `  ${short}--${name}${value}`.padEnd(30) + spec.help;
  });
  return [
    'gwi-test: check a WSGI server against PEP 3333, rule by rule',
    '',
    'Usage:',
    '  gwi-test <adapter> [options]    run the conformance suite (adapter: a folder with adapter.json or adapter.ts)',
    '  gwi-test smoke <adapter>        start the server, send one request, show what the probe saw, stop',
    '',
    'Options:',
    ...flags,
    '',
    'Exit codes: 0 conformant, 1 non-conformant (MUST failed; SHOULD too with --strict), 2 harness or adapter error.',
  ].join('\n');
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new GwiError('GWI_USAGE', `--${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`, `for example --${name} ${Math.max(min, 1) * 100}`);
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
  if (command === 'run' && positionals[0] === 'smoke') {
    command = 'smoke';
    positionals.shift();
  }
  if (command !== 'help' && command !== 'version') {
    if (positionals.length !== 1) {
      throw new GwiError('GWI_USAGE', positionals.length === 0 ? 'no adapter given' : `expected one adapter, got ${positionals.join(' ')}`, 'gwi-test ./adapters/wsgiref (a folder with adapter.json or adapter.ts)');
    }
  }
  const reporter = (v.reporter as string | undefined) ?? 'console';
  if (!['console', 'json', 'junit'].includes(reporter)) throw new GwiError('GWI_USAGE', `unknown reporter ${JSON.stringify(reporter)}`, '--reporter console, json or junit');
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
    timeoutMs: integer('timeout', v.timeout as string | undefined, 100),
    reporter: reporter as Reporter,
    output: v.output as string | undefined,
    verbose: Boolean(v.verbose),
  };
  if (result.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(result.path)) throw new GwiError('GWI_USAGE', `--path must look like 3:1:0, got ${JSON.stringify(result.path)}`, 'copy the replay line from the report');
    if (result.seed === undefined || result.properties.length !== 1) throw new GwiError('GWI_USAGE', '--path needs --seed and exactly one --property', 'copy the replay line from the report');
  }
  return result;
}
