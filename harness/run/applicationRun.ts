import type fc from 'fast-check';
import { GwiError, asGwiError } from '../core/errors.ts';
import type { Outcome } from './outcome.ts';
import type { RunningDriver } from './driver.ts';
import { plannedWork, recordError, replayBase, type EntriesRun, type RunState } from './state.ts';
import { recordCase, searchProperty, type Judge } from './runEntry.ts';

/** An entry of an interface's application suite: generated calls (property) or one fixed call (case). */
export type ApplicationEntry<Call> =
  | { kind: 'property'; id: string; does: string; rules: string[]; numRuns: number; arbitrary(): fc.Arbitrary<Call> }
  | { kind: 'case'; id: string; does: string; rules: string[]; call(): Call };

/** What an interface gives the loop: its driver, started, and how one call of an entry is made and judged. */
export interface ApplicationDriving<Call, Entry extends ApplicationEntry<Call>> {
  versions: Record<string, string>;
  /** Call the application (once or more) for this entry and judge what it did. */
  evaluate(entry: Entry, call: Call, timeoutMs: number): Promise<Outcome[]>;
  /** The exact driver line that reproduces the call. */
  show(call: Call): string;
  stop(): Promise<void>;
}

/** A hung or dead driver says nothing more about the application: later entries are not run. */
const fatalCodes = new Set(['GWI_APP_TIMEOUT', 'GWI_APP_CRASHED', 'GWI_DRIVER_PROTOCOL']);

/** Run the selected application entries one call at a time against a started driver, then stop it. */
export async function runApplicationEntries<Call, Entry extends ApplicationEntry<Call>>(state: RunState, suite: Entry[], driving: ApplicationDriving<Call, Entry>): Promise<EntriesRun> {
  const { options, adapter, ledger, selected } = state;
  const mine = plannedWork(suite, state, () => 1);
  const context = { ledger, path: options.path, replay: replayBase(state), maxRounds: 4 };
  const timeoutMs = options.timeoutMs ?? 10_000;
  try {
    options.onProgress?.({ type: 'server-ready', adapter: adapter.config.name, port: 0, versions: driving.versions, total: mine.length });
    let fatal: GwiError | undefined;
    for (const { entry, shard } of mine) {
      if (fatal) {
        ledger.addError(entry.rules.filter(selected), `not run: ${fatal.code} earlier in the run`);
        continue;
      }
      const begun = Date.now();
      // only the entry's selected rules count
      const judge: Judge<Call> = {
        async evaluate(call) {
          options.onRequest?.();
          const outcomes = await driving.evaluate(entry, call, timeoutMs);
          return outcomes.filter((o) => entry.rules.includes(o.ruleId) && selected(o.ruleId));
        },
        show: (call) => driving.show(call),
      };
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
        if (fatalCodes.has(error.code)) fatal = error;
        recordError(state, entry.rules, error);
        options.onProgress?.({ type: 'entry-error', entry, error });
      }
    }
    return { ruleIds: new Set(mine.flatMap(({ entry }) => entry.rules).filter(selected)), versions: driving.versions };
  } finally {
    await driving.stop();
  }
}

/**
 * The driving of an interface whose driver answers each call with the events it saw, and whose entries judge them
 * with a check of their own (WSGI, PSGI): one driver call per evaluation.
 */
export function drivenByEvents<Call, Events, Entry extends ApplicationEntry<Call> & { check(observation: { call: Call; events: Events }): Outcome[] }>(driver: RunningDriver<Call, { events: Events }>): ApplicationDriving<Call, Entry> {
  return {
    versions: driver.versions,
    async evaluate(entry, call, timeoutMs) {
      const reply = await driver.call(call, timeoutMs);
      return entry.check({ call, events: reply.events });
    },
    show: (call) => driver.lineFor(call),
    stop: () => driver.stop(),
  };
}
