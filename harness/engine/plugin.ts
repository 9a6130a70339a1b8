import { GwiError } from '../core/errors.ts';
import type { LoadedAdapter } from '../adapter/load.ts';
import type { ProbeInfo } from '../process/launch.ts';
import type { SuiteEntry } from '../run/entries.ts';
import type { RunningServer } from '../run/server.ts';
import type { EntriesRun, RunState } from '../run/state.ts';

/** What `gwi-test smoke` shows of one plain request. */
export interface SmokeResult {
  adapter: string;
  port: number;
  versions: Record<string, string>;
  /** The keys the application saw on one plain request (environ keys for WSGI, scope keys for ASGI). */
  environKeys: string[];
}

/** An entry as the catalogue and the spec site see it: what it does and which rules it checks. */
export interface EntrySummary {
  kind: string;
  id: string;
  does: string;
  rules: string[];
}

/**
 * One gateway interface (WSGI, ASGI, …) as the engine knows it. The engine runs adapters, plans and shards work,
 * searches and shrinks, keeps the ledger, writes reports and plays the security profile; a plugin supplies what is
 * particular to its interface: the probe, the suite that reads it, and the application driver.
 */
export interface GatewayPlugin {
  /** The adapter's `interface` value; also the name of the interface's own profile. */
  name: string;
  /** A human name: "WSGI (PEP 3333)". */
  title: string;
  /** Folders of spec/ whose rules belong to this interface (the catalogue keeps them apart by prefix). */
  ruleFolders: string[];
  /** The probe a server adapter hosts. */
  probe: ProbeInfo;
  /** Whether a 200 answer's JSON body is this probe's report: what readiness waits for. */
  isProbeReport(body: unknown): boolean;
  /** Environment the server process gets besides the adapter's (e.g. where the probe logs lifespan events). */
  serverEnv?(values: Record<string, string>): Record<string, string>;
  /** Added to the hint when a server does not become ready. */
  startHint?: string;
  /**
   * Whether the shared security profile runs for this interface's servers (default true). It sends its requests to
   * any path and reads arrivals from X-Gwi-Arrivals, so it needs a probe at every path that sees every field.
   */
  securityProfile?: boolean;
  /** The entries of the interface's own profile, run against a server hosting the probe. */
  serverSuite(): SuiteEntry[];
  /** Before a server's entries run (e.g. record what happened at start-up); after they ran (e.g. judge shutdown). */
  beforeServerEntries?(server: RunningServer, state: RunState): Promise<void>;
  afterServerStopped?(server: RunningServer, state: RunState): Promise<void>;
  /** Entries of the application kind (for the catalogue and the spec site). */
  applicationSuite?(): EntrySummary[];
  /** Run an adapter of kind application; absent while the interface has no driver. */
  runApplication?(state: RunState): Promise<EntriesRun>;
  /** One plain exchange through the probe; returns the keys the application saw. */
  smokeServer(server: RunningServer, adapter: LoadedAdapter, timeoutMs: number): Promise<string[]>;
  smokeApplication?(adapter: LoadedAdapter, timeoutMs: number): Promise<SmokeResult>;
}

const plugins = new Map<string, GatewayPlugin>();

/** Install a plugin; harness/interfaces.ts does this once for every interface gwi-test ships. */
export function registerInterface(plugin: GatewayPlugin): void {
  plugins.set(plugin.name, plugin);
}

export function registeredInterfaces(): GatewayPlugin[] {
  return [...plugins.values()];
}

/** The plugin of an adapter's interface. */
export function pluginFor(name: string): GatewayPlugin {
  const plugin = plugins.get(name);
  if (!plugin) {
    throw new GwiError('GWI_ADAPTER_INVALID', `gwi-test has no plugin for the interface "${name}"`, `use one of: ${[...plugins.keys()].join(', ') || '(none registered: import gwi-test through its package entry)'}`);
  }
  return plugin;
}
