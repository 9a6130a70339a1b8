// Every command but help and version, loaded only when one of them runs: --version starts in a blink.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import '../interfaces.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { scaffoldAdapter, type ScaffoldAnswers } from '../adapter/scaffold.ts';
import { replayReport } from '../engine/replay.ts';
import { runMatrix, writeMatrix } from '../matrix/run.ts';
import { runDiff } from '../diff/run.ts';
import { diffMarkdown, formatDiff } from '../diff/render.ts';
import { renderHtml, renderMarkdown } from '../site/specSite.ts';
import { describeErrors, validators } from '../spec/schemas.ts';
import { GwiError } from '../core/errors.ts';
import { runConformance } from '../engine/conformance.ts';
import { smoke } from '../engine/smoke.ts';
import { errorBlock, formatConsole } from '../report/console.ts';
import { Progress } from '../report/progress.ts';
import { formatJson } from '../report/json.ts';
import { formatJunit } from '../report/junit.ts';
import type { CliOptions, ReporterName } from './options.ts';
import { color, interruption } from './interruption.ts';
import { formatMarkdown } from '../report/markdown.ts';
import { replayLine } from '../report/replayLine.ts';
import { formatAnnotations } from '../report/github.ts';
import type { Report } from '../generated/report.ts';
import { toolVersion } from '../spec/paths.ts';

function formatWith(name: ReporterName, report: Report, options: { strict: boolean; color: boolean; verbose: boolean }): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report, options.strict);
    case 'markdown':
      return formatMarkdown(report);
    case 'console':
      return formatConsole(report, { color: options.color, verbose: options.verbose }) + '\n';
  }
}


/** Every reporter asked for, to its file or stdout: on every way a run ends, results or not. */
function writeReports(options: CliOptions, report: Report): void {
  for (const reporter of options.reporters) {
    const toFile = reporter.file !== undefined;
    const text = formatWith(reporter.name, report, { strict: options.strict, color: color && !toFile, verbose: options.verbose });
    if (toFile) {
      try {
        writeFileSync(reporter.file!, text);
        process.stderr.write(`${reporter.name} report written to ${reporter.file}\n`);
      } catch (error) {
        process.stderr.write(errorBlock(new GwiError('GWI_USAGE', `cannot write ${reporter.file}: ${(error as Error).message}`, 'check the folder exists and is writable'), color) + '\n');
      }
    } else {
      process.stdout.write(text);
    }
  }
}

