
import { GwiError, asGwiError } from '../../core/errors.ts';
import type { Outcome } from '../observation.ts';
import { plannedWork, recordError, replayBase, type EntriesRun, type RunState } from '../../run/state.ts';
import { recordCase, searchProperty, type Judge } from '../../run/runEntry.ts';
import type { AppCall } from '../generators/environ.ts';
import { startDriver, type RunningDriver } from './driver.ts';
import { applicationSuite, type AppEntry } from './suite.ts';

/** Call the application once and judge what it did; only the entry's selected rules count. */
function judgeFor(entry: AppEntry, driver: RunningDriver, state: RunState): Judge<AppCall> {
  const timeoutMs = state.options.timeoutMs ?? 10_000;
  return {
    async evaluate(call): Promise<Outcome[]> {
      state.options.onRequest?.();
      const reply = await driver.call(call, timeoutMs);
      return entry.check({ call, events: reply.events }).filter((o) => entry.rules.includes(o.ruleId) && state.selected(o.ruleId));
    },
    // the exact line to pipe into the driver reproduces the call
    show: (call) => driver.lineFor(call),
  };
}

/** Start the driver with the application, run the selected application entries one call at a time, stop it. */
export async function runApplicationEntries(state: RunState): Promise<EntriesRun> {
  const { options, adapter, ledger, selected } = state;
  const mine = plannedWork(applicationSuite(), state, () => 1);
  const driver = await startDriver(adapter);
  const context = { ledger, path: options.path, replay: replayBase(state), maxRounds: 4 };
  try {
    options.onProgress?.({ type: 'server-ready', adapter: adapter.config.name, port: 0, versions: driver.versions, total: mine.length });
    let fatal: GwiError | undefined;
    for (const { entry, shard } of mine) {
      if (fatal) {
        ledger.addError(entry.rules.filter(selected), `not run: ${fatal.code} earlier in the run`);
        continue;
      }
      const begun = Date.now();
      const judge = judgeFor(entry, driver, state);
      try {
        if (entry.kind === 'property') {
          await searchProperty(entry.id, entry.arbitrary(), judge, context, shard!);
        } else {
          const call = entry.call();
          recordCase(entry.id, await judge.evaluate(call), judge.show(call), context);
        }
        options.onProgress?.({ type: 'entry-done', entry, ms: Date.now() - begun });
      } catch (thrown) {
        const error = asGwiError(thrown);
        // a hung or dead driver says nothing more about the application
        if (error.code === 'GWI_APP_TIMEOUT' || error.code === 'GWI_APP_CRASHED' || error.code === 'GWI_DRIVER_PROTOCOL') fatal = error;
        recordError(state, entry.rules, error);
        options.onProgress?.({ type: 'entry-error', entry, error });
      }
    }
    return { ruleIds: new Set(mine.flatMap(({ entry }) => entry.rules).filter(selected)), versions: driver.versions };
  } finally {
    await driver.stop();
  }
}

