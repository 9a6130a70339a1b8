import { runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import { rackApplicationCall } from './checks.ts';
import type { RackCall } from './calls.ts';
import { startRackDriver } from './driver.ts';
import { rackApplicationSuite, type RackAppEntry } from './suite.ts';

/** Load the rackup file in the Rack driver and run the application suite against it. */
export async function runRackApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startRackDriver(state.adapter);
  return runApplicationEntries<RackCall, RackAppEntry>(state, rackApplicationSuite(), {
    versions: driver.versions,
    async evaluate(_entry, call, timeoutMs) {
      const reply = await driver.call(call, timeoutMs);
      return rackApplicationCall({ call, events: reply.events });
    },
    show: (call) => driver.lineFor(call),
    stop: () => driver.stop(),
  });
}
