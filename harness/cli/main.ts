import { writeFileSync } from 'node:fs';
import { GwiError, asGwiError } from '../errors.ts';
import { stopAll } from '../process/supervisor.ts';
import { runConformance } from '../run/conformance.ts';
import { smoke } from '../run/smoke.ts';
import { errorBlock, formatConsole, progressLine } from '../report/console.ts';
import { formatJson } from '../report/json.ts';
import { formatJunit } from '../report/junit.ts';
import { helpText, parseCli, type CliOptions } from './options.ts';
import { toolVersion } from '../spec/paths.ts';

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function replayPrefix(options: CliOptions): string {
  return `npx gwi-test ${options.adapter}${options.timeoutMs ? ` --timeout ${options.timeoutMs}` : ''}`;
}

async function run(options: CliOptions): Promise<number> {
  const report = await runConformance({
    adapter: options.adapter!,
    rules: options.rules,
    properties: options.properties,
    cases: options.cases,
    seed: options.seed,
    path: options.path,
    numRuns: options.numRuns,
    strict: options.strict,
    timeoutMs: options.timeoutMs,
    command: replayPrefix(options),
    onProgress: (event) => process.stderr.write(progressLine(event, color) + '\n'),
  });
  for (const error of report.errors) process.stderr.write(errorBlock(error, color) + '\n');
  if (report.results.length === 0 && options.reporter === 'console') return report.exitCode;
  const text =
    options.reporter === 'json' ? formatJson(report) : options.reporter === 'junit' ? formatJunit(report, options.strict) : formatConsole(report, { color: color && !options.output, verbose: options.verbose }) + '\n';
  if (options.output) {
    writeFileSync(options.output, text);
    process.stderr.write(`report written to ${options.output}\n`);
    if (options.reporter !== 'console') process.stderr.write(formatConsole(report, { color: false, verbose: false }) + '\n');
  } else {
    process.stdout.write(text);
  }
  return report.exitCode;
}

async function runSmoke(options: CliOptions): Promise<number> {
  const result = await smoke(options.adapter!, options.timeoutMs);
  const versions = Object.entries(result.versions).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stdout.write(`smoke ok: ${result.adapter}${versions ? ` (${versions})` : ''} served the probe on 127.0.0.1:${result.port}\n`);
  process.stdout.write(`environ keys: ${result.environKeys.join(' ')}\n`);
  return 0;
}

/** The command line: parse, run, print, exit 0/1/2; never a stack trace, never a leftover process. */
export async function main(argv: string[]): Promise<void> {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write('\n' + errorBlock(new GwiError('GWI_INTERRUPTED', `stopped by ${signal}`, 'every server the run started has been stopped'), color) + '\n');
    void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const options = parseCli(argv);
    if (options.command === 'help') {
      process.stdout.write(helpText() + '\n');
      process.exitCode = 0;
    } else if (options.command === 'version') {
      process.stdout.write(toolVersion + '\n');
      process.exitCode = 0;
    } else {
      process.exitCode = options.command === 'smoke' ? await runSmoke(options) : await run(options);
    }
  } catch (thrown) {
    if (interrupted) return;
    const error = asGwiError(thrown, 'GWI_USAGE');
    process.stderr.write(errorBlock(error, color) + '\n');
    process.exitCode = 2;
  } finally {
    await stopAll();
  }
}
