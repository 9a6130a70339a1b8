import { drivenByEvents, runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import { startDriver } from './driver.ts';
import { applicationSuite, type AppEntry } from './suite.ts';
import type { AppCall } from '../generators/environ.ts';
import type { DriverEvent } from '../../generated/driverProtocol.ts';

/** Load the application in the WSGI driver and run the application suite against it. */
export async function runWsgiApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startDriver(state.adapter);
  const single = drivenByEvents<AppCall, DriverEvent[], AppEntry>(driver);
  return runApplicationEntries<AppCall, AppEntry>(state, applicationSuite(), {
    ...single,
    // an entry with `then` makes its second call right after the first and judges both, and the pair
    async evaluate(entry, call, timeoutMs) {
      if (entry.kind !== 'case' || !entry.then) return single.evaluate(entry, call, timeoutMs);
      const next = entry.then.call(call);
      const first = { call, events: (await driver.call(call, timeoutMs)).events };
      const second = { call: next, events: (await driver.call(next, timeoutMs)).events };
      return [...entry.check(first), ...entry.check(second), ...entry.then.compare(first, second)];
    },
  });
}
