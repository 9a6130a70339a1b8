import { drivenByEvents, runApplicationEntries } from '../../run/applicationRun.ts';
import type { EntriesRun, RunState } from '../../run/state.ts';
import { startDriver } from './driver.ts';
import { applicationSuite, type AppEntry } from './suite.ts';
import type { AppCall } from '../generators/environ.ts';

/** Load the application in the WSGI driver and run the application suite against it. */
export async function runWsgiApplication(state: RunState): Promise<EntriesRun> {
  const driver = await startDriver(state.adapter);
  return runApplicationEntries<AppCall, AppEntry>(state, applicationSuite(), drivenByEvents(driver));
}
