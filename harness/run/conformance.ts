import { GwiError, asGwiError } from '../errors.ts';
import { loadAdapter, type LoadedAdapter } from '../adapter/load.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { toolVersion } from '../spec/paths.ts';
import { wsgiSuite, type SuiteEntry } from '../wsgi/suite.ts';
import type { HarnessErrorRecord, Report, RuleResult } from '../generated/report.ts';
import { Ledger } from './ledger.ts';
import { runPool } from './pool.ts';
import { runCase, runProperty, runScenario, shardsOf, type EntryContext, type Shard } from './runEntry.ts';
import { startServer } from './server.ts';
import { verdictFor } from './verdicts.ts';
import { regressionEntries } from './regressions.ts';
import { applyExpectations, expectationsPath, loadExpectations, writeExpectations } from './expectations.ts';
import { EventLog } from '../wsgi/response/eventLog.ts';
import { runApplicationEntries } from '../app/run.ts';
import { runHostileProperty, securitySuite } from '../hostile/suite.ts';

export interface RunOptions {
  /** Folder or file of the adapter, or an adapter already loaded (and perhaps adjusted) by the caller. */
  adapter: string | LoadedAdapter;
  /** Rule-id prefixes to run; all rules when empty. */
  rules?: string[];
  /** Which profiles to run: wsgi (the environ and response rules), security (hostile requests); default both. */
  profiles?: Profile[];
  /** Run only these properties / cases (by id). */
  properties?: string[];
  cases?: string[];
  seed?: number;
  /** fast-check path of a counterexample to replay (with seed and one property). */
  path?: string;
  numRuns?: number;
  /** SHOULD deviations fail the run too. */
  strict?: boolean;
  /** The expectations file (default: expectations.json in the adapter's folder, if there is one). */
  expectations?: string;
  /** Write this run's failures into the expectations file. */
  updateExpectations?: boolean;
  /** Run only shard `index` (1-based) of `count`: a deterministic slice of the work, for CI machines to share. */
  shard?: { index: number; count: number };
  /** Bound on one exchange, ms (default 10000). */
  timeoutMs?: number;
  /** How long the probe waits on input calls that may block, ms (default 750). */
  deadlineMs?: number;
  /** The command prefix printed in replay lines (default: npx gwi-test <adapter>). */
  command?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Called once per request sent. */
  onRequest?: () => void;
}

export const profileNames = ['wsgi', 'security'] as const;
export type Profile = (typeof profileNames)[number];

export type ProgressEvent =
  | { type: 'server-ready'; adapter: string; port: number; versions: Record<string, string>; total: number }
  | { type: 'entry-done'; entry: EntryLabel; ms: number }
  | { type: 'entry-error'; entry: EntryLabel; error: GwiError };

/** What progress reporting needs of a server or application entry. */
export interface EntryLabel {
  kind: string;
  id: string;
}

function errorRecord(error: GwiError): HarnessErrorRecord {
  return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
}

