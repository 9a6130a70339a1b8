import { securitySuite } from '../hostile/suite.ts';
import { registeredInterfaces, type EntrySummary } from './plugin.ts';

/** Every entry of every profile of every registered interface, and the shared security profile. */
export function everyEntry(): EntrySummary[] {
  return [...registeredInterfaces().flatMap((plugin) => [...plugin.serverSuite(), ...(plugin.applicationSuite?.() ?? [])]), ...securitySuite()];
}

/** For each rule, the interfaces whose runs judge it (their own profiles, and the security profile where it runs). */
export function interfacesJudging(): Map<string, string[]> {
  const security = securitySuite().flatMap((entry) => entry.rules);
  const judging = new Map<string, string[]>();
  for (const plugin of registeredInterfaces()) {
    const own = [...plugin.serverSuite(), ...(plugin.applicationSuite?.() ?? [])].flatMap((entry) => entry.rules);
    for (const rule of new Set([...own, ...(plugin.securityProfile === false ? [] : security)])) judging.set(rule, [...(judging.get(rule) ?? []), plugin.name]);
  }
  return judging;
}