/** Report files go where the user said: a folder that is missing or not writable is found before any server starts. */
function checkReporterFiles(options: CliOptions): void {
  for (const reporter of options.reporters) {
    if (reporter.file === undefined) continue;
    const target = existsSync(reporter.file) ? reporter.file : dirname(resolve(reporter.file));
    try {
      accessSync(target, constants.W_OK);
      if (target !== reporter.file && !statSync(target).isDirectory()) throw new Error('not a folder');
    } catch (error) {
      throw new GwiError('GWI_USAGE', `--reporter ${reporter.name}:${reporter.file}: ${target} is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'create the folder first, or name a file in a writable folder');
    }
  }
}

async function run(options: CliOptions): Promise<number> {
  checkReporterFiles(options);
  const progress = new Progress(process.stderr, color);
  const conformance = runConformance({
    adapter: options.adapter!,
    rules: options.rules,
    properties: options.properties,
    cases: options.cases,
    profiles: options.profiles,
    seed: options.seed,
    path: options.path,
    numRuns: options.numRuns,
    strict: options.strict,
    expectations: options.expectations,
    updateExpectations: options.updateExpectations,
    shard: options.shard,
    timeoutMs: options.timeoutMs,
    maxTimeMs: options.maxTimeMs,
    signal: interruption.signal,
    replayAdapter: options.adapter,
    onProgress: (event) => {
      if (!interruption.signal.aborted) progress.onEvent(event);
    },
  });
  // an interrupted run gets a few seconds to stop its servers and finish its report; then a report of the interruption alone
  const late = new Promise<Report>((resolve) => {
    interruption.signal.addEventListener('abort', () => setTimeout(() => resolve(interruptedReport(options)), 5000).unref());
  });
  const report = await Promise.race([conformance, late]);
  progress.end();
  for (const error of report.errors) process.stderr.write(errorBlock(error, color) + '\n');
  // on stderr, so a report on stdout stays parseable; the Actions runner reads workflow commands from both
  if (options.annotations) process.stderr.write(formatAnnotations(report));
  writeReports(options, report);
  // with every report in a file, a person still sees the summary
  if (report.results.length > 0 && options.reporters.every((r) => r.file !== undefined)) process.stderr.write(formatConsole(report, { color, verbose: false }) + '\n');
  return report.exitCode;
}

/** The report of a run that did not stop in time after a signal: no results, the interruption as its error. */
function interruptedReport(options: CliOptions): Report {
  const error = new GwiError('GWI_INTERRUPTED', `stopped by ${String(interruption.signal.reason)}; the run did not wind down within 5 s`, 'every server the run started has been stopped');
  const summary = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 };
  return {
    format: 2, tool: { name: 'gwi-test', version: toolVersion }, adapter: { name: options.adapter ?? '', path: options.adapter ?? '', versions: {} },
    seed: options.seed ?? 0, startedAt: new Date().toISOString(), durationMs: 0, summary, results: [],
    errors: [{ code: error.code, message: error.message, hint: error.hint }], exitCode: 2,
  };
}

async function runSmoke(options: CliOptions): Promise<number> {
  const result = await smoke(options.adapter!, options.timeoutMs);
  const versions = Object.entries(result.versions).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stdout.write(`smoke ok: ${result.adapter}${versions ? ` (${versions})` : ''}${result.port === 0 ? ' was loaded by the driver and answered GET /' : ` served the probe on 127.0.0.1:${result.port}`}\n`);
  process.stdout.write(`environ keys: ${result.environKeys.join(' ')}\n`);
  return 0;
}

/** A JSON report written by --reporter json, validated against spec/report.schema.json. */
function readReport(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GwiError('GWI_USAGE', `cannot read the report ${file}: ${(error as Error).message}`, 'pass a file written by --reporter json');
  }
  if (!validators.report(data)) throw new GwiError('GWI_USAGE', `${file} is not a gwi-test JSON report: ${describeErrors(validators.report.errors).join('; ')}`, 'pass a file written by --reporter json');
  return data;
}

function renderSpec(options: CliOptions): number {
  const reports = options.results.map(readReport);
  const dir = options.outDir ?? 'gwi-spec';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), renderHtml(reports));
  writeFileSync(join(dir, 'spec.md'), renderMarkdown(reports));
  process.stdout.write(`spec written to ${join(dir, 'index.html')} and ${join(dir, 'spec.md')}\n`);
  return 0;
}

async function runReplay(options: CliOptions): Promise<number> {
  const { report: file, repeats, save } = options.replay!;
  const report = readReport(file);
  const outcomes = await replayReport(report, { rules: options.rules, repeats, save });
  if (outcomes.length === 0) process.stdout.write('no findings to replay\n');
  for (const o of outcomes) {
    process.stdout.write(`${o.status.padEnd(13)} ${o.ruleId} (failed ${o.failed}/${o.repeats})${o.saved ? ` · saved as ${o.saved}` : ''}\n   ${replayLine(o.replay)}\n`);
  }
  return outcomes.some((o) => o.status !== 'fixed') ? 1 : 0;
}

async function runDiffCommand(options: CliOptions): Promise<number> {
  const report = await runDiff({
    adapters: options.diff!.adapters, seed: options.seed, numRuns: options.numRuns, path: options.path, timeoutMs: options.timeoutMs,
    onDifference: (d) => process.stderr.write(`found: ${d.rule} (${d.groups.map((g) => g.join('=')).join(' vs ')})\n`),
  });
  for (const reporter of options.reporters) {
    const text = reporter.name === 'json' ? JSON.stringify(report, null, 2) + '\n' : reporter.name === 'markdown' ? diffMarkdown(report) : formatDiff(report);
    if (reporter.file) writeFileSync(reporter.file, text);
    else process.stdout.write(text);
  }
  for (const error of report.errors) process.stderr.write(`error ${error.code}: ${error.message}\n`);
  return report.exitCode;
}

/** A report file among the matrix's arguments (a shell glob after --results), not an adapter's own adapter.json. */
const isReportFile = (path: string) => path.endsWith('.json') && basename(path) !== 'adapter.json' && existsSync(path) && statSync(path).isFile();

async function runMatrixCommand(options: CliOptions): Promise<number> {
  const adapters = options.matrix!.adapters.filter((path) => !isReportFile(path));
  const { jobs } = options.matrix!;
  const given = [...options.results, ...options.matrix!.adapters.filter(isReportFile)].map(readReport);
  const fresh = await runMatrix(adapters, {
    jobs, seed: options.seed, numRuns: options.numRuns,
    onReport: (report) => process.stderr.write(`${report.adapter.name}: ${report.summary.fail} fail, ${report.summary.warn} warn, ${report.errors.length} errors (${(report.durationMs / 1000).toFixed(1)} s)\n`),
  });
  const reports = [...given, ...fresh];
  const { markdown, html } = writeMatrix(options.outDir ?? 'gwi-matrix', reports);
  for (const report of reports) for (const error of report.errors) process.stderr.write(`${report.adapter.name}: ${errorBlock(error, color)}\n`);
  process.stdout.write(`matrix written to ${markdown} and ${html}\n`);
  return reports.some((r) => r.errors.length > 0) ? 2 : 0;
}

async function runInit(options: CliOptions): Promise<number> {
  const given = options.init!;
  let name = given.name;
  if (!name && process.stdin.isTTY) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    name = (await prompt.question(`adapter name [${basename(resolve(options.adapter!))}]: `)).trim() || undefined;
    if (given.modules.length === 0) given.modules.push(...(await prompt.question('Python module the server needs (e.g. gunicorn): ')).trim().split(/\s+/).filter(Boolean));
    prompt.close();
  }
  const file = scaffoldAdapter(options.adapter!, {
    name: name ?? basename(resolve(options.adapter!)).toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    modules: given.modules,
    command: given.command,
    concurrency: given.concurrency,
    capabilities: given.capabilities as ScaffoldAnswers['capabilities'],
  });
  process.stdout.write(`wrote ${file}\nnext: check its command, then run  npx gwi-test smoke ${options.adapter}  and  npx gwi-test ${options.adapter}\n`);
  return 0;
}

/** The commands, by name. */
export const commands: Record<Exclude<CliOptions['command'], 'help' | 'version'>, (options: CliOptions) => Promise<number>> = {
  smoke: runSmoke,
  spec: async (o: CliOptions) => renderSpec(o),
  init: runInit,
  replay: runReplay,
  matrix: runMatrixCommand,
  diff: runDiffCommand,
  run,
};
