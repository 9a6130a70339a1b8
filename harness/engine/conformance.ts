import { existsSync } from 'node:fs';
import { GwiError, asGwiError } from '../core/errors.ts';
import { loadAdapter } from '../adapter/load.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { toolVersion } from '../spec/paths.ts';
import type { HarnessErrorRecord, Report, RuleResult } from '../generated/report.ts';
import type { SuiteEntry } from '../run/entries.ts';
import { EventLog } from '../run/eventLog.ts';
import { Ledger } from '../run/ledger.ts';
import { runPool } from '../run/pool.ts';
import { regressionEntries } from '../run/regressions.ts';
import { runCase, runHostile, runProperty, runScenario, type EntryContext } from '../run/runEntry.ts';
import { startServer } from '../run/server.ts';
import { answersPlainRequest, hungBy, stopsFreshServer, stoppedOnItsOwn } from '../run/liveness.ts';
import { errorRecord, plannedWork, recordError, replayBase, runBounds, securityProfile, type EntriesRun, type RunOptions, type RunState } from '../run/state.ts';
import { verdictFor } from '../run/verdicts.ts';
import { applyExpectations, expectationsPath, loadExpectations, writeExpectations } from '../run/expectations.ts';
import { securitySuite } from '../hostile/suite.ts';
import { pluginFor, type GatewayPlugin } from './plugin.ts';

export type { EntryLabel, ProgressEvent, RunOptions, RunState } from '../run/state.ts';

/** The programmatic API: run the suite against one adapter and return the report. Never reads argv, never exits. */
export async function runConformance(options: RunOptions): Promise<Report> {
  const startedAt = new Date();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const errors: HarnessErrorRecord[] = [];
  const adapterPath = typeof options.adapter === 'string' ? options.adapter : options.adapter.path;
  const report = (results: RuleResult[], adapterName: string, versions: Record<string, string>, adapterInterface?: string): Report => {
    const summary = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, error: 0, xfail: 0, xpass: 0 };
    for (const result of results) summary[result.verdict] += 1;
    const exitCode = errors.length > 0 || summary.error > 0 ? 2 : summary.fail > 0 || summary.xpass > 0 || (options.strict && summary.warn > 0) ? 1 : 0;
    return {
      format: 2, tool: { name: 'gwi-test', version: toolVersion }, adapter: { name: adapterName, path: adapterPath, ...(adapterInterface ? { interface: adapterInterface } : {}), versions },
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
    const plugin = pluginFor(adapter.config.interface);
    // the expectations are checked before any server starts: a bad file must not cost a whole run
    const known = new Set(catalogue.keys());
    const expectationsFile = expectationsPath(adapter.dir, options.expectations);
    if (options.expectations !== undefined && !options.updateExpectations && !existsSync(expectationsFile)) {
      throw new GwiError('GWI_USAGE', `--expectations ${options.expectations}: no such file`, 'give the path of an expectations file, or create one with --update-expectations');
    }
    let expectations = loadExpectations(expectationsFile, known);
    const run = { options, adapter, ledger, selected, seed, errors };
    const { ruleIds, versions } = adapter.config.kind === 'application' ? await runApplication(plugin, run) : await runServerEntries(plugin, run);
    const verdicts = [...catalogue.values()].filter((rule) => ruleIds.has(rule.id)).map((rule) => verdictFor(rule, ledger, adapter.config.capabilities, adapter.config.interface));
    let results = applyExpectations(verdicts, expectations);
    if (options.updateExpectations && errors.length === 0) {
      writeExpectations(expectationsFile, report(results, adapter.config.name, versions, adapter.config.interface), expectations);
      expectations = loadExpectations(expectationsFile, known);
      results = applyExpectations(verdicts, expectations);
    }
    // (rules held inconclusive say why nothing was judged, e.g. hostile cases on a server that drops the arrivals field)
    if (adapter.config.kind === 'server' && errors.length === 0 && results.length > 0 && results.every((r) => r.cases === 0 && ledger.get(r.ruleId).inconclusive.size === 0)) {
      errors.push(errorRecord(new GwiError('GWI_NOTHING_REACHED_PROBE', 'the server answered every request without running the probe', 'run `gwi-test smoke` on the adapter: it is probably not serving {probeApp}')));
    }
    return report(results, adapter.config.name, versions, adapter.config.interface);
  } catch (thrown) {
    errors.push(errorRecord(asGwiError(thrown)));
    return report([], adapterPath, {});
  }
}

