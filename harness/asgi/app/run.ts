import { GwiError } from '../../core/errors.ts';
import { runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import type { AsgiCall } from './calls.ts';
import { startAsgiDriver, type RunningAsgiDriver } from './driver.ts';
import { asgiApplicationSuite, type AsgiAppEntry } from './suite.ts';

/** The driver bounds each call a little below the harness's own timeout, so a hung call comes back as data. */
const driverBound = (timeoutMs: number) => Math.max(500, Math.min(5000, timeoutMs - 2000));

/** One call; an application that never finished its part is an error naming the call, not a finding. */
async function called(driver: RunningAsgiDriver, call: AsgiCall, timeoutMs: number) {
  const reply = await driver.call({ ...call, timeoutMs: driverBound(timeoutMs) }, timeoutMs);
  const hung = reply.events.find((e) => e.e === 'still-running' && !e.finished);
  if (hung && hung.e === 'still-running') {
    throw new GwiError('GWI_APP_HUNG', `the application did not finish its part of the call within ${driverBound(timeoutMs)} ms (response ${hung.response}); the driver cancelled it\n  call: ${driver.lineFor(call)}`, 'run the call above by hand; raise --timeout if the application is only slow');
  }
  return reply.events;
}

/** Load the application in the ASGI driver and run the application suite against it. */
export async function runAsgiApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startAsgiDriver(state.adapter);
  return runApplicationEntries<AsgiCall, AsgiAppEntry>(state, asgiApplicationSuite(), {
    versions: driver.versions,
    async evaluate(entry, call, timeoutMs) {
      const events = await called(driver, call, timeoutMs);
      const baseline = entry.baseline ? await called(driver, { ...call, receive: { ...call.receive, extraKeys: false } }, timeoutMs) : undefined;
      return entry.check({ call, events, baseline });
    },
    show: (call) => driver.lineFor(call),
    stop: () => driver.stop(),
  });
}
