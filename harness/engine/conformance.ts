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
import { errorRecord, plannedWork, recordError, replayBase, securityProfile, type EntriesRun, type RunOptions, type RunState } from '../run/state.ts';
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
    const run = { options, adapter, ledger, selected, seed, errors };
    const { ruleIds, versions } = adapter.config.kind === 'application' ? await runApplication(plugin, run) : await runServerEntries(plugin, run);
    const verdicts = [...catalogue.values()].filter((rule) => ruleIds.has(rule.id)).map((rule) => verdictFor(rule, ledger, adapter.config.capabilities, adapter.config.interface));
    const known = new Set(catalogue.keys());
    const expectationsFile = expectationsPath(adapter.dir, options.expectations);
    let expectations = loadExpectations(expectationsFile, known);
    let results = applyExpectations(verdicts, expectations);
    if (options.updateExpectations && errors.length === 0) {
      writeExpectations(expectationsFile, report(results, adapter.config.name, versions, adapter.config.interface), expectations);
      expectations = loadExpectations(expectationsFile, known);
      results = applyExpectations(verdicts, expectations);
    }
    if (adapter.config.kind === 'server' && errors.length === 0 && results.length > 0 && results.every((r) => r.cases === 0)) {
      errors.push(errorRecord(new GwiError('GWI_NOTHING_REACHED_PROBE', 'the server answered every request without running the probe', 'run `gwi-test smoke` on the adapter: it is probably not serving {probeApp}')));
    }
    return report(results, adapter.config.name, versions, adapter.config.interface);
  } catch (thrown) {
    errors.push(errorRecord(asGwiError(thrown)));
    return report([], adapterPath, {});
  }
}

const isHostile = (entry: SuiteEntry) => entry.kind === 'hostile' || entry.id.startsWith('hostile.');

function runApplication(plugin: GatewayPlugin, state: RunState): Promise<EntriesRun> {
  if (!plugin.runApplication) throw new GwiError('GWI_ADAPTER_INVALID', `gwi-test has no ${plugin.name} application driver yet`, 'use a server adapter for this interface');
  return plugin.runApplication(state);
}

/** The profiles an adapter of this interface has: its own, named after it, and the shared security profile. */
export const profilesOf = (plugin: GatewayPlugin) => [plugin.name, securityProfile];

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
  try {
    options.onProgress?.({ type: 'server-ready', adapter: adapter.config.name, port: server.port, versions: server.versions, total: mine.length });
    const context: EntryContext = {
      suite: { port: server.port, capabilities: adapter.config.capabilities, deadlineMs: options.deadlineMs ?? 750, log },
      execution: { server, scriptName: adapter.config.scriptName, timeoutMs: options.timeoutMs ?? 10_000, onRequest: options.onRequest, log },
      launch: (env) => startServer(adapter, { ...plugin, serverEnv: (values) => ({ ...(plugin.serverEnv?.(values) ?? {}), ...env }) }),
      ledger, selected, seed, path: options.path, numRuns: options.numRuns,
      replay: replayBase(state),
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
        server = await startServer(adapter, plugin);
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
        else if (entry.kind === 'hostile') await runHostile(entry, context, shard!);
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
