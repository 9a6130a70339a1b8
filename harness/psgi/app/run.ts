import { runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import { startPsgiDriver } from './driver.ts';
import type { PsgiCall } from './env.ts';
import { psgiApplicationSuite, type PsgiAppEntry } from './suite.ts';

/** Load the .psgi file in the PSGI driver and run the application suite against it. */
export async function runPsgiApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startPsgiDriver(state.adapter);
  return runApplicationEntries<PsgiCall, PsgiAppEntry>(state, psgiApplicationSuite(), {
    versions: driver.versions,
    async evaluate(entry, call, timeoutMs) {
      const reply = await driver.call(call, timeoutMs);
      return entry.check({ call, events: reply.events });
    },
    show: (call) => driver.lineFor(call),
    stop: () => driver.stop(),
  });
}