/** The programmatic API: run the suite against one adapter and return the report. Never reads argv, never exits. */
export async function runConformance(options: RunOptions): Promise<Report> {
  const startedAt = new Date();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const errors: HarnessErrorRecord[] = [];
  const adapterPath = typeof options.adapter === 'string' ? options.adapter : options.adapter.path;
  const report = (results: RuleResult[], adapterName: string, versions: Record<string, string>): Report => {
    const summary = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 };
    for (const result of results) summary[result.verdict] += 1;
    const exitCode = errors.length > 0 || summary.error > 0 ? 2 : summary.fail > 0 || summary.xpass > 0 || (options.strict && summary.warn > 0) ? 1 : 0;
    return {
      format: 1, tool: { name: 'gwi-test', version: toolVersion }, adapter: { name: adapterName, path: adapterPath, versions },
      seed, startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), summary, results, errors, exitCode,
    };
  };

  try {
    const catalogue = loadCatalogue();
    const adapter = typeof options.adapter === 'string' ? await loadAdapter(options.adapter) : options.adapter;
    const prefixes = options.rules ?? [];
    const selected = (id: string) => prefixes.length === 0 || prefixes.some((p) => id === p || id.startsWith(p.endsWith('.') ? p : p + '.') || id.startsWith(p));
    const unknown = prefixes.filter((p) => ![...catalogue.keys()].some((id) => id.startsWith(p)));
    if (unknown.length > 0) throw new GwiError('GWI_USAGE', `no rule id starts with ${unknown.join(', ')}`, 'see the rule ids in spec/ (for example wsgi.environ. or wsgi.input.)');
    const ledger = new Ledger();
    const run = { options, adapter, ledger, selected, seed, errors };
    const { ruleIds, versions } = adapter.config.kind === 'application' ? await runApplicationEntries(run) : await runServerEntries(run);
    const verdicts = [...catalogue.values()].filter((rule) => ruleIds.has(rule.id)).map((rule) => verdictFor(rule, ledger, adapter.config.capabilities));
    const known = new Set(catalogue.keys());
    const expectationsFile = expectationsPath(adapter.dir, options.expectations);
    let expectations = loadExpectations(expectationsFile, known);
    let results = applyExpectations(verdicts, expectations);
    if (options.updateExpectations && errors.length === 0) {
      writeExpectations(expectationsFile, report(results, adapter.config.name, versions), expectations);
      expectations = loadExpectations(expectationsFile, known);
      results = applyExpectations(verdicts, expectations);
    }
    if (adapter.config.kind === 'server' && errors.length === 0 && results.length > 0 && results.every((r) => r.cases === 0)) {
      errors.push(errorRecord(new GwiError('GWI_NOTHING_REACHED_PROBE', 'the server answered every request without running the probe', 'run `gwi-test smoke` on the adapter: it is probably not serving {probeApp}')));
    }
    return report(results, adapter.config.name, versions);
  } catch (thrown) {
    errors.push(errorRecord(asGwiError(thrown)));
    return report([], adapterPath, {});
  }
}

export interface RunState {
  options: RunOptions;
  adapter: LoadedAdapter;
  ledger: Ledger;
  selected: (ruleId: string) => boolean;
  seed: number;
  errors: HarnessErrorRecord[];
}

type Planned<E> = { entry: E; shard?: Shard };

/**
 * The entries the run's filters keep (--property and --case by id, --rule by the rules they check), a searched
 * entry split into `shardCount` shards, then this machine's slice of the whole (--shard).
 */
export function plannedWork<E extends { id: string; rules: string[] }>(suite: E[], state: RunState, shardCount: (entry: E) => number): Array<Planned<E>> {
  const { options, selected, seed } = state;
  const runs = (entry: E): number | undefined => ('numRuns' in entry && typeof entry.numRuns === 'number' ? entry.numRuns : undefined);
  const entries = suite.filter((entry) => {
    if (options.properties?.length || options.cases?.length) {
      const wanted = runs(entry) !== undefined ? options.properties : options.cases;
      if (!wanted?.includes(entry.id)) return false;
    }
    return entry.rules.some(selected);
  });
  if (entries.length === 0) throw new GwiError('GWI_USAGE', 'the filters select nothing to run', 'check --rule, --property and --case against the ids in the report or in spec/');
  const work = entries.flatMap((entry): Array<Planned<E>> => {
    const numRuns = runs(entry);
    if (numRuns === undefined) return [{ entry }];
    return shardsOf({ numRuns }, { seed, path: options.path, numRuns: options.numRuns }, shardCount(entry)).map((shard) => ({ entry, shard }));
  });
  return options.shard ? work.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : work;
}

/** Record a harness error once per distinct message; returns true once the run cannot go on. */
export function recordError(state: RunState, rules: string[], error: GwiError): void {
  state.ledger.addError(rules.filter(state.selected), `${error.code}: ${error.message.split('\n')[0]}`);
  if (!state.errors.some((e) => e.code === error.code && e.message === error.message)) state.errors.push(errorRecord(error));
}

const isHostile = (entry: SuiteEntry) => entry.kind === 'hostile' || entry.id.startsWith('hostile.');

