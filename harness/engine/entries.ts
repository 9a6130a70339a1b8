import { securitySuite } from '../hostile/suite.ts';
import { registeredInterfaces, type EntrySummary } from './plugin.ts';

/** Every entry of every profile of every registered interface, and the shared security profile. */
export function everyEntry(): EntrySummary[] {
  return [...registeredInterfaces().flatMap((plugin) => [...plugin.serverSuite(), ...(plugin.applicationSuite?.() ?? [])]), ...securitySuite()];
}
