import { drivenByEvents, runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import { startPsgiDriver } from './driver.ts';
import type { PsgiCall } from './psgiEnv.ts';
import { psgiApplicationSuite, type PsgiAppEntry } from './suite.ts';

/** Load the .psgi file in the PSGI driver and run the application suite against it. */
export async function runPsgiApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startPsgiDriver(state.adapter);
  return runApplicationEntries<PsgiCall, PsgiAppEntry>(state, psgiApplicationSuite(), drivenByEvents(driver));
}