function runApplication(plugin: GatewayPlugin, state: RunState): Promise<EntriesRun> {
  if (!plugin.runApplication) throw new GwiError('GWI_ADAPTER_INVALID', `gwi-test has no ${plugin.name} application driver yet`, 'use a server adapter for this interface');
  return plugin.runApplication(state);
}

/** The profiles an adapter of this interface has: its own, named after it, and the shared security profile. */
export const profilesOf = (plugin: GatewayPlugin) => (plugin.securityProfile === false ? [plugin.name] : [plugin.name, securityProfile]);

/** Start the server, run the selected server entries against it, stop it. */
async function runServerEntries(plugin: GatewayPlugin, state: RunState): Promise<EntriesRun> {
  const { options, adapter, ledger, selected, seed } = state;
  const profiles = options.profiles ?? profilesOf(plugin);
  const unknown = profiles.filter((p) => !profilesOf(plugin).includes(p));
  if (unknown.length > 0) throw new GwiError('GWI_USAGE', `${adapter.config.name} (${plugin.name}) has no profile ${unknown.join(', ')}`, `its profiles: ${profilesOf(plugin).join(', ')}`);
  const suite = [...(profiles.includes(plugin.name) ? plugin.serverSuite() : []), ...(profiles.includes(securityProfile) ? securitySuite() : [])];
  // saved counterexamples (gwi-test replay --save) run every time, as fixed cases;
  // hostile inputs are searched in one shard: each failing one is shrunk through slow conversations, once, not per
  // shard; other properties get one shard per connection the server allows, so every connection stays busy
  const mine = plannedWork([...suite, ...regressionEntries(adapter.dir, suite)], state, (entry) => (entry.kind === 'hostile' ? 1 : adapter.config.concurrency));
  let server = await startServer(adapter, plugin);
  const log = new EventLog();
  let sent = 0;
  const bounds = runBounds(options, mine.length);
  try {
    options.onProgress?.({ type: 'server-ready', adapter: adapter.config.name, port: server.port, versions: server.versions, total: mine.length });
    const context: EntryContext = {
      suite: { port: server.port, capabilities: adapter.config.capabilities, deadlineMs: options.deadlineMs ?? 750, log, scriptName: adapter.config.scriptName },
      execution: { server, scriptName: adapter.config.scriptName, timeoutMs: options.timeoutMs ?? 10_000, onRequest: () => ((sent += 1), options.onRequest?.()), log },
      launch: (env) => startServer(adapter, { ...plugin, serverEnv: (values) => ({ ...(plugin.serverEnv?.(values) ?? {}), ...env }) }),
      ledger, selected, seed, path: options.path, numRuns: options.numRuns,
      replay: replayBase(state),
    };
    const fatal: { error?: GwiError } = {};
    const notRun: string[] = [];
    context.aborted = () => fatal.error !== undefined;
    const skippedAfterFatal = (entry: SuiteEntry) => {
      if (!fatal.error) return false;
      ledger.addError(entry.rules.filter(selected), `not run: ${fatal.error.code} earlier in the run`);
      if (!notRun.includes(entry.id)) notRun.push(entry.id);
      return true;
    };
    // the whole run is bounded, and a caller (Ctrl-C) may end it: entries not yet begun are reported as not run
    const stopRun = (error: GwiError) => {
      if (fatal.error) return;
      fatal.error = error;
      recordError(state, [], error);
      void server.stop();
    };
    context.deadline = Date.now() + bounds.maxTimeMs;
    const timer = setTimeout(() => stopRun(new GwiError('GWI_RUN_TIME_BOUND', `the run passed its time bound of ${bounds.maxTimeMs / 1000} s`, 'raise --max-time, or run fewer entries (--rule, --profile, --shard)')), bounds.maxTimeMs);
    const onAbort = () => stopRun(new GwiError('GWI_INTERRUPTED', `stopped by ${String(options.signal?.reason ?? 'the caller')}`, 'every server the run started has been stopped'));
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();
    // A request that kills or hangs the server is an error for its own rules; a fresh server takes over so the rest
    // of the run still says something (at most a few times: a server that dies on everything stops the run).
    let restarts = 0;
    let restarting: Promise<void> | undefined;
    const restart = (): Promise<void> =>
      (restarting ??= (async () => {
        restarts += 1;
        await server.stop();
        server = await startServer(adapter, plugin);
        context.execution.server = server;
        context.suite.port = server.port;
      })().finally(() => (restarting = undefined)));
    /** After a request that hung or killed the server: restart, and tell a request that stops any server from a server that stops by itself. */
    const recover = async (entry: SuiteEntry, error: GwiError) => {
      if (restarts >= 3) {
        fatal.error = error;
        return;
      }
      const sentBefore = sent;
      await restart();
      if (!error.request) return recordError(state, entry.rules, error);
      if (await stopsFreshServer(error.request, server)) {
        recordError(state, entry.rules, error);
        await restart();
      } else {
        const own = stoppedOnItsOwn(error, sentBefore);
        recordError(state, [], own);
        fatal.error = own;
      }
    };
    try {
      await runPool(mine, adapter.config.concurrency, async ({ entry, shard }) => {
        const begun = Date.now();
        if (restarting) await restarting;
        if (skippedAfterFatal(entry)) return;
        const startedOn = server;
        try {
          if (entry.kind === 'property') await runProperty(entry, context, shard);
          else if (entry.kind === 'hostile') await runHostile(entry, context, shard!);
          else if (entry.kind === 'case') await runCase(entry, context);
          else await runScenario(entry, context);
          options.onProgress?.({ type: 'entry-done', entry, ms: Date.now() - begun });
        } catch (thrown) {
          let error = asGwiError(thrown);
          if (skippedAfterFatal(entry)) return;
          if (startedOn !== server) {
            // the server was replaced under this entry: its error says nothing about the server
            ledger.addError(entry.rules.filter(selected), `not judged: the server was restarted while ${entry.id} ran (${error.code})`);
            return;
          }
          // a timed-out request: only slow, if the server still answers others; hung, if it answers no one
          if (error.code === 'GWI_SERVER_TIMEOUT' && !(await answersPlainRequest(server))) error = hungBy(error);
          const gone = error.code === 'GWI_SERVER_CRASHED' || error.code === 'GWI_SERVER_UNRESPONSIVE' || server.process.hasExited;
          options.onProgress?.({ type: 'entry-error', entry, error });
          if (!gone) return recordError(state, entry.rules, error);
          try {
            await recover(entry, error);
          } catch (failed) {
            recordError(state, entry.rules, error);
            fatal.error = asGwiError(failed);
            recordError(state, [], fatal.error);
          }
          if (fatal.error) ledger.addError(entry.rules.filter(selected), `${error.code}: ${error.message.split('\n')[0]}`);
        }
      });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (notRun.length > 0 && fatal.error) {
      // the error that stopped the run says what it cut off
      const shown = notRun.slice(0, 12).join(', ') + (notRun.length > 12 ? `, and ${notRun.length - 12} more` : '');
      const record = state.errors.find((e) => e.code === fatal.error!.code && e.message === fatal.error!.message);
      const line = `\n  not run: ${notRun.length} entries (${shown}); their rules are errors in this report`;
      if (record) record.message += line;
      else state.errors.push(errorRecord(new GwiError(fatal.error.code, `${fatal.error.message}${line}`, fatal.error.hint)));
    }
    // a shard reports only the rules its own entries check
    return { ruleIds: new Set(mine.flatMap(({ entry }) => entry.rules).filter(selected)), versions: server.versions };
  } finally {
    await server.stop();
    log.remove();
  }
}