/** Start the server, run the selected server entries against it, stop it. */
async function runServerEntries(state: RunState): Promise<{ ruleIds: Set<string>; versions: Record<string, string> }> {
  const { options, adapter, ledger, selected, seed } = state;
  // saved counterexamples (gwi-test replay --save) run every time, as fixed cases
  const profiles = options.profiles ?? profileNames;
  const suite = [...(profiles.includes('wsgi') ? wsgiSuite : []), ...(profiles.includes('security') ? securitySuite() : [])];
  // hostile inputs are searched in one shard: each failing one is shrunk through slow conversations, once, not per
  // shard; other properties get one shard per connection the server allows, so every connection stays busy
  const mine = plannedWork([...suite, ...regressionEntries(adapter.dir, suite)], state, (entry) => (entry.kind === 'hostile' ? 1 : adapter.config.concurrency));
  let server = await startServer(adapter);
  const log = new EventLog();
  try {
    options.onProgress?.({ type: 'server-ready', adapter: adapter.config.name, port: server.port, versions: server.versions, total: mine.length });
    const context: EntryContext = {
      suite: { port: server.port, capabilities: adapter.config.capabilities, deadlineMs: options.deadlineMs ?? 750, log },
      execution: { server, scriptName: adapter.config.scriptName, timeoutMs: options.timeoutMs ?? 10_000, onRequest: options.onRequest, log },
      ledger, selected, seed, path: options.path, numRuns: options.numRuns,
      command: options.command ?? `npx gwi-test ${adapter.path}`,
    };
    const fatal: { error?: GwiError } = {};
    context.aborted = () => fatal.error !== undefined;
    const skippedAfterFatal = (entry: SuiteEntry) => {
      if (!fatal.error) return false;
      ledger.addError(entry.rules.filter(selected), `not run: ${fatal.error.code} earlier in the run`);
      return true;
    };
    // A hostile request that kills or hangs the server is an error for its own rules; a fresh server takes over so the
    // rest of the profile still says something (at most a few times: a server that dies on everything stops the run).
    let restarts = 0;
    let restarting: Promise<void> | undefined;
    const restart = (): Promise<void> =>
      (restarting ??= (async () => {
        restarts += 1;
        await server.stop();
        server = await startServer(adapter);
        context.execution.server = server;
        context.suite.port = server.port;
      })().finally(() => (restarting = undefined)));
    await runPool(mine, adapter.config.concurrency, async ({ entry, shard }) => {
      const begun = Date.now();
      if (restarting) await restarting;
      if (skippedAfterFatal(entry)) return;
      const startedOn = server;
      try {
        if (entry.kind === 'property') await runProperty(entry, context, shard);
        else if (entry.kind === 'hostile') await runHostileProperty(entry, context, shard!);
        else if (entry.kind === 'case') await runCase(entry, context);
        else await runScenario(entry, context);
        options.onProgress?.({ type: 'entry-done', entry, ms: Date.now() - begun });
      } catch (thrown) {
        const error = asGwiError(thrown);
        if (skippedAfterFatal(entry)) return;
        if (startedOn !== server) {
          // the server was replaced under this entry: its error says nothing about the server
          ledger.addError(entry.rules.filter(selected), `not judged: the server was restarted while ${entry.id} ran (${error.code})`);
          return;
        }
        const gone = error.code === 'GWI_SERVER_CRASHED' || error.code === 'GWI_SERVER_UNRESPONSIVE' || server.process.hasExited;
        recordError(state, entry.rules, error);
        if (gone && isHostile(entry) && restarts < 3) {
          try {
            await restart();
          } catch (failed) {
            fatal.error = asGwiError(failed);
          }
        } else if (gone) {
          // once the server is gone, nothing later says anything about it
          fatal.error = error;
        }
        options.onProgress?.({ type: 'entry-error', entry, error });
      }
    });
    // a shard reports only the rules its own entries check
    return { ruleIds: new Set(mine.flatMap(({ entry }) => entry.rules).filter(selected)), versions: server.versions };
  } finally {
    await server.stop();
    log.remove();
  }
}
